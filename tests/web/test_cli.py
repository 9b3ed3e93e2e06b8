"""The ``millwork`` command as a user runs it: output, exit codes, one clear error line."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import trimesh
import uvicorn
from pypdf import PdfReader
from sqlalchemy import inspect

from persistence.db import make_engine
from persistence.quote_store import SqlQuoteStore
from tests.builders import a_cabinet, a_document
from web.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "bedroom.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def design_file(tmp_path: Path, content: Any) -> str:
    path = tmp_path / "design.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_cutlist_prints_the_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cutlist", str(EXAMPLE))
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["part_id"] == "W1-SIDE-L"
    assert {r["cabinet"] for r in rows} == {"W1"}


def test_cutlist_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cutlist", str(EXAMPLE), "--format", "json")
    assert code == 0
    assert json.loads(out)["parts"][0]["part_id"] == "W1-SIDE-L"


def test_model_writes_a_glb_with_a_node_per_part(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "m.glb"
    code, _, err = run(capsys, "model", str(EXAMPLE), "--out", str(out_file))
    assert code == 0 and "parts" in err
    scene = trimesh.load(out_file, file_type="glb")
    parts = [n for n in scene.graph.nodes_geometry if not n.startswith("room:")]
    assert "W1-DOOR1" in parts and "room:floor" in scene.graph.nodes_geometry


def test_model_cannot_write(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "model", str(EXAMPLE), "--out", str(tmp_path / "no" / "m.glb"))
    assert code == 1 and err.startswith("millwork: error:") and "cannot write" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"schema": "millwork/design@1", "room": {}, "cabinets": [NaN]}', "NaN is not a number"),
        (a_document(a_cabinet(template="sofa")), "unknown template 'sofa'"),
        (a_document(a_cabinet(carcass_material="GOLD")), "unknown material 'GOLD'"),
        (a_document(a_cabinet(width_mm=-600)), "cabinets[0].width_mm: -600.0 is outside"),
        (a_document(a_cabinet(height_mm=99999)), "cabinets[0].height_mm: 99999.0 is outside"),
        (a_document(a_cabinet(width_mm=5000)), "outside wardrobe_hinged's range 400–2400 mm"),
        (a_document(a_cabinet(depth_mm="deep")), "must be a number, not a string"),
        ([], "must be an object"),
    ],
)
def test_bad_input_prints_one_clear_error_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: Any, message: str
) -> None:
    code, out, err = run(capsys, "cutlist", design_file(tmp_path, content))
    assert code == 1 and out == ""
    assert message in err
    assert "Traceback" not in err
    assert all(line.startswith("millwork: error: ") for line in err.splitlines())


def test_a_missing_file_and_a_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "cutlist", str(tmp_path / "nope.json"))
    assert code == 1 and "no such file" in err
    code, _, err = run(capsys, "cutlist", str(tmp_path))
    assert code == 1 and "is a directory" in err


def test_every_problem_gets_its_own_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = a_document(a_cabinet(width_mm=-1, depth_mm=0, colour="red"))
    code, _, err = run(capsys, "cutlist", design_file(tmp_path, doc))
    assert code == 1 and len(err.splitlines()) == 3


@pytest.mark.slow
def test_the_installed_command_never_shows_a_traceback(tmp_path: Path) -> None:
    bad = design_file(tmp_path, '{"schema": 1')
    done = subprocess.run(
        [sys.executable, "-m", "web.cli", "cutlist", bad],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("millwork: error:") and "Traceback" not in done.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "web.cli", "cutlist"], capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2 and "usage: millwork" in usage.stderr


L_SHAPED = Path(__file__).parents[2] / "examples" / "l-shaped-bedroom.json"


def test_evaluate_prints_problems_and_summary_and_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "evaluate", str(L_SHAPED), "--at", "2026-11-24")
    report = json.loads(out)
    assert code == 0 and report["parts_summary"]["cabinets"] == 4
    doc = json.loads(L_SHAPED.read_text())
    doc["cabinets"][0]["template"] = "sofa"
    doc["cabinets"][1]["height_mm"] = 1000
    code, out, _ = run(
        capsys, "evaluate", design_file(tmp_path, doc), "--lang", "zh-CN", "--at", "2026-11-24"
    )
    report = json.loads(out)
    assert code == 0
    assert {p["code"] for p in report["problems"]} == {"unknown_template", "blocks_opening"}
    blocked = next(p for p in report["problems"] if p["code"] == "blocks_opening")
    assert "窗" in blocked["message"]
    assert {f["code"] for f in blocked["fixes"]} >= {"set_height"}
    assert all(f["message"] and f["patch"] for f in blocked["fixes"])


def test_evaluate_fails_only_when_the_input_cannot_be_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "evaluate", design_file(tmp_path, "[1, 2"))
    assert code == 1 and out == "" and "not valid JSON" in err


def test_plan_and_elevation_write_svg(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan, wall = tmp_path / "plan.svg", tmp_path / "wall.svg"
    assert run(capsys, "plan", str(L_SHAPED), "--out", str(plan))[0] == 0
    assert run(capsys, "elevation", str(L_SHAPED), "--wall", "0", "--out", str(wall))[0] == 0
    assert plan.read_text().startswith("<svg") and wall.read_text().startswith("<svg")
    code, _, err = run(capsys, "elevation", str(L_SHAPED), "--wall", "6", "--out", str(wall))
    assert code == 1 and "there is no wall 6 (walls 0–5)" in err


def test_a_broken_room_cannot_be_drawn(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = json.loads(L_SHAPED.read_text())
    doc["room"]["outline_mm"] = [[0, 0], [4000, 3000], [4000, 0], [0, 3000]]
    code, _, err = run(capsys, "plan", design_file(tmp_path, doc), "--out", str(tmp_path / "p"))
    assert code == 1 and "crosses itself" in err


def test_fill_proposes_for_each_free_span(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fill", str(L_SHAPED), "--wall", "0")
    spans = json.loads(out)["spans"]
    # wall 0: the corner, W1 at 200..1800, a free span, then the window (low units only)
    first = spans[0]["proposal"]
    assert code == 0 and first["widths_mm"] == [1200] and first["filler_mm"] == 0
    assert first["code"] == "fill_span" and first["message"].startswith("add 1 × wardrobe_hinged")
    assert [op["value"]["width_mm"] for op in first["patch"]] == [1200]
    assert spans[1]["limit"] == "window" and spans[1]["problem"]["code"] == "fill_too_low"
    assert all(s["proposal"] is None or s["proposal"]["widths_mm"] for s in spans)
    code, out, _ = run(capsys, "fill", str(L_SHAPED), "--wall", "0", "--lang", "zh-CN")
    assert code == 0 and "沿墙 0" in json.loads(out)["spans"][0]["proposal"]["message"]
    code, _, err = run(capsys, "fill", str(L_SHAPED), "--wall", "0", "--template", "sofa")
    assert code == 1 and "unknown template" in err


def test_evaluate_prices_with_coupon_and_membership(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "evaluate",
        str(L_SHAPED),
        "--at",
        "2026-11-24",
        "--member",
        "--coupon",
        "welcome300",
    )
    price = json.loads(out)["price"]
    assert code == 0 and price["currency"] == "CNY"
    applied = {a["id"]: a for a in price["promotions"]["applied"]}
    assert set(applied) >= {"WELCOME300", "MEMBER-5"}
    for key in ("subtotal", "discount", "tax_included", "total", "deposit", "balance"):
        assert re.fullmatch(r"-?\d+\.\d\d", price[key]), key
    coupon = applied["WELCOME300"]
    assert (coupon["detail"], coupon["params"]) == ("coupon", {"code": "WELCOME300"})
    assert coupon["message"] == "coupon WELCOME300"  # --lang defaults to en
    assert all(n["message"] for n in price["promotions"]["not_applied"])
    code, _, err = run(capsys, "evaluate", str(L_SHAPED), "--region", "mars")
    assert code == 1 and "no installation and delivery for region 'mars'" in err


def test_evaluate_words_promotions_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "evaluate", str(L_SHAPED), "--at", "2026-11-24", "--lang", "zh-CN")
    promotions = json.loads(out)["price"]["promotions"]
    flash = next(a for a in promotions["applied"] if a["id"] == "FLASH-HANDLE320")
    assert code == 0 and flash["detail"] == "flash_price"
    assert flash["params"] == {
        "item": "HANDLE_320",  # the code stays; the names are added for the wording
        "item_name": "Bar handle, 320 mm centres, matt black",
        "item_name_zh": "拉手 孔距320mm 哑黑",
        "price": "29.00",
    }
    assert flash["message"] == "拉手 孔距320mm 哑黑 秒杀价 ¥29.00"
    steps = next(n for n in promotions["not_applied"] if n["id"] == "WINTER-STEPS")
    assert steps["reason"] == "spend_more" and steps["message"].startswith("再买 ¥")


def test_quote_writes_pdf_and_html_and_keeps_the_snapshot(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database_url: str
) -> None:
    pdf, html = tmp_path / "q.pdf", tmp_path / "q.html"
    code, _, err = run(
        capsys,
        "quote",
        str(L_SHAPED),
        "--out",
        str(pdf),
        "--html",
        str(html),
        "--lang",
        "en",
        "--at",
        "2026-11-24",
    )
    assert code == 0 and "Q-2026-000001" in err and f"kept in {database_url}" in err
    assert pdf.read_bytes().startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Q-2026-000001" in text and "Total (tax included)" in text
    page = html.read_text()
    assert "Q-2026-000001" in page and "<svg" in page
    assert "matt black at ¥29.00" in page and "more to get ¥500.00 off" in page  # promotions, in en
    engine = make_engine(database_url)
    kept = SqlQuoteStore(engine).get("Q-2026-000001")
    engine.dispose()
    assert f"{kept.price.total}" in text.replace(",", "")
    assert kept.design_name == "L-shaped bedroom, furnished sensibly"


def test_each_quote_gets_the_next_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for expected in ("Q-2026-000001", "Q-2026-000002"):
        code, _, err = run(
            capsys, "quote", str(EXAMPLE), "--out", str(tmp_path / "q.pdf"), "--at", "2026-11-24"
        )
        assert code == 0 and f"issued {expected}" in err


def test_no_quote_for_a_design_that_cannot_be_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = json.loads(L_SHAPED.read_text())
    doc["cabinets"][1]["height_mm"] = 1000  # blocks the window
    code, _, err = run(
        capsys, "quote", design_file(tmp_path, doc), "--out", str(tmp_path / "q.pdf")
    )
    assert code == 1 and "window" in err and not (tmp_path / "q.pdf").exists()


def test_a_database_that_cannot_be_reached_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://millwork:secret@127.0.0.1:1/millwork")
    code, out, err = run(capsys, "quote", str(EXAMPLE), "--out", str(tmp_path / "q.pdf"))
    assert code == 1 and out == ""
    assert err.startswith(
        "millwork: error: cannot open the database postgresql://millwork:***@127.0.0.1:1/millwork:"
    )
    assert "secret" not in err and len(err.splitlines()) == 1 and not (tmp_path / "q.pdf").exists()


def test_serve_migrates_the_database_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    served: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port: served.append((host, port)))
    code, _, err = run(capsys, "serve", "--port", "8123")
    assert code == 0 and served == [("127.0.0.1", 8123)]
    assert f"database {database_url}: up to date" in err
    engine = make_engine(database_url)
    assert {"quotes", "quote_counters"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_nest_reads_the_cut_list_and_lays_out_each_material(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, csv_text, _ = run(capsys, "cutlist", str(EXAMPLE))
    parts = tmp_path / "parts.csv"
    parts.write_text(csv_text)
    code, out, _ = run(capsys, "nest", str(parts), "--json", "--kerf", "4", "--trim", "10")
    plan = json.loads(out)
    assert code == 0 and plan["sheet_count"] == len(plan["sheets"]) > 0
    placed = sorted(p["part_id"] for s in plan["sheets"] for p in s["placements"])
    assert placed == sorted(r["part_id"] for r in csv.DictReader(io.StringIO(csv_text)))
    assert {s["material"] for s in plan["sheets"]} == {"PB18_WHITE", "PB18_OAK", "HDF9_WHITE"}
    assert min(p["x"] for s in plan["sheets"] for p in s["placements"]) == 10
    code, out, _ = run(capsys, "nest", str(parts))
    assert code == 0 and "sheets, yield" in out


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("part_id,material\nA,X\n", [], "missing columns: thickness_mm, length_mm"),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,BIRCH_LOCAL,18,500,300,2,none\n",
            [],
            "give --sheet",
        ),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,X,18,500,abc,1,none\n",
            ["--sheet", "2440x1220"],
            "line 2.width_mm",
        ),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,X,18,3000,300,1,length\n",
            ["--sheet", "2440x1220"],
            "does not fit",
        ),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,X,18,300,300,1,diagonal\n",
            ["--sheet", "2440x1220"],
            "line 2.grain",
        ),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,X,18,300,300,1,none\n",
            ["--sheet", "big"],
            "LENGTHxWIDTH",
        ),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,X,18,300,300,1,none\nB,X,18\n",
            ["--sheet", "2440x1220"],
            "line 3.width_mm: is required but missing",
        ),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,X,18,300,300,20000000,none\n",
            ["--sheet", "2440x1220"],
            "line 2.quantity",
        ),
        (
            "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
            "A,X,18,300,300,1,none\nA,X,18,300,300,1,none\n",
            ["--sheet", "2440x1220"],
            "line 3.part_id",
        ),
    ],
)
def test_nest_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, args: list[str], message: str
) -> None:
    parts = tmp_path / "parts.csv"
    parts.write_text(content)
    code, _, err = run(capsys, "nest", str(parts), *args)
    assert code == 1 and message in err and "Traceback" not in err


def test_nest_several_copies_get_numbered_ids(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    parts = tmp_path / "parts.csv"
    parts.write_text(
        "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\nA,X,18,500,300,3,none\n"
    )
    code, out, _ = run(capsys, "nest", str(parts), "--sheet", "2440x1220", "--json")
    ids = sorted(p["part_id"] for s in json.loads(out)["sheets"] for p in s["placements"])
    assert code == 0 and ids == ["A#1", "A#2", "A#3"]


@pytest.mark.slow
def test_export_writes_the_package(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "package"
    code, _, err = run(capsys, "export", str(EXAMPLE), str(L_SHAPED), "--out", str(out))
    assert code == 0 and "sheets" in err
    manifest = json.loads((out / "manifest.json").read_text())
    assert all((out / name).exists() for name in manifest["files"])
    assert [o["name"] for o in manifest["orders"]] == ["bedroom", "l-shaped-bedroom"]
    code, _, err = run(capsys, "export", str(tmp_path / "missing.json"), "--out", str(out))
    assert code == 1 and "no such file" in err

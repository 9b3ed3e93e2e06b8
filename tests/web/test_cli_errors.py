"""Refusals read as one clear ``millwork:`` line each, naming the file and the value at fault:
the saw, the sheet, the date, the batch, the catalog."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from catalog.errors import InvalidCatalog
from kernel.fields import FieldProblem
from kernel.problems import Problem
from web.cli import main
from web.cli_errors import error_lines

EXAMPLES = Path(__file__).parents[2] / "examples"
BEDROOM = str(EXAMPLES / "bedroom.json")
CSV = (
    "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
    "A,PB18_WHITE,18,700,400,2,none\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert all(line.startswith("millwork: ") for line in err.splitlines())
    return code, err


@pytest.mark.parametrize(
    ("option", "value"), [("--kerf", "-5"), ("--kerf", "nan"), ("--trim", "inf")]
)
def test_a_saw_that_cannot_cut_is_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str, value: str
) -> None:
    code, err = run(capsys, "export", BEDROOM, "--out", str(tmp_path / "p"), option, value)
    assert code == 1 and f"{option[2:]}: " in err and "outside 0–100" in err
    assert not (tmp_path / "p").exists()
    parts = tmp_path / "parts.csv"
    parts.write_text(CSV)
    code, err = run(capsys, "nest", str(parts), option, value)
    assert code == 1 and "outside 0–100" in err


@pytest.mark.parametrize("sheet", ["infx1220", "0x1220", "-2440x1220", "nanx1"])
def test_a_sheet_that_is_not_a_finite_positive_size_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sheet: str
) -> None:
    parts = tmp_path / "parts.csv"
    parts.write_text(CSV)
    code, err = run(capsys, "nest", str(parts), f"--sheet={sheet}", "--json")
    assert code == 1 and "sheet:" in err


def test_an_unreadable_parts_file_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = run(capsys, "nest", str(tmp_path / "nope.csv"))
    assert code == 1 and "nope.csv: cannot read" in err


@pytest.mark.parametrize("at", ["yesterday", "9999-12-31T23:59:59", "0001-01-01"])
def test_a_date_that_is_no_date_or_of_another_century_is_refused(
    capsys: pytest.CaptureFixture[str], at: str
) -> None:
    code, err = run(capsys, "evaluate", BEDROOM, "--at", at)
    assert code == 1 and f"--at {at!r}" in err


def test_a_compact_date_prices_at_noon_like_a_dashed_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "evaluate", BEDROOM, "--at", "20261124")[0] == 0


def test_every_file_of_a_batch_is_named_in_its_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "empty.json"
    broken.write_text("{}")
    wide = json.loads((EXAMPLES / "bedroom.json").read_text())
    wide["cabinets"][0]["offset_mm"] = 3000  # past the wall's end
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(wide))
    code, err = run(
        capsys, "export", BEDROOM, str(broken), str(outside), "--out", str(tmp_path / "p")
    )
    lines = err.splitlines()
    assert code == 1 and lines
    assert any(f"{broken}: schema" in line for line in lines)
    assert any(f"{outside}: cabinets[0]" in line for line in lines)
    assert not any("None" in line or "bedroom.json" in line for line in lines)


def test_a_part_larger_than_its_sheet_after_trims_names_the_material(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A 2700 mm side fits the large 2800 mm sheet after the catalog's 10 mm trims, not
    after a saw's 100 mm ones."""
    design = json.loads(Path(BEDROOM).read_text())
    design["room"] |= {"ceiling_mm": 3000, "obstacles": []}
    design["cabinets"][0]["height_mm"] = 2700
    path = tmp_path / "tall.json"
    path.write_text(json.dumps(design))
    code, err = run(capsys, "export", str(path), "--out", str(tmp_path / "p"), "--trim", "100")
    assert code == 1 and "None" not in err and "PB18_OAK: part W1-DOOR1" in err
    assert "2800 x 2070 sheet (2600 x 1870 after trims)" in err


def test_a_broken_catalog_and_a_real_failure() -> None:
    args = argparse.Namespace(design="d.json")
    broken = InvalidCatalog([Problem.of(FieldProblem.MISSING_KEY, "materials.toml:x")])
    assert error_lines(broken, args) == ["catalog: materials.toml:x: is required but missing"]
    assert error_lines(RuntimeError("bug"), args) is None  # re-raised, not dressed up


def test_a_quote_whose_pdf_cannot_be_written_is_named_as_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = run(
        capsys, "quote", BEDROOM, "--out", str(tmp_path / "no" / "q.pdf"), "--at", "2026-11-24"
    )
    lines = err.splitlines()
    assert code == 1 and "cannot write" in lines[0]
    assert "quote Q-" in lines[-1] and "was issued and kept" in lines[-1]


def test_export_refuses_a_design_with_errors_unless_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The production gate: one line per error and a last line naming ``--force``; forced,
    the package is written and its manifest records the errors."""
    design = json.loads(Path(BEDROOM).read_text())
    design["cabinets"].append({**design["cabinets"][0], "id": "W2", "offset_mm": 800})
    path = tmp_path / "overlap.json"
    path.write_text(json.dumps(design))
    out = tmp_path / "p"
    code, err = run(capsys, "export", str(path), "--out", str(out))
    lines = err.splitlines()
    assert code == 1 and not out.exists()
    assert lines[0].endswith("cabinets[1]: W2 overlaps W1 by 618 mm")
    assert "--force" in lines[-1] and len(lines) == 2
    code = main(["export", str(path), "--out", str(out), "--force"])
    assert code == 0 and "millwork: forced: " in capsys.readouterr().err
    forced = json.loads((out / "manifest.json").read_text())["forced_problems"]
    assert [p["code"] for p in forced] == ["cabinet_overlap"]

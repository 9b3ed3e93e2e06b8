"""The ``millwork`` command as a user runs it: output, exit codes, one clear error line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import trimesh

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

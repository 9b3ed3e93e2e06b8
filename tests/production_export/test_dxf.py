"""DXF per part: opens with ezdxf, outline = cut size, every hole inside; a golden side."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import ezdxf
import pytest
from hypothesis import given, settings
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from catalog.catalog import Catalog
from production_export.dxf import render_part_dxf
from tests.builders import a_build, a_cabinet
from tests.strategies import CATALOG, cabinets


class DxfSnapshot(SingleFileSnapshotExtension):
    file_extension = "dxf"
    _write_mode = WriteMode.TEXT


@pytest.fixture
def fixed_dxf_metadata() -> Iterator[None]:
    ezdxf.options.write_fixed_meta_data_for_testing = True
    yield
    ezdxf.options.write_fixed_meta_data_for_testing = False


def read(text: str) -> Any:
    return ezdxf.read(io.StringIO(text))


@given(cabinet=cabinets())
@settings(max_examples=15)
def test_every_dxf_outline_is_the_cut_size_and_holes_lie_inside(cabinet: dict[str, Any]) -> None:
    for part in a_build(CATALOG, cabinet).parts:
        msp = read(render_part_dxf(part, CATALOG)).modelspace()
        outline = [e for e in msp if e.dxf.layer.startswith("OUTLINE_T")]
        assert len(outline) == 1
        points = list(outline[0].points())
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        assert max(xs) - min(xs) == pytest.approx(part.cut_length_mm)
        assert max(ys) - min(ys) == pytest.approx(part.cut_width_mm)
        for circle in (e for e in msp if e.dxftype() == "CIRCLE"):
            x, y, r = circle.dxf.center.x, circle.dxf.center.y, circle.dxf.radius
            assert x - r >= -0.01 and x + r <= part.cut_length_mm + 0.01, part.part_id
            assert y - r >= -0.01 and y + r <= part.cut_width_mm + 0.01, part.part_id


def test_layers_encode_operation_diameter_and_depth(catalog: Catalog) -> None:
    door = next(
        p for p in a_build(catalog, a_cabinet(width_mm=600)).parts if p.part_id == "W1-DOOR1"
    )
    layers = {e.dxf.layer for e in read(render_part_dxf(door, catalog)).modelspace()}
    assert "DRILL_D35_Z12p5_A" in layers  # hinge cups, 35 mm, 12.5 deep, on the back face
    assert "DRILL_D5_Z18_A" in layers  # handle holes through the door


def test_golden_side(
    catalog: Catalog, snapshot: SnapshotAssertion, fixed_dxf_metadata: None
) -> None:
    """Left side of a 1000 x 2400 x 580 wardrobe with one shelf: outline 2398.4 x 578.2,
    back groove 9 wide 8 deep, pin rows, hinge plates and cam bolt holes on its inner face A."""
    side = next(
        p
        for p in a_build(
            catalog,
            a_cabinet(
                width_mm=1000,
                interior={
                    "sections": [{"width_mm": None, "items": [{"kind": "shelf", "at_mm": 800}]}]
                },
            ),
        ).parts
        if p.part_id == "W1-SIDE-L"
    )
    text = render_part_dxf(side, catalog)
    assert text == render_part_dxf(side, catalog)  # deterministic
    assert text == snapshot.use_extension(DxfSnapshot)

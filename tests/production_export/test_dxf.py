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
from configurator.build.parts import Part
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


def inside(part: Part, x: float, y: float, r: float = 0.0) -> bool:
    """Whether a point (or a circle of radius ``r``) lies on the sawn panel."""
    return (
        x - r >= -0.01
        and x + r <= part.cut_length_mm + 0.01
        and y - r >= -0.01
        and y + r <= part.cut_width_mm + 0.01
    )


def machining_lies_inside(part: Part) -> None:
    """Every bore, groove and edge bore of the part's DXF lies on its sawn panel."""
    msp = read(render_part_dxf(part, CATALOG)).modelspace()
    for e in msp:
        if e.dxftype() == "CIRCLE":
            assert inside(part, e.dxf.center.x, e.dxf.center.y, e.dxf.radius), part.part_id
        elif e.dxftype() == "LINE":
            for end in (e.dxf.start, e.dxf.end):
                assert inside(part, end.x, end.y), part.part_id
        elif e.dxf.layer.startswith("GROOVE"):
            assert all(inside(part, p[0], p[1]) for p in e.points()), part.part_id


def test_back_grooves_stop_at_the_sawn_ends(catalog: Catalog) -> None:
    """The side's back groove runs its whole finished length (2400); the sawn panel is 0.8 mm
    shorter at each end, where the bands go on after grooving: the groove stops at the saw cut
    instead of running 0.8 mm past it (issue 11)."""
    side = next(p for p in a_build(catalog, a_cabinet()).parts if p.part_id == "W1-SIDE-L")
    msp = read(render_part_dxf(side, catalog)).modelspace()
    (groove,) = [e for e in msp if e.dxf.layer.startswith("GROOVE")]
    xs = [p[0] for p in groove.points()]
    assert (min(xs), max(xs)) == (0, pytest.approx(side.cut_length_mm))
    machining_lies_inside(side)


@given(cabinet=cabinets())
@settings(max_examples=15)
def test_every_dxf_outline_is_the_cut_size_and_holes_lie_inside(cabinet: dict[str, Any]) -> None:
    for part in a_build(CATALOG, cabinet).parts:
        machining_lies_inside(part)
        msp = read(render_part_dxf(part, CATALOG)).modelspace()
        outline = [e for e in msp if e.dxf.layer.startswith("OUTLINE_T")]
        assert len(outline) == 1
        points = list(outline[0].points())
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        assert max(xs) - min(xs) == pytest.approx(part.cut_length_mm)
        assert max(ys) - min(ys) == pytest.approx(part.cut_width_mm)


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

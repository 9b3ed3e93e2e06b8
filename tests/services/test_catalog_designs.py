"""Designs anywhere inside every template's documented ranges (issue 11): evaluating,
pricing, the cut list, the 3D model, the DXF files and the export never crash; a design without
an error exports, one with an error is refused by the production gate and exported with
``force``, its errors recorded in the manifest; every fix offered, applied, removes its
problem and adds no error. The designs stand in rectangle, L and U rooms, on any wall.

The quick run draws a few designs per test run; ``make fuzz`` runs the slow variant with the
``stress`` profile (BENCHMARKS.md has its designs per second).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from configurator.rules.fixes import offer_fixes
from configurator.views.glb import render_glb
from persistence.price_files import load_price_list, load_promotions
from pricing.price import PriceBook, price_design
from production_export.cut_list import render_cut_list_csv
from production_export.dxf import render_part_dxf
from production_export.nest_groups import Saw
from services.errors import DesignHasErrors
from services.memo import LruMemo
from services.production import Order, build_production_package
from tests.configurator.test_fixes import assert_works
from tests.fakes import FixedCatalogs, FixedClock
from tests.strategies import CATALOG, cabinets

NOW = datetime(2026, 12, 1, tzinfo=UTC)
CATALOGS = FixedCatalogs(
    CATALOG, PriceBook(price_list=load_price_list(CATALOG), promotions=load_promotions())
)
CEILING_MM = 3200  # any cabinet of the catalog tilts upright under it (A15)
# the room shapes a customer starts from (issue 12): rectangle, L and U, counter-clockwise
ROOMS = {
    "rectangle": [[0, 0], [8000, 0], [8000, 6000], [0, 6000]],
    "L": [[0, 0], [8000, 0], [8000, 3000], [4000, 3000], [4000, 6000], [0, 6000]],
    "U": [
        [0, 0], [8000, 0], [8000, 6000], [5500, 6000],
        [5500, 2500], [2500, 2500], [2500, 6000], [0, 6000],
    ],
}  # fmt: skip


def wall_lengths(outline: list[list[int]]) -> list[int]:
    ends = zip(outline, outline[1:] + outline[:1], strict=True)
    return [abs(bx - ax) + abs(by - ay) for (ax, ay), (bx, by) in ends]  # walls are axis-aligned


@st.composite
def designs(draw: st.DrawFn) -> dict[str, Any]:
    """A rectangle, L or U room with one to three runs of cabinets of any template, each run
    on any wall: side by side, (now and then) overlapping, near or in the corners."""
    outline = ROOMS[draw(st.sampled_from(sorted(ROOMS)))]
    walls = wall_lengths(outline)
    placed: list[dict[str, Any]] = []
    for run in range(draw(st.integers(1, 3))):
        wall = draw(st.integers(0, len(walls) - 1))
        offset = draw(st.sampled_from([0, 0, 100, walls[wall] // 3]))
        for i in range(draw(st.integers(1, 3))):
            cabinet = draw(cabinets())
            cabinet["id"] = f"C{run + 1}{i + 1}"
            cabinet["wall"] = wall
            cabinet["offset_mm"] = max(0, offset - draw(st.sampled_from([0, 0, 0, 0, 0, 100])))
            offset = cabinet["offset_mm"] + cabinet["width_mm"]
            placed.append(cabinet)
    room = {"outline_mm": outline, "ceiling_mm": CEILING_MM}
    return {"schema": "millwork/design@1", "name": "fuzz", "room": room, "cabinets": placed}


def check(document: dict[str, Any]) -> None:
    evaluation = evaluate(parse_design(document), CATALOG)
    build = evaluation.build
    price_design(build, CATALOG, CATALOGS.price_book(), now=NOW)
    assert render_cut_list_csv(build.parts).count("\n") == len(build.parts) + 1
    assert render_glb(build, CATALOG)[:4] == b"glTF"
    for part in build.parts:
        assert render_part_dxf(part, CATALOG)
    orders = [Order(name="fuzz", document=document)]
    clock = FixedClock(NOW)
    if not evaluation.has_errors:
        package = build_production_package(orders, catalogs=CATALOGS, clock=clock, saw=Saw())
        assert package.part_count == len(build.parts)
        return
    with pytest.raises(DesignHasErrors):
        build_production_package(orders, catalogs=CATALOGS, clock=clock, saw=Saw())
    if any(p.code == "part_exceeds_sheet" for p in evaluation.problems):
        return  # no saw can cut it, forced or not (PartTooLarge, tested elsewhere)
    forced = build_production_package(orders, catalogs=CATALOGS, clock=clock, saw=Saw(), force=True)
    recorded = json.loads(forced.files["manifest.json"])["forced_problems"]
    assert len(recorded) == sum(1 for p in evaluation.problems if p.severity == "error")


@given(document=designs())
@settings(max_examples=12)
def test_designs_inside_the_ranges_evaluate_price_and_export(document: dict[str, Any]) -> None:
    check(document)


# 60 designs in `make test`, CI included (a design costs about a second: the CI profile's 150
# would take a sixth of the suite's 15 minutes); 800 with HYPOTHESIS_PROFILE=stress (`make fuzz`)
LONGER_RUN = 800 if os.environ.get("HYPOTHESIS_PROFILE") == "stress" else 60


@pytest.mark.slow
@settings(max_examples=LONGER_RUN)
@given(document=designs())
def test_designs_inside_the_ranges_evaluate_price_and_export_longer(
    document: dict[str, Any],
) -> None:
    check(document)


@pytest.mark.slow
@settings(max_examples=max(10, settings.default.max_examples // 4))  # 15; 200 in make fuzz
@given(document=designs())
def test_every_fix_offered_in_these_rooms_works(document: dict[str, Any]) -> None:
    """Every fix offered for these designs, applied, removes its problem and adds no error
    (a quarter as many designs: checking the fixes costs several evaluations each)."""
    design = parse_design(document)
    memo = LruMemo(4096)
    for problem in offer_fixes(design, evaluate(design, CATALOG, memo=memo), CATALOG, memo=memo):
        for change in problem.fixes:
            assert_works(document, problem, change, CATALOG)

"""Nesting validity as a property: every part placed exactly once, inside the trimmed sheet,
kerf between parts, grain respected, guillotine-cuttable in at most three stages."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from production_export.guillotine import stages_needed
from production_export.nesting import (
    NestPart,
    SheetLayout,
    Stock,
    _Column,
    _improve,
    _items,
    _lower_bound,
    _Search,
    _Strip,
    nest,
)


@st.composite
def jobs(draw: st.DrawFn) -> tuple[list[NestPart], Stock]:
    stock = Stock(
        length=draw(st.sampled_from([2440, 2800])),
        width=draw(st.sampled_from([1220, 2070])),
        kerf=draw(st.sampled_from([0, 3.2, 4.4])),
        trim=draw(st.sampled_from([0, 10])),
    )
    lx, wy = stock.usable
    grained = draw(st.booleans())
    parts = []
    for i in range(draw(st.integers(1, 40))):
        length = draw(st.integers(60, int(lx)))
        width = draw(st.integers(30, min(int(wy), 1200)))
        parts.append(
            NestPart(
                part_id=f"P{i}",
                length=length,
                width=width,
                rotatable=not grained and draw(st.booleans()),
            )
        )
    return parts, stock


def rects(sheet: SheetLayout) -> list[tuple[float, float, float, float]]:
    return [(p.x, p.y, p.x + p.extent[0], p.y + p.extent[1]) for p in sheet.placements]


@st.composite
def small_parts(draw: st.DrawFn) -> tuple[list[NestPart], Stock]:
    """Many small parts free to turn on a square sheet: the improvement search has work."""
    stock = Stock(length=1000, width=1000, kerf=draw(st.sampled_from([0, 4])))
    parts = [
        NestPart(
            part_id=f"S{i}",
            length=draw(st.integers(50, 700)),
            width=draw(st.integers(50, 700)),
            rotatable=True,
        )
        for i in range(draw(st.integers(2, 60)))
    ]
    return parts, stock


@given(job=jobs())
def test_nesting_is_valid(job: tuple[list[NestPart], Stock]) -> None:
    assert_valid(*job, nest(*job))


@given(job=small_parts())
def test_nesting_improved_by_the_search_is_valid(job: tuple[list[NestPart], Stock]) -> None:
    assert_valid(*job, nest(*job, time_limit=0.1))


def assert_valid(parts: list[NestPart], stock: Stock, sheets: list[SheetLayout]) -> None:
    placed = [p.part_id for s in sheets for p in s.placements]
    assert sorted(placed) == sorted(p.part_id for p in parts)  # every part exactly once
    by_id = {p.part_id: p for p in parts}
    for sheet in sheets:
        for p in sheet.placements:
            dx, dy = p.extent
            assert p.x >= stock.trim - 1e-6 and p.y >= stock.trim - 1e-6
            assert p.x + dx <= stock.length - stock.trim + 1e-6
            assert p.y + dy <= stock.width - stock.trim + 1e-6
            assert not p.rotated or by_id[p.part_id].rotatable  # grain respected
        for a, b in itertools.combinations(rects(sheet), 2):
            gap_x = max(b[0] - a[2], a[0] - b[2])
            gap_y = max(b[1] - a[3], a[1] - b[3])
            assert max(gap_x, gap_y) >= stock.kerf - 1e-6  # apart by at least one kerf
        needed = stages_needed(rects(sheet))
        assert needed is not None and needed <= 3


def test_the_first_part_sits_in_the_trimmed_corner() -> None:
    sheets = nest(
        [NestPart(part_id="A", length=500, width=300, rotatable=False)],
        Stock(length=2440, width=1220, kerf=4, trim=10),
    )
    p = sheets[0].placements[0]
    assert (p.x, p.y, p.rotated) == (10, 10, False)


def test_a_part_larger_than_the_sheet_is_refused() -> None:
    with pytest.raises(ValueError, match=r"does not fit a 2440 x 1220 sheet \(2420 x 1200 after"):
        nest(
            [NestPart(part_id="BIG", length=2500, width=300, rotatable=False)],
            Stock(length=2440, width=1220, trim=10),
        )


def test_a_grained_part_too_long_for_the_grain_is_refused_even_if_it_would_fit_across() -> None:
    with pytest.raises(ValueError, match="BIG"):
        nest(
            [NestPart(part_id="BIG", length=1300, width=1000, rotatable=False)],
            Stock(length=1220, width=2440),
        )


def test_the_three_stage_checker_tells_layouts_apart() -> None:
    strips = [(0, 0, 10, 5), (10, 0, 20, 5), (0, 5, 20, 10)]
    assert stages_needed(strips) == 2
    pinwheel = [(0, 0, 6, 4), (6, 0, 10, 6), (4, 6, 10, 10), (0, 4, 4, 10), (4, 4, 6, 6)]
    assert stages_needed(pinwheel) is None  # not guillotine at all


def test_yield_counts_parts_over_the_raw_sheet() -> None:
    sheets = nest(
        [NestPart(part_id="A", length=1220, width=610, rotatable=True)],
        Stock(length=2440, width=1220),
    )
    assert sheets[0].yield_ == pytest.approx(0.25)


def test_the_search_empties_a_sheet_the_greedy_plans_left_behind() -> None:
    # a half-sheet part alone on a second sheet, while the first has room for it
    big = (1000.0, 500.0, False)
    first = [
        _Strip(height=500, used=1000, columns=[_Column(width=1000, used=500, pieces=[(0, big)])])
    ]
    second = [
        _Strip(height=500, used=1000, columns=[_Column(width=1000, used=500, pieces=[(1, big)])])
    ]
    search = _Search(
        options=[[big], [big]], areas=[500_000, 500_000], lx=1000, wy=1000, kerf=0, deadline=1e18
    )
    improved = _improve(search, [first, second], bound=1)
    assert len(improved) == 1
    assert sorted(_items(improved[0])) == [0, 1]


def test_the_search_stops_when_its_time_is_up() -> None:
    big = (1000.0, 500.0, False)
    plan = [
        [_Strip(height=500, used=1000, columns=[_Column(width=1000, used=500, pieces=[(n, big)])])]
        for n in (0, 1)
    ]
    search = _Search(
        options=[[big], [big]], areas=[500_000, 500_000], lx=1000, wy=1000, kerf=0, deadline=0
    )
    assert len(_improve(search, plan, bound=1)) == 2


def test_the_lower_bound_counts_area_and_parts_that_cannot_share_a_sheet() -> None:
    wide = [(600.0, 600.0, False)]
    assert _lower_bound([wide] * 3, [360_000.0] * 3, 1000, 1000) == 3  # area alone says 2
    small = [(100.0, 100.0, False)]
    assert _lower_bound([small] * 150, [10_000.0] * 150, 1000, 1000) == 2


def test_a_square_sheet_of_parts_that_tile_it_takes_exactly_the_bound() -> None:
    parts = [NestPart(part_id=f"Q{i}", length=250, width=500, rotatable=True) for i in range(24)]
    assert len(nest(parts, Stock(length=1000, width=1000))) == 3


def test_strips_across_the_sheet_win_when_they_need_fewer_sheets() -> None:
    sizes = [(700, 300), (600, 300), (900, 300), (900, 550), (900, 300), (300, 450)]
    parts = [
        NestPart(part_id=f"G{i}", length=length, width=width, rotatable=False)
        for i, (length, width) in enumerate(sizes)
    ]
    stock = Stock(length=2000, width=1000)
    sheets = nest(parts, stock)
    assert len(sheets) == 1  # strips along the 2000 mm length need two sheets here
    assert_valid(parts, stock, sheets)


def test_nothing_to_nest_needs_no_sheet() -> None:
    assert nest([], Stock(length=2440, width=1220)) == []

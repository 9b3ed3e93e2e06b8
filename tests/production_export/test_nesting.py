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
    _construct,
    _improve,
    _items,
    _lower_bound,
    _options,
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


@pytest.mark.slow  # a property over many nestings: run without coverage tracing
@given(job=jobs())
def test_nesting_is_valid(job: tuple[list[NestPart], Stock]) -> None:
    assert_valid(*job, nest(*job))


@pytest.mark.slow  # a property over many nestings: run without coverage tracing
@given(job=small_parts())
def test_nesting_improved_by_the_search_is_valid(job: tuple[list[NestPart], Stock]) -> None:
    assert_valid(*job, nest(*job, budget=200_000))


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
    search = _Search(options=[[big], [big]], areas=[500_000, 500_000], lx=1000, wy=1000, kerf=0)
    improved = _improve(search, [first, second], bound=1)
    assert len(improved) == 1
    assert sorted(_items(improved[0])) == [0, 1]


@pytest.mark.parametrize(
    "limits", [{"budget": 0}, {"should_stop": lambda: True}], ids=["no budget", "caller stops"]
)
def test_the_search_stops_when_its_budget_is_spent_or_the_caller_says_so(
    limits: dict[str, object],
) -> None:
    big = (1000.0, 500.0, False)
    plan = [
        [_Strip(height=500, used=1000, columns=[_Column(width=1000, used=500, pieces=[(n, big)])])]
        for n in (0, 1)
    ]
    search = _Search(
        options=[[big], [big]],
        areas=[500_000, 500_000],
        lx=1000,
        wy=1000,
        kerf=0,
        **limits,  # type: ignore[arg-type]
    )
    assert len(_improve(search, plan, bound=1)) == 2


BUSY = [
    (168, 391), (533, 510), (491, 132), (230, 160), (353, 489), (330, 341), (433, 294),
    (503, 207), (148, 349), (114, 557), (527, 299), (321, 411), (490, 492), (101, 456),
    (328, 236), (469, 510), (217, 402), (583, 152), (561, 262), (115, 111), (113, 432),
    (377, 104), (580, 551), (295, 451), (210, 596), (316, 471), (114, 370), (213, 491),
    (324, 580), (353, 383),
]  # fmt: skip


def busy_job() -> tuple[list[NestPart], Stock]:
    """Thirty parts free to turn on a square sheet: the greedy plans need five sheets, the
    search four; it needs more than 20,000 work units to find the fourth."""
    parts = [
        NestPart(part_id=f"S{i}", length=length, width=width, rotatable=True)
        for i, (length, width) in enumerate(BUSY)
    ]
    return parts, Stock(length=1000, width=1000, kerf=4)


def grained_job() -> tuple[list[NestPart], Stock]:
    """Wardrobe-like parts, a third of them grain-locked, on a trimmed oblong sheet: both
    orientations are solved."""
    lengths = itertools.cycle([396.5, 581.25, 720.0, 1200.4, 2363.9])
    widths = itertools.cycle([96.2, 300.0, 560.7, 18.0])
    parts = [
        NestPart(part_id=f"W{i}", length=next(lengths), width=next(widths), rotatable=i % 3 > 0)
        for i in range(60)
    ]
    return parts, Stock(length=2800, width=2070, kerf=4.4, trim=10)


@pytest.mark.parametrize("job", [busy_job(), grained_job()], ids=["busy", "grained"])
def test_the_same_parts_give_the_same_layout_and_a_safety_net_that_never_fires_changes_nothing(
    job: tuple[list[NestPart], Stock],
) -> None:
    first = nest(*job)
    assert nest(*job) == first
    assert nest(*job, should_stop=lambda: False) == first


def test_a_caller_who_must_stop_still_gets_a_complete_valid_layout() -> None:
    parts, stock = busy_job()
    asked = 0

    def deadline_passed() -> bool:  # what a caller builds from its clock; here, always late
        nonlocal asked
        asked += 1
        return True

    stopped = nest(parts, stock, should_stop=deadline_passed)
    assert asked >= 1
    assert_valid(parts, stock, stopped)
    assert stopped == nest(parts, stock, budget=0)  # stopped before the first move
    assert len(stopped) > len(nest(parts, stock))  # what the search would have saved


@pytest.mark.slow  # a property over many nestings: run without coverage tracing
@given(job=small_parts(), asks=st.integers(0, 40))
def test_a_search_stopped_at_any_point_leaves_a_valid_layout(
    job: tuple[list[NestPart], Stock], asks: int
) -> None:
    count = itertools.count()
    stopped = nest(*job, budget=200_000, should_stop=lambda: next(count) >= asks)
    assert_valid(*job, stopped)
    assert len(stopped) >= len(nest(*job, budget=200_000))


def test_the_work_budget_is_what_stops_a_search_that_has_work() -> None:
    parts, stock = busy_job()
    greedy, small, full = (len(nest(parts, stock, budget=b)) for b in (0, 20_000, 1_500_000))
    assert (greedy, small, full) == (5, 5, 4)
    assert len(nest(parts, stock)) == full  # the default budget finds the fourth sheet too
    # the search itself: it ran out of work units, neither stuck nor at the lower bound
    lx, wy = stock.usable
    options = [_options(p, lx, wy) for p in parts]
    areas = [p.length * p.width for p in parts]
    search = _Search(options=options, areas=areas, lx=lx, wy=wy, kerf=stock.kerf, budget=20_000)
    bound = _lower_bound(options, areas, lx, wy)
    plan = _improve(search, _construct(parts, options, lx, wy, stock.kerf), bound)
    assert search.work >= 20_000 and not search.stopped
    assert len(plan) == small > bound


@pytest.mark.slow  # a property over many nestings: run without coverage tracing
@given(job=small_parts(), budget=st.integers(0, 40_000))
def test_a_smaller_budget_never_gives_fewer_sheets(
    job: tuple[list[NestPart], Stock], budget: int
) -> None:
    assert len(nest(*job, budget=budget)) >= len(nest(*job, budget=4 * budget))


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

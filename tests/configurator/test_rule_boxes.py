"""The rules' shortcut for rectangles along x and y (``box_of``, ``box_holds``, ``near``)
gives shapely's own answers: rooms and footprints drawn on the axes, or turned by any angle."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st
from shapely import Polygon, unary_union

from configurator.build.placement import Point, apply, plan_rectangle
from configurator.rules.context import bounds_of, box_holds, box_of, near
from configurator.rules.room import _boxes_apart
from configurator.rules.support import SUPPORTED_SHARE, _sizeable

coordinate = st.integers(-3000, 3000).map(float)
# the turns walls give: square ones (exact), and any other
angle = st.one_of(st.sampled_from([0, 90, 180, 270]), st.floats(0, 360))


@st.composite
def boxes(draw: st.DrawFn, at: st.SearchStrategy[float] = coordinate) -> tuple[Point, ...]:
    """A rectangle along the axes, from any corner, either way round."""
    x0, x1 = sorted(draw(st.lists(at, min_size=2, max_size=2, unique=True)))
    y0, y1 = sorted(draw(st.lists(at, min_size=2, max_size=2, unique=True)))
    ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    if draw(st.booleans()):
        ring.reverse()
    start = draw(st.integers(0, 3))
    return tuple(ring[start:] + ring[:start])


@st.composite
def turned(draw: st.DrawFn) -> tuple[Point, ...]:
    """A rectangle in a frame turned and moved as a cabinet's is (``plan_rectangle``)."""
    degrees = draw(angle)
    exact = {0: (1.0, 0.0), 90: (0.0, 1.0), 180: (-1.0, 0.0), 270: (0.0, -1.0)}
    c, s = exact.get(degrees, (math.cos(math.radians(degrees)), math.sin(math.radians(degrees))))
    tx, ty = draw(coordinate), draw(coordinate)
    transform = ((c, -s, 0.0, tx), (s, c, 0.0, ty), (0.0, 0.0, 1.0, 0.0), (0.0, 0.0, 0.0, 1.0))
    x0, y0 = draw(st.integers(-100, 100)), draw(st.integers(-100, 100))
    width, depth = draw(st.integers(1, 2000)), draw(st.integers(1, 800))
    return plan_rectangle(transform, (x0, y0, x0 + width, y0 + depth))


@given(boxes(), turned())
def test_a_box_holds_what_shapely_says_it_contains(
    room: tuple[Point, ...], strip: tuple[Point, ...]
) -> None:
    box = box_of(room)
    assert box is not None
    assert box_holds(box, strip) == Polygon(room).contains(Polygon(strip))


few = st.integers(-3, 3).map(float)  # boxes that often touch
SIDE_BY_SIDE = (
    ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)),
    ((1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0)),
)


@given(st.one_of(turned(), boxes(few)), st.one_of(turned(), boxes(few)))
@example(*SIDE_BY_SIDE)
@example(*reversed(SIDE_BY_SIDE))
def test_two_boxes_meet_where_they_are_near(a: tuple[Point, ...], b: tuple[Point, ...]) -> None:
    box_a, box_b = box_of(a), box_of(b)
    if box_a is not None and box_b is not None:
        assert near(box_a, box_b) == Polygon(a).intersects(Polygon(b))


@given(st.one_of(turned(), boxes(few)), st.one_of(turned(), boxes(few)))
@example(*SIDE_BY_SIDE)
@example(*reversed(SIDE_BY_SIDE))
def test_two_boxes_share_no_area_where_they_are_apart(
    a: tuple[Point, ...], b: tuple[Point, ...]
) -> None:
    box_a, box_b = box_of(a), box_of(b)
    common = Polygon(a).intersection(Polygon(b))
    shared = not (common.is_empty or common.area <= 0)
    assert not (_boxes_apart(box_a, box_b) and shared)  # apart: shapely never finds an overlap
    if box_a is not None and box_b is not None:
        assert _boxes_apart(box_a, box_b) == (not shared)


share = st.lists(st.floats(0, 1), min_size=4, max_size=4)


@given(boxes(st.floats(-5000, 5000)), share, turned())
def test_a_top_box_wholly_on_a_box_is_carried_whole(
    top: tuple[Point, ...], at: list[float], other: tuple[Point, ...]
) -> None:
    """``check_support`` takes a top box within a top's box as carried (share 1), without
    asking shapely."""
    x0, y0, x1, y1 = bounds_of(top)
    xs = sorted(x0 + f * (x1 - x0) for f in at[:2])
    ys = sorted(y0 + f * (y1 - y0) for f in at[2:])
    box = ((xs[0], ys[0]), (xs[1], ys[0]), (xs[1], ys[1]), (xs[0], ys[1]))
    box_top = box_of(top)
    assert box_top is not None
    if _sizeable(box_of(box)) and box_holds(box_top, box):
        footprint = Polygon(box)
        carried = unary_union([Polygon(top), Polygon(other)]).intersection(footprint)
        assert carried.area / footprint.area >= SUPPORTED_SHARE


@given(st.lists(st.tuples(coordinate, coordinate), min_size=3, max_size=6))
def test_only_a_box_along_the_axes_is_a_box(corners: list[Point]) -> None:
    box = box_of(corners)
    if box is not None:
        x0, y0, x1, y1 = box
        assert Polygon(corners).equals(Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)]))


def test_a_turned_rectangle_or_an_l_room_is_no_box() -> None:
    assert box_of([(0.0, 0.0), (3.0, 4.0), (-1.0, 7.0), (-4.0, 3.0)]) is None
    l_room = [(0.0, 0.0), (4000.0, 0.0), (4000.0, 2000.0), (2000.0, 2000.0), (2000.0, 3000.0)]
    assert box_of([*l_room, (0.0, 3000.0)]) is None
    assert box_of([(0.0, 0.0), (0.0, 0.0), (5.0, 0.0), (5.0, 0.0)]) is None  # no area


entry = st.one_of(st.sampled_from([0.0, -0.0, 1.0, -1.0]), st.floats(-1e4, 1e4))


@given(st.lists(entry, min_size=8, max_size=8), st.lists(coordinate, min_size=4, max_size=4))
@example([-1.0, -1.0, 1.0, -0.0, 1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0])  # -0.0 + 0.0 + -0.0
def test_plan_rectangle_is_apply_at_each_corner(row: list[float], bounds: list[float]) -> None:
    transform = (tuple(row[:4]), tuple(row[4:]), (0.0, 0.0, 1.0, 0.0), (0.0, 0.0, 0.0, 1.0))
    x0, y0, x1, y1 = bounds
    corners = [apply(transform, x, y)[:2] for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    # repr: the very same numbers, a zero's sign too
    assert repr(plan_rectangle(transform, (x0, y0, x1, y1))) == repr(tuple(corners))


@given(st.one_of(boxes(), turned(), st.lists(st.tuples(few, few), min_size=3, max_size=6)))
def test_box_of_with_bounds_handed_in_is_box_of(corners: list[Point]) -> None:
    assert box_of(corners, bounds_of(corners)) == box_of(corners)

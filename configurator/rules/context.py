"""What every validation rule looks at: the built design with each cabinet's footprint and
heights, and the touching tolerance rules share. Rules import this module; the registry and the
evaluation import the rules, so nothing imports back."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property, partial

import shapely
from shapely import Polygon

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, PlacedCabinet
from configurator.build.fronts import Leaf, door_leaves
from configurator.build.placement import Point, apply, footprint, plan_rectangle
from configurator.model.design import Design, cabinet_key, twin_key
from configurator.room.geometry import Wall, plan_polygon
from kernel.memo import Memo, no_memo
from kernel.problems import Problem

__all__ = [
    "ROOM_TOL_MM",
    "TOUCH_TOL_MM",
    "Bounds",
    "Context",
    "Placed",
    "Plan",
    "Rule",
    "bounds_of",
    "box_holds",
    "box_of",
    "near",
    "placed_cabinets",
    "room_area",
    "shrunk",
]


Bounds = tuple[float, float, float, float]


@dataclass(frozen=True, kw_only=True)
class Placed:
    """A built cabinet with what the rules need: its index, keys, footprint and heights, and
    its door leaves, worked out when a rule first asks for them (several rules do)."""

    index: int
    path: str  # the cabinet's path in the design document: ``cabinets[index]``
    cabinet: PlacedCabinet
    key: Hashable  # its spec's ``cabinet_key``
    twin: int  # the first of ``Context.placed`` that is its twin (``twin_key``): maybe itself
    plan: Plan
    bounds: Bounds  # the plan's, for quick rejection
    box: Bounds | None  # the plan's: the bounds again where the footprint is just that box
    bottom: float
    top: float

    @cached_property
    def leaves(self) -> list[Leaf]:
        """The cabinet's door leaves (``door_leaves``): shared by the rules, never changed."""
        return door_leaves(self.cabinet.cabinet.parts)

    @property
    def footprint(self) -> Polygon:
        """The cabinet's footprint in plan."""
        return self.plan.shapes[0]

    @property
    def core(self) -> Polygon:
        """The footprint less the touching tolerance: what another thing may not hit."""
        return self.plan.shapes[1]


@dataclass(frozen=True, kw_only=True)
class Plan:
    """A cabinet's footprint by its corners, and as shapely polygons made when a rule first
    asks for them: in a rectangular room, rectangular cabinets are checked by their corners
    alone (``box_of``). Shared through the memo, so it is never changed but for that."""

    corners: tuple[Point, ...]  # of the footprint: its envelope, or an L unit's outline
    inset: tuple[Point, ...] | None  # of the core, where the footprint is a rectangle
    bounds: Bounds
    box: Bounds | None
    core_box: Bounds | None  # the core's ``box_of``

    @cached_property
    def shapes(self) -> tuple[Polygon, Polygon]:
        """The footprint and its core."""
        if self.inset is None:  # an L unit: its outline, shrunk by shapely
            shape = plan_polygon(self.corners)
            return shape, shrunk(shape)
        # both in one shapely call: it costs about as much for two polygons as for one
        shape, core = shapely.polygons([self.corners, self.inset]).tolist()
        return shape, core


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """Everything a rule may look at."""

    design: Design
    catalog: Catalog
    build: DesignBuild
    walls: tuple[Wall, ...]
    floor: Polygon
    placed: tuple[Placed, ...]
    room_ok: bool
    floor_box: Bounds | None = None  # the floor's ``box_of``: rules may ask it, not shapely
    room_area: Polygon | None = None  # ``room_area``'s (where the room is ok)
    room_box: Bounds | None = None  # its ``box_of``
    memo: Memo = no_memo  # for work that depends on one cabinet only (same catalog)


Rule = Callable[[Context], Sequence[Problem]]


TOUCH_TOL_MM = 1.0  # two things may touch; overlapping deeper than this is a clash
ROOM_TOL_MM = 1.0  # a footprint may stand this far past a wall face (drawing precision)


def room_area(floor: Polygon) -> Polygon:
    """The ``floor`` and ``ROOM_TOL_MM`` past its walls: where a cabinet may stand."""
    return floor.buffer(ROOM_TOL_MM, join_style="mitre")


def shrunk(polygon: Polygon) -> Polygon:
    """``polygon`` less half the touching tolerance all round."""
    return polygon.buffer(-TOUCH_TOL_MM / 2, join_style="mitre")


def near(a: Bounds, b: Bounds) -> bool:
    """Whether two bounding boxes (x0, y0, x1, y1) meet: a cheap test before shapely's."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def box_of(corners: Sequence[Point], bounds: Bounds | None = None) -> Bounds | None:
    """The bounds of the polygon on ``corners`` where it is a rectangle with its sides along
    x and y (and some area), else ``None``. Whether such a box holds or meets another shape
    comes down to comparing coordinates, and shapely's predicates are exact: the answers are
    shapely's own (see ``box_holds``; two boxes meet where they are ``near``). ``bounds``:
    the corners' ``bounds_of``, where the caller has them already."""
    if len(corners) != 4:
        return None
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = corners
    if not (
        (ax == bx and by == cy and cx == dx and dy == ay)
        or (ay == by and bx == cx and cy == dy and dx == ax)
    ):
        return None
    box = bounds_of(corners) if bounds is None else bounds
    return box if box[0] < box[2] and box[1] < box[3] else None


def box_holds(box: Bounds, corners: Sequence[Point]) -> bool:
    """Whether ``box`` holds the polygon on ``corners`` (a simple one, with some area), as
    shapely's ``contains`` says: a convex shape holds a polygon where it holds its corners,
    edges included."""
    x0, y0, x1, y1 = box
    return all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in corners)


def bounds_of(corners: Sequence[Point]) -> Bounds:
    """The bounds of the polygon on ``corners``: the same numbers shapely's ``bounds`` gives
    (the least and greatest of the coordinates), without asking shapely for them."""
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def _plan(pc: PlacedCabinet) -> Plan:
    env, transform = pc.cabinet.envelope, pc.transform
    if pc.cabinet.outline is not None:
        outline = tuple(apply(transform, x, y)[:2] for x, y in pc.cabinet.outline)
        return Plan(corners=outline, inset=None, bounds=bounds_of(outline), box=None, core_box=None)
    # a rectangle in the cabinet's own frame: the core is the rectangle less half the
    # touching tolerance all round (no shapely buffer)
    half, width, depth = TOUCH_TOL_MM / 2, env.hi[0], env.hi[1]
    corners = footprint(transform, width=width, depth=depth)
    inset = plan_rectangle(transform, (half, half, width - half, depth - half))
    bounds = bounds_of(corners)
    box = box_of(corners, bounds)
    core_box = box_of(inset) if box is not None else None
    return Plan(corners=corners, inset=inset, bounds=bounds, box=box, core_box=core_box)


def placed_cabinets(build: DesignBuild, design: Design, memo: Memo = no_memo) -> tuple[Placed, ...]:
    """Each built cabinet with its footprint and heights; ``memo`` may hand back the
    footprint of a cabinet of the same size standing at the same place."""
    index = {c.id: i for i, c in enumerate(design.cabinets)}
    first: dict[Hashable, int] = {}  # the first cabinet with each twin key
    out = []
    for i, pc in enumerate(build.cabinets):
        spec = pc.cabinet.spec
        bottom = pc.transform[2][3]
        plan = memo(
            ("plan", pc.cabinet.envelope, pc.cabinet.outline, pc.transform), partial(_plan, pc)
        )
        at = index[spec.id]
        out.append(
            Placed(
                index=at,
                path=f"cabinets[{at}]",
                cabinet=pc,
                key=cabinet_key(spec),
                twin=first.setdefault(twin_key(spec), i),
                plan=plan,
                bounds=plan.bounds,
                box=plan.box,
                bottom=bottom,
                top=bottom + pc.cabinet.envelope.hi[2],
            )
        )
    return tuple(out)

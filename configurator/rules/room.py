"""Rules about the cabinets in their room: inside it, apart from each other, clear of
openings and obstacles, under the ceiling, able to be stood up and opened (DOMAIN.md A15)."""

from __future__ import annotations

import itertools
import math
from functools import partial

from shapely import Polygon, prepare, unary_union

from catalog.templates import CornerKind, FrontKind
from configurator.build.cabinet import BuiltCabinet
from configurator.build.fronts import Leaf, door_leaves
from configurator.build.parts import Role
from configurator.build.placement import Point, orientation, plan_rectangle
from configurator.model.design import ObstacleKind, OpeningKind, WallPlacement
from configurator.room.geometry import RoomProblem, Wall, door_swing, opening_strip, plan_polygon
from configurator.rules.context import (
    TOUCH_TOL_MM,
    Bounds,
    Context,
    Placed,
    bounds_of,
    box_holds,
    box_of,
    near,
)
from configurator.rules.problems import RuleProblem
from kernel.problems import Param, Problem, Severity

__all__ = [
    "adjacent_walls",
    "check_ceiling",
    "check_corner_units",
    "check_front_clearance",
    "check_obstacles",
    "check_openings",
    "check_outside_room",
    "check_overlaps",
    "corner_gap",
    "front_reach",
    "front_zone",
    "reach_of",
]

DOOR_PASSAGE_MM = 600.0  # keep this much floor in front of a door or pass-through free
TILT_MARGIN_MM = 15.0  # A15: 10-20 mm for uneven floors and ceilings


def _spans_overlap(a0: float, a1: float, b0: float, b1: float) -> bool:
    return min(a1, b1) - max(a0, b0) > TOUCH_TOL_MM


def check_outside_room(ctx: Context) -> list[Problem]:
    """``outside_room``: every footprint lies inside the room outline."""
    if not ctx.room_ok:
        return []
    room, room_box = _room_area(ctx)
    problems = []
    for p in ctx.placed:
        if room_box is not None and p.box is not None:
            if box_holds(room_box, p.plan.corners):
                continue
        elif room.contains(p.footprint):
            continue
        params: dict[str, str | float] = {
            "outside_mm2": round(p.footprint.difference(ctx.floor).area)
        }
        spec = p.cabinet.cabinet.spec
        if isinstance(spec.placement, WallPlacement):
            wall = ctx.walls[spec.placement.wall]
            params |= {
                "wall": wall.index,
                "wall_mm": round(wall.length),
                "max_offset_mm": max(0, math.floor(wall.length - spec.width_mm)),
            }
        problems.append(Problem.of(RuleProblem.OUTSIDE_ROOM, p.path, **params))
    return problems


def check_overlaps(ctx: Context) -> list[Problem]:
    """``cabinet_overlap``: no two cabinets share space (a wall cabinet over a base is fine)."""
    problems = []
    for a, b in itertools.combinations(ctx.placed, 2):
        # plan first: it rules out most of the n² pairs, and cheaper than the heights
        if not near(a.bounds, b.bounds) or not _spans_overlap(a.bottom, a.top, b.bottom, b.top):
            continue
        if _boxes_apart(a.plan.core_box, b.plan.core_box):
            continue  # they touch at most: no shapely intersection to make
        common = a.core.intersection(b.core)
        if common.is_empty or common.area <= 0:
            continue
        x0, y0, x1, y1 = common.bounds
        problems.append(
            Problem.of(
                RuleProblem.CABINET_OVERLAP,
                b.path,
                other=a.cabinet.cabinet.spec.id,
                cabinet=b.cabinet.cabinet.spec.id,
                overlap_mm=round(min(x1 - x0, y1 - y0) + TOUCH_TOL_MM),
            )
        )
    return problems


def _boxes_apart(a: Bounds | None, b: Bounds | None) -> bool:
    """Whether two boxes (``box_of``; ``None``: not a box) share no area, so that shapely's
    intersection of them is empty, a point or a line (``False``: they may share some)."""
    if a is None or b is None:
        return False
    return not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def _room_area(ctx: Context) -> tuple[Polygon, Bounds | None]:
    """``room_area`` of the floor, and its ``box_of``: the context makes them once whenever
    the room is ok, and only then do the rules ask."""
    if ctx.room_area is None:
        raise ValueError("the room area is asked of a room that is not ok")
    return ctx.room_area, ctx.room_box


def check_openings(ctx: Context) -> list[Problem]:
    """``blocks_opening``: a cabinet in front of a door, pass-through or (where taller than the
    sill) window, or inside a door's swing."""
    if not ctx.room_ok:
        return []
    problems = []
    for opening in ctx.design.room.openings:
        wall = ctx.walls[opening.wall]
        is_window = opening.kind is OpeningKind.WINDOW
        zone = opening_strip(wall, opening, depth=50.0 if is_window else DOOR_PASSAGE_MM)
        swing = door_swing(wall, opening)
        for p in ctx.placed:
            common = {
                "opening": opening.id,
                "kind": opening.kind.value,
                "cabinet": p.cabinet.cabinet.spec.id,
            }
            low, high = (opening.sill_mm, opening.sill_mm + opening.height_mm)
            if _spans_overlap(p.bottom, p.top, low, high) and _hits(p.core, zone):
                reason = "window" if is_window else "passage"
                problems.append(
                    Problem.of(
                        RuleProblem.BLOCKS_OPENING,
                        p.path,
                        reason=reason,
                        sill_mm=opening.sill_mm,
                        max_height_mm=round(opening.sill_mm - p.bottom),
                        **common,
                    )
                )
            elif swing is not None and p.bottom < opening.height_mm and _hits(p.core, swing):
                problems.append(
                    Problem.of(
                        RuleProblem.BLOCKS_OPENING,
                        p.path,
                        reason="swing",
                        radius_mm=opening.width_mm,
                        **common,
                    )
                )
    return problems


def _hits(core: Polygon, other: Polygon) -> bool:
    """Whether ``other`` reaches into ``core`` (a shrunk shape)."""
    return bool(core.intersects(other))


def check_obstacles(ctx: Context) -> list[Problem]:
    """``obstacle_conflict``: beams (lowering the usable height locally), columns, pipe boxes
    and skirting in a cabinet's way."""
    problems = []
    for i, obstacle in enumerate(ctx.design.room.obstacles):
        shape = Polygon(obstacle.outline_mm)
        if not shape.is_valid:
            problems.append(
                Problem.of(
                    RoomProblem.INVALID_ROOM,
                    f"room.obstacles[{i}].outline_mm",
                    reason="self_intersecting",
                )
            )
            continue
        top = obstacle.top_mm or ctx.design.room.ceiling_mm
        for p in ctx.placed:
            # the core: a cabinet set tight against a column's side touches it, no more
            if not _spans_overlap(p.bottom, p.top, obstacle.bottom_mm, top) or not _hits(
                p.core, shape
            ):
                continue
            severity = (
                Severity.WARNING if obstacle.kind is ObstacleKind.SKIRTING else Severity.ERROR
            )
            problems.append(
                Problem.of(
                    RuleProblem.OBSTACLE_CONFLICT,
                    p.path,
                    severity,
                    obstacle=obstacle.id,
                    kind=obstacle.kind.value,
                    cabinet=p.cabinet.cabinet.spec.id,
                    max_height_mm=round(obstacle.bottom_mm - p.bottom),
                    lowered=obstacle.bottom_mm > p.bottom,
                )
            )
    return problems


def check_ceiling(ctx: Context) -> list[Problem]:
    """``ceiling_height`` and ``tilt_up_clearance``: fits under the ceiling, and a carcass
    assembled on its back can be stood up: sqrt(H² + D²) < ceiling - margin (A15)."""
    ceiling = ctx.design.room.ceiling_mm
    problems = []
    for p in ctx.placed:
        built = p.cabinet.cabinet
        if p.top > ceiling:
            problems.append(
                Problem.of(
                    RuleProblem.CEILING_HEIGHT,
                    p.path,
                    height_mm=round(p.top),
                    ceiling_mm=ceiling,
                    max_mm=round(ceiling - p.bottom),
                )
            )
            continue
        if not built.template.has_carcass or p.bottom > 0:
            continue
        side = next(part for part in built.parts if part.role is Role.SIDE)
        height, depth = side.length_mm, side.width_mm
        room = ceiling - TILT_MARGIN_MM
        if math.hypot(height, depth) >= room:
            problems.append(
                Problem.of(
                    RuleProblem.TILT_UP_CLEARANCE,
                    p.path,
                    diagonal_mm=round(math.hypot(height, depth)),
                    ceiling_mm=ceiling,
                    margin_mm=TILT_MARGIN_MM,
                    max_mm=math.floor(
                        math.sqrt(room**2 - depth**2) + built.spec.height_mm - height
                    ),
                )
            )
    return problems


def adjacent_walls(ctx: Context, a: Placed, b: Placed) -> bool:
    """Whether ``a`` and ``b`` stand against two walls that meet in a room corner."""
    pa, pb = a.cabinet.cabinet.spec.placement, b.cabinet.cabinet.spec.placement
    n = len(ctx.walls)
    if not isinstance(pa, WallPlacement) or not isinstance(pb, WallPlacement) or n < 3:
        return False
    return pb.wall in ((pa.wall + 1) % n, (pa.wall - 1) % n)


CORNER_SLACK_MM = 10.0  # an L unit may stand this far short of its corner (scribed on site)
RIGHT_ANGLE_TOL = 0.02  # cosine of the walls' angle: about 1 degree off square


def corner_gap(ctx: Context, p: Placed) -> tuple[float, Wall | None]:
    """How far an L unit on a wall stands from the corner on its left (the wall's end in a
    counter-clockwise room, its start in a clockwise one), and the side wall there (``None``
    where that corner is not square)."""
    placement = p.cabinet.cabinet.spec.placement
    assert isinstance(placement, WallPlacement)
    wall, n = ctx.walls[placement.wall], len(ctx.walls)
    ccw = orientation(ctx.design.room.outline_mm) > 0
    side = ctx.walls[(placement.wall + (1 if ccw else -1)) % n]
    far = placement.offset_mm + p.cabinet.cabinet.spec.width_mm
    gap = wall.length - far if ccw else placement.offset_mm
    square = abs(wall.direction[0] * side.direction[0] + wall.direction[1] * side.direction[1])
    return gap, side if square <= RIGHT_ANGLE_TOL else None


def check_corner_units(ctx: Context) -> list[Problem]:
    """``corner_unit_off_corner``: an L corner unit stands on a wall with its left side in a
    square room corner, so that its second arm stands along the side wall."""
    if not ctx.room_ok:
        return []
    problems = []
    for p in ctx.placed:
        spec = p.cabinet.cabinet.spec
        if p.cabinet.cabinet.template.corner is not CornerKind.L:
            continue
        if not isinstance(spec.placement, WallPlacement):
            reason, gap = "position", 0.0
        else:
            gap, side = corner_gap(ctx, p)
            reason = "angle" if side is None else "gap"
            if side is not None and 0 <= gap <= CORNER_SLACK_MM:
                continue
        problems.append(
            Problem.of(
                RuleProblem.CORNER_UNIT_OFF_CORNER,
                p.path,
                reason=reason,
                cabinet=spec.id,
                gap_mm=round(gap),
            )
        )
    return problems


def check_front_clearance(ctx: Context) -> list[Problem]:
    """``front_clearance``: doors and drawers can open fully, clear of walls, other cabinets,
    obstacles and door swings. ``corner_blocked``: the cabinet in their way stands on the
    adjacent wall, in the room's corner (a corner unit is the fix)."""
    if not ctx.room_ok:
        return []
    room, room_box = _room_area(ctx)
    prepare(room)  # asked once per cabinet: prepared, it answers without rebuilding
    blockers = [
        ("opening", s, 0.0, math.inf)
        for o in ctx.design.room.openings
        if (s := door_swing(ctx.walls[o.wall], o)) is not None
    ]
    blockers += [
        ("obstacle", Polygon(o.outline_mm), o.bottom_mm, o.top_mm or ctx.design.room.ceiling_mm)
        for o in ctx.design.room.obstacles
        if o.kind is not ObstacleKind.SKIRTING
    ]
    problems = []
    reaches: dict[int, float] = {}  # each twin's ``front_reach``
    for p in ctx.placed:
        key = ("front_zone", p.key, p.cabinet.transform)
        found, needed = ctx.memo(key, partial(_twins_zone, p, reaches))
        if found is None:
            continue
        zone = _Zone(found)
        common: dict[str, Param] = {"cabinet": p.cabinet.cabinet.spec.id, "needed_mm": needed}
        if not zone.within(room, room_box):
            problems.append(
                Problem.of(RuleProblem.FRONT_CLEARANCE, p.path, reason="wall", **common)
            )
        for other in ctx.placed:
            if (
                other is not p
                and near(zone.bounds, other.bounds)  # first: it rules out most of the n² pairs
                and _spans_overlap(p.bottom, p.top, other.bottom, other.top)
                and zone.meets(other)
            ):
                other_id = other.cabinet.cabinet.spec.id
                problems.append(
                    Problem.of(RuleProblem.CORNER_BLOCKED, p.path, other=other_id, **common)
                    if adjacent_walls(ctx, p, other)
                    else Problem.of(
                        RuleProblem.FRONT_CLEARANCE,
                        p.path,
                        reason="cabinet",
                        other=other_id,
                        **common,
                    )
                )
        for reason, shape, low, high in blockers:
            if _spans_overlap(p.bottom, p.top, low, high) and zone.shape.intersects(shape):
                problems.append(
                    Problem.of(RuleProblem.FRONT_CLEARANCE, p.path, reason=reason, **common)
                )
                break
    return problems


def front_reach(p: Placed) -> float:
    """How far the fronts reach into the room when open: the widest hinged door, or the
    longest drawer pulled out."""
    built = p.cabinet.cabinet
    if built.template.fronts is FrontKind.HINGED:
        return _widest(p.leaves)
    return _drawer_reach(built)


def reach_of(built: BuiltCabinet) -> float:
    """``front_reach`` of a cabinet wherever it stands."""
    if built.template.fronts is FrontKind.HINGED:
        return _widest(door_leaves(built.parts))
    return _drawer_reach(built)


def _widest(leaves: list[Leaf]) -> float:
    return max((leaf.width_mm for leaf in leaves), default=0.0)


def _drawer_reach(built: BuiltCabinet) -> float:
    drawers = [part.length_mm for part in built.parts if part.role is Role.DRAWER_SIDE]
    return max(drawers, default=0.0) + built.front_depth_mm


class _Zone:
    """The floor a cabinet's open fronts sweep, as ``check_front_clearance`` asks about it: a
    rectangle along the axes answers by its corners (``box_of``), anything else by shapely,
    with a polygon made once, when first asked for."""

    __slots__ = ("_shape", "bounds", "box", "corners")

    def __init__(self, zone: Polygon | tuple[Point, ...]) -> None:
        if isinstance(zone, Polygon):
            x0, y0, x1, y1 = zone.bounds
            self._shape: Polygon | None = zone
            self.corners, self.box, self.bounds = None, None, (x0, y0, x1, y1)
        else:
            self._shape, self.corners, self.bounds = None, zone, bounds_of(zone)
            self.box = box_of(zone, self.bounds)

    @property
    def shape(self) -> Polygon:
        """The zone as a shapely polygon."""
        if self._shape is None:
            assert self.corners is not None
            self._shape = plan_polygon(self.corners)
        return self._shape

    def within(self, room: Polygon, room_box: Bounds | None) -> bool:
        """Whether ``room`` (its ``box_of``: ``room_box``) holds the zone."""
        if room_box is not None and self.box is not None and self.corners is not None:
            return box_holds(room_box, self.corners)
        return bool(room.contains(self.shape))

    def meets(self, other: Placed) -> bool:
        """Whether the zone meets ``other``'s footprint (whose bounds it is ``near``)."""
        if self.box is not None and other.box is not None:
            return True  # two boxes meet where they are near
        return bool(self.shape.intersects(other.footprint))


def front_zone(p: Placed) -> Polygon | None:
    """The floor the cabinet's open fronts sweep (``None``: nothing opens)."""
    zone = _front_zone(p, front_reach(p))[0]
    return None if zone is None else _Zone(zone).shape


def _twins_zone(
    p: Placed, reaches: dict[int, float]
) -> tuple[Polygon | tuple[Point, ...] | None, int]:
    """``_front_zone``, with the reach worked out for ``p``'s twin if it was (``reaches``):
    a twin's fronts reach as far."""
    reach = reaches.get(p.twin)
    if reach is None:
        reach = reaches[p.twin] = front_reach(p)
    return _front_zone(p, reach)


def _front_zone(p: Placed, reach: float) -> tuple[Polygon | tuple[Point, ...] | None, int]:
    """The floor the open fronts sweep, less half the touching tolerance all round (a corner
    unit's as a polygon, any other's as the corners of a rectangle), and how far they reach
    (mm, rounded): ``reach``, its ``front_reach``."""
    if reach <= 0:
        return None, round(reach)
    half = TOUCH_TOL_MM / 2
    built = p.cabinet.cabinet
    if built.template.corner is not CornerKind.NONE:
        return _door_zone(p, reach), round(reach)
    width = built.envelope.hi[0]
    zone = plan_rectangle(p.cabinet.transform, (half, half - reach, width - half, -half))
    return zone, round(reach)


def _door_zone(p: Placed, reach: float) -> Polygon:
    """A corner unit's fronts open only where its doors are, not in front of a blind part:
    the floor in front of the doors facing out of the frame's front (y) and, on an L unit's
    second arm, of those facing along x."""
    half = TOUCH_TOL_MM / 2
    leaves = p.leaves
    rects = []
    front = [leaf.box for leaf in leaves if leaf.parts[0].thickness_axis == 1]
    if front:
        x0, x1 = min(b.lo[0] for b in front), max(b.hi[0] for b in front)
        y = min(b.lo[1] for b in front)
        rects.append((x0 + half, y - reach + half, x1 - half, y - half))
    side = [leaf.box for leaf in leaves if leaf.parts[0].thickness_axis == 0]
    if side:
        y0, y1 = min(b.lo[1] for b in side), max(b.hi[1] for b in side)
        x = max(b.hi[0] for b in side)
        rects.append((x + half, y0 + half, x + reach - half, y1 - half))
    both = unary_union([plan_polygon(plan_rectangle(p.cabinet.transform, r)) for r in rects])
    return both if isinstance(both, Polygon) else Polygon(both.convex_hull)

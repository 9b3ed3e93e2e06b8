"""Doors hinged against a room wall: a full-overlay door hinged on a cabinet side that stands
against a wall kicks its hinge edge out past the side as it opens, so it scrapes the wall,
stops short of 90° and its handle strikes the wall; drawers behind it cannot come out past
it. A filler strip between the cabinet and the wall gives it room; the usual advice is a
filler wherever a run meets a wall, at least 1 in (25 mm), 3 in (76 mm) the stock width
(cabinet-wholesalers.com "the #1 mistake people make with cabinets"; interiorwooddoors.org
"Clearance allowed for a cabinet drawer opening in a wall": 1 in is more than sufficient).
"""

from __future__ import annotations

from functools import partial

from shapely import Polygon

from catalog.templates import FrontKind
from configurator.build.cabinet import BuiltCabinet
from configurator.build.parts import OpKind, Role
from configurator.build.placement import plan_rectangle
from configurator.room.geometry import plan_polygon
from configurator.rules.context import TOUCH_TOL_MM, Bounds, Context, Placed, box_holds
from configurator.rules.problems import RuleProblem
from kernel.problems import Problem, Severity

__all__ = [
    "HINGE_WALL_GAP_MM",
    "check_hinge_walls",
    "hinged_sides",
    "wall_beside",
]

HINGE_WALL_GAP_MM = 25.0  # a hinge side nearer a wall than this needs a filler (see above)
CUP_REACH_MM = 40.0  # a hinge cup's centre from its door's hinge edge, at most (A8: 3-7 mm
# from the edge to a Ø35 cup: 20.5-24.5 mm; more than that, with the reveal, never reaches)


def check_hinge_walls(ctx: Context) -> list[Problem]:
    """``door_against_wall`` (a warning): a door hinged on a cabinet side that stands less
    than ``HINGE_WALL_GAP_MM`` from a room wall."""
    if not ctx.room_ok:
        return []
    problems = []
    for p in ctx.placed:
        key = ("hinged_sides", p.key)
        sides = ctx.memo(key, partial(hinged_sides, p.cabinet.cabinet))
        for side, door in sides:
            if wall_beside(p, side, ctx.floor, ctx.floor_box):
                problems.append(
                    Problem.of(
                        RuleProblem.DOOR_AGAINST_WALL,
                        p.path,
                        Severity.WARNING,
                        cabinet=p.cabinet.cabinet.spec.id,
                        part_id=door,
                        side=side,
                        gap_mm=HINGE_WALL_GAP_MM,
                    )
                )
    return problems


def hinged_sides(built: BuiltCabinet) -> tuple[tuple[str, str], ...]:
    """The cabinet's sides (``left``, ``right``, as seen from the front) that a door is
    hinged on, each with that door: a door hinged on a divider is not at a side. A door's
    hinge edge is over a side when its cups, ``CUP_REACH_MM`` in from that edge at most, are
    nearer the cabinet's edge than the side is thick plus that."""
    if built.template.fronts is not FrontKind.HINGED:
        return ()
    width = built.spec.width_mm
    t = next((p.thickness_mm for p in built.parts if p.role is Role.SIDE), 0.0)
    found: dict[str, str] = {}
    for part in built.parts:
        if part.role is not Role.DOOR and part.role is not Role.DOOR_STILE:
            continue
        for op in part.operations:
            if op.kind is OpKind.CUP:
                x = part.box.lo[0] + op.v
                door = part.part_id if part.role is Role.DOOR else part.part_id.rsplit("-", 1)[0]
                if x < t + CUP_REACH_MM:
                    found.setdefault("left", door)
                elif x > width - t - CUP_REACH_MM:
                    found.setdefault("right", door)
                break  # one cup tells the door's hinge edge
    return tuple(found.items())


def wall_beside(p: Placed, side: str, floor: Polygon, floor_box: Bounds | None = None) -> bool:
    """Whether a room wall stands less than the gap from ``p``'s ``side``: the strip that
    wide beside its front reaches out of the ``floor`` (``floor_box``: its ``box_of``)."""
    width = p.cabinet.cabinet.envelope.hi[0]
    gap, inset = HINGE_WALL_GAP_MM, TOUCH_TOL_MM
    x0, x1 = (-gap, -inset) if side == "left" else (width + inset, width + gap)
    strip = plan_rectangle(p.cabinet.transform, (x0, inset, x1, 2 * gap))
    if floor_box is not None:  # a rectangular room: no shapely polygon to make
        return not box_holds(floor_box, strip)
    return not floor.contains(plan_polygon(strip))

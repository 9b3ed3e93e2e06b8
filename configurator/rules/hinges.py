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
from configurator.build.fronts import door_leaves
from configurator.build.parts import OpKind
from configurator.build.placement import plan_rectangle
from configurator.model.design import cabinet_key
from configurator.rules.context import TOUCH_TOL_MM, Context, Placed
from configurator.rules.problems import RuleProblem
from kernel.problems import Problem, Severity

__all__ = [
    "HINGE_WALL_GAP_MM",
    "check_hinge_walls",
    "hinged_sides",
    "wall_beside",
]

HINGE_WALL_GAP_MM = 25.0  # a hinge side nearer a wall than this needs a filler (see above)


def check_hinge_walls(ctx: Context) -> list[Problem]:
    """``door_against_wall`` (a warning): a door hinged on a cabinet side that stands less
    than ``HINGE_WALL_GAP_MM`` from a room wall."""
    if not ctx.room_ok:
        return []
    problems = []
    for p in ctx.placed:
        key = ("hinged_sides", cabinet_key(p.cabinet.cabinet.spec))
        sides = ctx.memo(key, partial(hinged_sides, p.cabinet.cabinet))
        for side, door in sides:
            if wall_beside(p, side, ctx.floor):
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
    hinged on, each with that door: a door hinged on a divider is not at a side."""
    if built.template.fronts is not FrontKind.HINGED:
        return ()
    width = built.spec.width_mm
    t = min((p.thickness_mm for p in built.parts if p.role == "side"), default=0.0)
    found = []
    for leaf in door_leaves(built.parts):
        cups = [
            part.box.lo[0] + op.v
            for part in leaf.parts
            for op in part.operations
            if op.kind is OpKind.CUP
        ]
        if not cups:
            continue
        centre = (leaf.box.lo[0] + leaf.box.hi[0]) / 2
        if cups[0] < centre and leaf.box.lo[0] < t:
            found.append(("left", leaf.key))
        elif cups[0] > centre and leaf.box.hi[0] > width - t:
            found.append(("right", leaf.key))
    return tuple(found)


def wall_beside(p: Placed, side: str, floor: Polygon) -> bool:
    """Whether a room wall stands less than the gap from ``p``'s ``side``: the strip that
    wide beside its front reaches out of the ``floor``."""
    width = p.cabinet.cabinet.envelope.hi[0]
    gap, inset = HINGE_WALL_GAP_MM, TOUCH_TOL_MM
    x0, x1 = (-gap, -inset) if side == "left" else (width + inset, width + gap)
    strip = Polygon(plan_rectangle(p.cabinet.transform, (x0, inset, x1, 2 * gap)))
    return not floor.contains(strip)

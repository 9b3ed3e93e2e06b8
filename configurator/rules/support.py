"""Rules about what carries each cabinet (the template's ``stands_on``): a cabinet with a plinth
or legs stands on the floor, and a top box stands on the top of a carcass under it, wholly.

A base cabinet "at 900 mm" (``elevation_mm: 900``) hangs on nothing: its plinth and legs are
made to stand on the floor, and its carcass is not made to hang on a wall. A top box at its
default 2000 mm with nothing under it, or over a lower wardrobe, or reaching past the top it
stands on, floats or tips: it has no fixing of its own.
"""

from __future__ import annotations

from shapely import Polygon, unary_union

from catalog.templates import StandsOn
from configurator.rules.context import TOUCH_TOL_MM, Bounds, Context, Placed, box_holds, near
from configurator.rules.problems import RuleProblem
from kernel.problems import Problem

__all__ = ["can_carry", "carriers", "check_support"]

SUPPORTED_SHARE = 0.98  # of a top box's footprint on the tops under it (a front overhang of
# a few mm is fine; a box half over nothing is not)


def check_support(ctx: Context) -> list[Problem]:
    """``floor_unit_raised`` and ``top_box_unsupported``."""
    problems: list[Problem] = []
    for p in ctx.placed:
        stands_on = p.cabinet.cabinet.template.stands_on
        spec = p.cabinet.cabinet.spec
        if stands_on is StandsOn.FLOOR and p.bottom > 0:
            problems.append(
                Problem.of(
                    RuleProblem.FLOOR_UNIT_RAISED,
                    p.path,
                    cabinet=spec.id,
                    elevation_mm=round(p.bottom),
                )
            )
        elif stands_on is StandsOn.CABINET:
            share = _supported_share(p, ctx)
            if share < SUPPORTED_SHARE:
                problems.append(
                    Problem.of(
                        RuleProblem.TOP_BOX_UNSUPPORTED,
                        p.path,
                        cabinet=spec.id,
                        elevation_mm=round(p.bottom),
                        supported_pct=round(100 * share),
                    )
                )
    return problems


def carriers(p: Placed, ctx: Context) -> list[Placed]:
    """The carcass cabinets under ``p``'s footprint in plan that could carry it (not
    themselves carried by another cabinet), highest first."""
    found = [
        other
        for other in ctx.placed
        if other is not p
        and can_carry(other)
        and near(other.bounds, p.bounds)
        and other.core.intersects(p.core)
    ]
    return sorted(found, key=lambda o: -o.top)


def can_carry(p: Placed) -> bool:
    """Whether a top box may stand on ``p``: a carcass that is not itself on another."""
    template = p.cabinet.cabinet.template
    return template.has_carcass and template.stands_on is not StandsOn.CABINET


def _supported_share(p: Placed, ctx: Context) -> float:
    """How much of ``p``'s footprint rests on the tops of carcass cabinets whose top is its
    underside (within the touching tolerance)."""
    under = [
        other
        for other in ctx.placed
        if other is not p
        and other.cabinet.cabinet.template.has_carcass
        and abs(other.top - p.bottom) <= TOUCH_TOL_MM
        and near(other.bounds, p.bounds)
    ]
    if _sizeable(p.box) and any(_holds(other, p) for other in under):
        return 1.0  # wholly on one top's box: shapely's sums give 1 but for the last digits
    tops = [other.footprint for other in under]
    if not tops or p.footprint.area <= 0:
        return 0.0
    carried: Polygon = unary_union(tops).intersection(p.footprint)
    return float(carried.area / p.footprint.area)


def _sizeable(box: Bounds | None) -> bool:
    """Whether ``box`` is one (``box_of``) at least a millimetre each way: on a speck of a
    few digits, shapely's sums are not to be second-guessed."""
    return box is not None and box[2] - box[0] >= 1 and box[3] - box[1] >= 1


def _holds(other: Placed, p: Placed) -> bool:
    """Whether ``other``'s box (``box_of``) holds ``p``'s footprint."""
    return other.box is not None and box_holds(other.box, p.plan.corners)

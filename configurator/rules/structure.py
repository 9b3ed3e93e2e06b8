"""Rules about what the factory can make and what will hold: sheet size, smallest part, shelf
sag, hinges and door size, hanging space (DOMAIN.md A2, A3, A8, A11, A16)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from catalog.catalog import Catalog
from catalog.templates import FrontKind
from configurator.build.frame import make_frame
from configurator.build.interior import DEFAULT_DRAWER_MM
from configurator.build.joinery import hinge_count
from configurator.build.parts import OpKind, Part, Role
from configurator.model.design import Item, ItemKind
from configurator.rules.context import Context, Placed
from configurator.rules.problems import RuleProblem
from configurator.rules.sag import (
    LOAD_KG_PER_M,
    SagVerdict,
    long_term_sag_mm,
    max_span_mm,
    sag_verdict,
)
from kernel.memo import no_memo
from kernel.problems import Param, Problem, Severity

__all__ = [
    "check_doors",
    "check_hanging_space",
    "check_part_sizes",
    "check_shelf_sag",
    "check_sliding_doors",
    "each_cabinet",
]

MAX_DOOR_WIDTH_MM = 650.0  # A8: reject wider doors (600-650 only with an extra hinge)
MAX_DOOR_HEIGHT_MM = 2400.0  # taller 18 mm doors warp; split with a top box
MAX_DOOR_WEIGHT_KG = 25.0
MAX_HINGES = 5  # hinge charts stop at five
MIN_HANGING_DEPTH_MM = 530.0  # GB/T 3327-1997
LONG_GARMENTS_MM = 1400.0  # GB/T 3327-1997, from the top of the rod
SHORT_GARMENTS_MM = 900.0
FOLDED_TROUSERS_MM = 650.0  # below this nothing hangs


CabinetCheck = Callable[[Placed, Catalog], list[Problem]]


def each_cabinet(ctx: Context, check: CabinetCheck) -> list[Problem]:
    """``check`` of every cabinet in turn. It looks at the built cabinet only, not where it
    stands, so ``ctx.memo`` may hand back its problems for a cabinet that only moved, and a
    twin of a cabinet found sound (``configurator.build.twins``: the same but for its id) is
    sound too. (A twin's problems name its own path and parts: those are worked out.)"""
    problems: list[Problem] = []
    sound: set[int] = set()  # the ``Placed.twin`` of the cabinets ``check`` found nothing in
    name, catalog, memo = check.__name__, ctx.catalog, ctx.memo
    for placed in ctx.placed:
        if placed.twin in sound:
            if memo is not no_memo:  # remembered as its own: an edit of its twin leaves it be
                memo((name, placed.path, placed.key), tuple)
            continue
        if memo is no_memo:  # nothing is remembered: no key to make
            found: Sequence[Problem] = check(placed, catalog)
        else:
            key = (name, placed.path, placed.key)
            found = memo(key, partial(_frozen, check, placed, catalog))
        if not found:
            sound.add(placed.twin)
        problems += found
    return problems


def _frozen(check: CabinetCheck, placed: Placed, catalog: Catalog) -> tuple[Problem, ...]:
    return tuple(check(placed, catalog))


def check_part_sizes(ctx: Context) -> list[Problem]:
    """``part_exceeds_sheet`` (a part that no sheet its material is sold in can give, after
    the trims) and ``part_too_small``: the saw's limits."""
    return each_cabinet(ctx, _part_sizes)


def _part_sizes(placed: Placed, catalog: Catalog) -> list[Problem]:
    k = catalog.construction
    trim = k.sheet_trim_mm
    problems = []
    for part in placed.cabinet.cabinet.parts:
        material = catalog.material(part.material)
        length, width = part.cut_length_mm, part.cut_width_mm
        fits = material.sheet_for(length, width, turnable=not part.grained, trim_mm=trim)
        if fits is None:
            largest = material.sheets[-1]
            usable_l, usable_w = largest[0] - 2 * k.sheet_trim_mm, largest[1] - 2 * k.sheet_trim_mm
            problems.append(
                Problem.of(
                    RuleProblem.PART_EXCEEDS_SHEET,
                    placed.path,
                    part_id=part.part_id,
                    length_mm=round(length, 1),
                    width_mm=round(width, 1),
                    sheet_mm=f"{usable_l:g} x {usable_w:g}",
                    material=part.material,
                    grained=part.grained,
                    max_mm=usable_l,
                    max_width_mm=usable_w,
                )
            )
        if length < k.min_part_length_mm or width < k.min_part_width_mm:
            problems.append(
                Problem.of(
                    RuleProblem.PART_TOO_SMALL,
                    placed.path,
                    part_id=part.part_id,
                    length_mm=round(length, 1),
                    width_mm=round(width, 1),
                    min_length_mm=k.min_part_length_mm,
                    min_width_mm=k.min_part_width_mm,
                )
            )
    return problems


def check_shelf_sag(ctx: Context) -> list[Problem]:
    """``shelf_sag``: long-term sag of every shelf under its template's load class."""
    return each_cabinet(ctx, _shelf_sag)


def _shelf_sag(placed: Placed, catalog: Catalog) -> list[Problem]:
    problems = []
    load_class = placed.cabinet.cabinet.template.load_class
    load = LOAD_KG_PER_M[load_class]
    for part in placed.cabinet.cabinet.parts:
        if part.role is not Role.SHELF and part.role is not Role.FIXED_SHELF:
            continue
        material = catalog.material(part.material)
        sizes = {
            "depth_mm": part.width_mm,
            "thickness_mm": part.thickness_mm,
            "modulus_mpa": material.modulus_mpa,
            "load_kg_per_m": load,
        }
        sag = long_term_sag_mm(span_mm=part.length_mm, **sizes)
        verdict = sag_verdict(sag, part.length_mm)
        if verdict is SagVerdict.PASS:
            continue
        problems.append(
            Problem.of(
                RuleProblem.SHELF_SAG,
                placed.path,
                Severity.ERROR if verdict is SagVerdict.FAIL else Severity.WARNING,
                part_id=part.part_id,
                span_mm=round(part.length_mm),
                sag_mm=round(sag, 2),
                limit_mm=round(part.length_mm / 240, 2),
                load=load_class.value,
                load_kg_per_m=load,
                max_span_mm=int(max_span_mm(**sizes)),
            )
        )
    return problems


def check_doors(ctx: Context) -> list[Problem]:
    """``hinge_count`` and ``door_too_large`` for every hinged door (A8)."""
    return each_cabinet(ctx, _doors)


def _doors(placed: Placed, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    if placed.cabinet.cabinet.template.fronts is not FrontKind.HINGED:
        return problems
    for leaf in placed.leaves:
        weight = leaf.weight_kg(catalog)
        height, width = leaf.box.size(2), leaf.width_mm
        needed = hinge_count(height, weight, width)
        placed_hinges = max(_usable_hinges(part) for part in leaf.parts)
        common: dict[str, Param] = {
            "part_id": leaf.key,
            "width_mm": round(width, 1),
            "height_mm": round(height, 1),
            "weight_kg": round(weight, 1),
        }
        if placed_hinges < needed:  # the door would hang on too few hinges
            problems.append(
                Problem.of(
                    RuleProblem.HINGE_COUNT,
                    placed.path,
                    reason="too_few",
                    needed=needed,
                    placed=placed_hinges,
                    **common,
                )
            )
        elif needed > MAX_HINGES:  # they all fit, but no hinge chart vouches for such a door
            problems.append(
                Problem.of(
                    RuleProblem.HINGE_COUNT,
                    placed.path,
                    Severity.WARNING,
                    reason="beyond_chart",
                    needed=needed,
                    placed=placed_hinges,
                    max_hinges=MAX_HINGES,
                    **common,
                )
            )
        problems += _door_size(placed, (width, height), weight, common)
    return problems


CUP_CLEARANCE_MM = 10.0  # between two hinge cups, so that the bores do not meet


def _usable_hinges(door: Part) -> int:
    """Hinges whose cups stand clear of the previous one (cups closer than their diameter
    plus a clearance would cut into each other)."""
    cups = sorted((op.u, op.diameter_mm) for op in door.operations if op.kind is OpKind.CUP)
    usable, last = 0, None
    for u, diameter in cups:
        if last is None or u - last >= diameter + CUP_CLEARANCE_MM:
            usable, last = usable + 1, u
    return usable


def _door_size(
    placed: Placed, size: tuple[float, float], weight: float, common: dict[str, Param]
) -> list[Problem]:
    found = []
    width, height = size
    if width > MAX_DOOR_WIDTH_MM or weight > MAX_DOOR_WEIGHT_KG:
        found.append(
            Problem.of(
                RuleProblem.DOOR_TOO_LARGE,
                placed.path,
                reason="width_or_weight",
                max_width_mm=MAX_DOOR_WIDTH_MM,
                max_weight_kg=MAX_DOOR_WEIGHT_KG,
                **common,
            )
        )
    elif height > MAX_DOOR_HEIGHT_MM:
        found.append(
            Problem.of(
                RuleProblem.DOOR_TOO_LARGE,
                placed.path,
                Severity.WARNING,
                reason="height",
                max_height_mm=MAX_DOOR_HEIGHT_MM,
                **common,
            )
        )
    return found


def check_sliding_doors(ctx: Context) -> list[Problem]:
    """``sliding_door_size``: leaves narrower than the catalog's narrowest (they skew in the
    track) or wider than its widest (an error), or taller than a door keeps flat (A9)."""
    return each_cabinet(ctx, _sliding_doors)


def _sliding_doors(placed: Placed, catalog: Catalog) -> list[Problem]:
    built = placed.cabinet.cabinet
    if built.template.fronts is not FrontKind.SLIDING:
        return []
    leaves = placed.leaves
    if not leaves:
        return []
    k = catalog.construction
    width = min(leaf.width_mm for leaf in leaves)
    height = max(leaf.box.size(2) for leaf in leaves)
    common: dict[str, Param] = {
        "cabinet": built.spec.id,
        "doors": len(leaves),
        "width_mm": round(width, 1),
        "height_mm": round(height, 1),
    }
    found: list[tuple[str, Severity, dict[str, Param]]] = [
        ("narrow", Severity.ERROR, {"min_mm": k.sliding_min_door_width_mm}),
        ("wide", Severity.ERROR, {"max_mm": k.sliding_max_door_width_mm}),
        ("tall", Severity.WARNING, {"max_mm": MAX_DOOR_HEIGHT_MM}),
    ]
    widest = max(leaf.width_mm for leaf in leaves)
    breaks = (
        width < k.sliding_min_door_width_mm,
        widest > k.sliding_max_door_width_mm,
        height > MAX_DOOR_HEIGHT_MM,
    )
    return [
        Problem.of(
            RuleProblem.SLIDING_DOOR_SIZE, placed.path, severity, reason=reason, **limit, **common
        )
        for (reason, severity, limit), broken in zip(found, breaks, strict=True)
        if broken
    ][:1]


def check_hanging_space(ctx: Context) -> list[Problem]:
    """``hanging_space``: depth and height of every hanging rail's zone (GB/T 3327)."""
    return each_cabinet(ctx, _hanging_space)


def _hanging_space(placed: Placed, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    built = placed.cabinet.cabinet
    if built.interior is None or not any(
        item.kind is ItemKind.RAIL for section in built.interior.sections for item in section.items
    ):
        return problems  # no rail: the frame's depth is not needed
    f = make_frame(built.spec, built.template, catalog)
    depth = f.back_y0 - f.interior_y0
    for s, section in enumerate(built.interior.sections):
        below = _tops(section.items, f.t)
        for i, item in enumerate(section.items):
            if item.kind is not ItemKind.RAIL or item.at_mm is None:
                continue
            path = f"{placed.path}.interior.sections[{s}].items[{i}]"
            floor = max((top for top in below if top <= item.at_mm - 25), default=0.0)
            problems += _hanging(path, depth=depth, height=item.at_mm - floor)
    return problems


def _tops(items: tuple[Item, ...], t: float) -> list[float]:
    """Heights (above the inner bottom) of the tops of shelves and of the drawer stack."""
    tops = [
        i.at_mm + t
        for i in items
        if i.kind in (ItemKind.SHELF, ItemKind.FIXED_SHELF) and i.at_mm is not None
    ]
    drawers = sum(
        (i.height_mm or DEFAULT_DRAWER_MM) + 3 for i in items if i.kind is ItemKind.DRAWER
    )
    return [*tops, drawers] if drawers else tops


# below each height under the rod: what hangs no more (GB/T 3327 and CN practice, A11)
HEIGHT_STEPS = (
    (FOLDED_TROUSERS_MM, Severity.ERROR, "height"),
    (SHORT_GARMENTS_MM, Severity.WARNING, "trousers"),
    (LONG_GARMENTS_MM, Severity.INFO, "short"),
)


def _hanging(path: str, *, depth: float, height: float) -> list[Problem]:
    found = []
    if depth < MIN_HANGING_DEPTH_MM:
        found.append(
            Problem.of(
                RuleProblem.HANGING_SPACE,
                path,
                reason="depth",
                depth_mm=round(depth),
                min_mm=MIN_HANGING_DEPTH_MM,
            )
        )
    for limit, severity, reason in HEIGHT_STEPS:
        if height < limit:
            found.append(
                Problem.of(
                    RuleProblem.HANGING_SPACE,
                    path,
                    severity,
                    reason=reason,
                    height_mm=round(height),
                    min_mm=limit,
                )
            )
            break
    return found

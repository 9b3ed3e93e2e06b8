"""Parts nested per material and thickness: the one place a batch is grouped for the saw,
whether its parts come from designs or from a cut-list CSV."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from catalog.materials import SheetSize, first_sheet
from configurator.build.parts import Part
from kernel.fields import FieldProblem
from kernel.problems import Problem
from production_export.errors import NoSheetSize, PartTooLarge
from production_export.nesting import NestPart, SheetLayout, Stock, nest

__all__ = [
    "MaterialKey",
    "NestedSheet",
    "Saw",
    "batch_yield",
    "check_saw",
    "group_parts",
    "nest_groups",
]

MaterialKey = tuple[str, float]
"""(material code, thickness mm): parts that may share a sheet."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Saw:
    """The panel saw's kerf and edge trim, mm."""

    kerf: float = 4.0
    trim: float = 10.0


MAX_SAW_MM = 100.0  # a kerf or trim beyond this is a typo, not a saw


def check_saw(saw: Saw, sheet: tuple[float, float] | None = None) -> list[Problem]:
    """What makes a saw (and a sheet size, if given) unusable: a negative, infinite or absurd
    kerf or trim (a negative kerf would lay parts over each other), a sheet that is not a
    finite positive size."""
    problems = [
        Problem.of(FieldProblem.OUT_OF_RANGE, name, value=value, min=0, max=MAX_SAW_MM)
        for name, value in (("kerf", saw.kerf), ("trim", saw.trim))
        if not 0 <= value <= MAX_SAW_MM  # also false for NaN
    ]
    if sheet is not None and not all(0 < side < math.inf for side in sheet):
        problems.append(
            Problem.of(
                FieldProblem.OUT_OF_RANGE,
                "sheet",
                value=" x ".join(f"{side:g}" for side in sheet),
                min="more than 0",
                max="a finite size",
            )
        )
    return problems


@dataclass(frozen=True, slots=True, kw_only=True)
class NestedSheet:
    """A sheet of a batch: its material and thickness and its layout."""

    material: str
    thickness_mm: float
    layout: SheetLayout


def batch_yield(sheets: Sequence[NestedSheet]) -> float:
    """The share of all the sheets' area that becomes parts (0 for no sheet)."""
    area = sum(s.layout.stock.length * s.layout.stock.width for s in sheets)
    used = sum(p.length * p.width for s in sheets for p in s.layout.placements)
    return used / area if area else 0.0


def group_parts(parts: Iterable[Part]) -> dict[MaterialKey, list[NestPart]]:
    """Cut parts as the nester sees them (cut sizes; grained parts may not turn), grouped."""
    groups: defaultdict[MaterialKey, list[NestPart]] = defaultdict(list)
    for p in parts:
        groups[(p.material, p.thickness_mm)].append(
            NestPart(
                part_id=p.part_id,
                length=p.cut_length_mm,
                width=p.cut_width_mm,
                rotatable=not p.grained,
            )
        )
    return dict(groups)


def nest_groups(
    groups: Mapping[MaterialKey, Sequence[NestPart]],
    sheets_for: Callable[[str], Sequence[SheetSize] | None],
    saw: Saw,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> list[NestedSheet]:
    """Every group nested onto its material's sheets, groups in order. ``sheets_for`` gives
    the sizes (length x width) a material is bought in, the standard one first, or ``None``
    when it does not know the material (``NoSheetSize``); each part goes onto the first size
    it fits, so a larger format is bought only for the parts that need it (unless putting the
    whole group on the larger format takes less board, its tall parts leaving room beside
    them that the smaller parts fill). ``PartTooLarge``
    when a part fits none of them at all. ``should_stop`` is the caller's wall-clock safety
    net, handed to every search (see ``nesting.nest``)."""
    sheets: list[NestedSheet] = []
    for (material, thickness), parts in sorted(groups.items()):
        sizes = sheets_for(material)
        if not sizes:
            raise NoSheetSize(material)
        by_size: dict[SheetSize, list[NestPart]] = {size: [] for size in sizes}
        for part in parts:
            size = first_sheet(
                sizes, part.length, part.width, turnable=part.rotatable, trim_mm=saw.trim
            )
            if size is None:
                raise PartTooLarge(material, _too_large(part, sizes[-1], saw))
            by_size[size].append(part)
        plans = [_nest_sizes(material, by_size, saw, should_stop)]
        largest = max((size for size, chosen in by_size.items() if chosen), key=math.prod)
        if largest != sizes[0]:  # or every part on the large sheet, with the tall ones
            plans.append(_nest_sizes(material, {largest: list(parts)}, saw, should_stop))
        best = min(plans, key=lambda plan: sum(s.length * s.width for s, _ in plan))
        sheets += [
            NestedSheet(material=material, thickness_mm=thickness, layout=layout)
            for _, layout in best
        ]
    return sheets


def _nest_sizes(
    material: str,
    by_size: Mapping[SheetSize, Sequence[NestPart]],
    saw: Saw,
    should_stop: Callable[[], bool] | None,
) -> list[tuple[Stock, SheetLayout]]:
    """The parts of each size nested on sheets of that size."""
    out: list[tuple[Stock, SheetLayout]] = []
    for size, chosen in by_size.items():
        stock = Stock(length=size[0], width=size[1], kerf=saw.kerf, trim=saw.trim)
        try:
            layouts = nest(chosen, stock, should_stop=should_stop)
        except ValueError as exc:  # only if first_sheet and the nester ever disagree
            raise PartTooLarge(material, str(exc)) from None
        out += [(stock, layout) for layout in layouts]
    return out


def _too_large(part: NestPart, size: SheetSize, saw: Saw) -> str:
    usable = (max(size[0] - 2 * saw.trim, 0), max(size[1] - 2 * saw.trim, 0))
    return (
        f"part {part.part_id} ({part.length:g} x {part.width:g}) does not fit a "
        f"{size[0]:g} x {size[1]:g} sheet ({usable[0]:g} x {usable[1]:g} after trims)"
    )

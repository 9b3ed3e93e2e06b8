"""Parts nested per material and thickness: the one place a batch is grouped for the saw,
whether its parts come from designs or from a cut-list CSV."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

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
    sheet_for: Callable[[str], tuple[float, float] | None],
    saw: Saw,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> list[NestedSheet]:
    """Every group nested onto its material's sheets (``sheet_for`` gives length x width,
    or ``None`` when it does not know the material: ``NoSheetSize``), groups in order;
    ``PartTooLarge`` when a part cannot fit on its sheet at all. ``should_stop`` is the
    caller's wall-clock safety net, handed to every search (see ``nesting.nest``)."""
    sheets: list[NestedSheet] = []
    for (material, thickness), parts in sorted(groups.items()):
        size = sheet_for(material)
        if size is None:
            raise NoSheetSize(material)
        stock = Stock(length=size[0], width=size[1], kerf=saw.kerf, trim=saw.trim)
        try:
            layouts = nest(parts, stock, should_stop=should_stop)
        except ValueError as exc:  # a part larger than the sheet less its trims
            raise PartTooLarge(material, str(exc)) from None
        sheets += [
            NestedSheet(material=material, thickness_mm=thickness, layout=layout)
            for layout in layouts
        ]
    return sheets

"""The saw shop's use case: nest the parts of a cut list onto sheets, per material and
thickness (no PDF, DXF or 3D libraries are loaded for it)."""

from __future__ import annotations

from collections.abc import Sequence

from catalog.materials import SheetSize
from production_export.nest_groups import NestedSheet, Saw, check_saw, nest_groups
from production_export.nest_input import parse_parts_csv
from services.deadline import NESTING_SAFETY_NET, deadline
from services.errors import InvalidInput
from services.ports import CatalogSource, Clock

__all__ = ["nest_parts"]


def nest_parts(
    parts_csv: str,
    *,
    catalogs: CatalogSource,
    clock: Clock,
    saw: Saw,
    sheet: tuple[float, float] | None = None,
) -> list[NestedSheet]:
    """Nest the parts of a cut-list CSV (DESIGN.md §5) per material and thickness: on
    ``sheet`` (length x width) if given, else on each catalog material's own sheets, the
    large format only for parts the standard one cannot give (``NoSheetSize`` for other
    materials). ``InvalidInput`` lists every bad cell, and a
    bad saw or sheet size."""
    groups, problems = parse_parts_csv(parts_csv)
    problems += check_saw(saw, sheet)
    if problems:
        raise InvalidInput(problems)
    catalog = catalogs.catalog()

    def sheets_for(material: str) -> Sequence[SheetSize] | None:
        if sheet is not None:
            return (sheet,)
        if material in catalog.materials:
            return catalog.material(material).sheets
        return None

    return nest_groups(groups, sheets_for, saw, should_stop=deadline(clock, NESTING_SAFETY_NET))

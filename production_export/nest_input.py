"""Read nesting input: the cut-list CSV columns (DESIGN.md §5), extra columns ignored.

Each row becomes ``quantity`` parts (ids ``<part_id>#1``... when more than one); ``grain``
``length`` locks the part's length along the sheet's grain, ``none`` lets it turn.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Mapping

from kernel.fields import FieldProblem
from kernel.problems import Problem, ProblemCode
from production_export.nesting import NestPart

__all__ = ["REQUIRED", "NestInputProblem", "parse_parts_csv"]


class NestInputProblem(ProblemCode):
    """A cut-list CSV that lacks what nesting needs."""

    MISSING_COLUMNS = "missing_columns"
    TOO_MANY_PIECES = "too_many_pieces"


MAX_QUANTITY = 10_000  # of one part in one row; more is a typo, not an order
MAX_PIECES = 3_000
"""Pieces (rows times quantities) nested in one run. The greedy plans' time grows with the
square of a material's pieces: 2,000 mixed pieces of one board take about 15 s on the
benchmark machine, 3,000 about half a minute, 10,000 several minutes (BENCHMARKS.md); a
larger batch is split into runs."""
REQUIRED = ("part_id", "material", "thickness_mm", "length_mm", "width_mm", "quantity", "grain")


def _number(text: str, path: str, problems: list[Problem], *, whole: bool = False) -> float:
    try:
        value = float(text)
    except ValueError:
        problems.append(
            Problem.of(FieldProblem.WRONG_TYPE, path, expected="a number", got=repr(text))
        )
        return 0.0
    if not math.isfinite(value) or value <= 0 or (whole and not value.is_integer()):
        problems.append(
            Problem.of(
                FieldProblem.OUT_OF_RANGE,
                path,
                value=text,
                min="more than 0",
                max="a finite number" + (", whole" if whole else ""),
            )
        )
        return 0.0
    return value


def parse_parts_csv(text: str) -> tuple[Mapping[tuple[str, float], list[NestPart]], list[Problem]]:
    """Parts grouped by (material, thickness), and every problem with its row and column;
    a leading UTF-8 byte-order mark (as spreadsheet programs write) is let be. More than
    ``MAX_PIECES`` pieces in all is refused (``too_many_pieces``)."""
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        return {}, [
            Problem.of(NestInputProblem.MISSING_COLUMNS, "header", value=", ".join(missing))
        ]
    groups: defaultdict[tuple[str, float], list[NestPart]] = defaultdict(list)
    problems: list[Problem] = []
    seen: set[str] = set()
    pieces = 0
    for line, raw in enumerate(reader, start=2):
        path = f"line {line}"
        # A short row leaves its last cells None; they are reported, not parsed.
        row = {c: (raw.get(c) or "").strip() for c in REQUIRED}
        empty = [c for c in REQUIRED if not row[c]]
        if empty:
            problems.extend(Problem.of(FieldProblem.MISSING_KEY, f"{path}.{c}") for c in empty)
            continue
        length = _number(row["length_mm"], f"{path}.length_mm", problems)
        width = _number(row["width_mm"], f"{path}.width_mm", problems)
        thickness = _number(row["thickness_mm"], f"{path}.thickness_mm", problems)
        count = int(_number(row["quantity"], f"{path}.quantity", problems, whole=True))
        if count > MAX_QUANTITY:
            problems.append(
                Problem.of(
                    FieldProblem.OUT_OF_RANGE,
                    f"{path}.quantity",
                    value=count,
                    min=1,
                    max=MAX_QUANTITY,
                )
            )
            count = 0
        grain = row["grain"]
        if grain not in ("length", "none"):
            problems.append(
                Problem.of(
                    FieldProblem.INVALID_VALUE, f"{path}.grain", value=grain, allowed="length, none"
                )
            )
        ident = row["part_id"]
        if ident in seen:
            problems.append(Problem.of(FieldProblem.DUPLICATE_ID, f"{path}.part_id", value=ident))
        seen.add(ident)
        pieces += count
        if pieces > MAX_PIECES:
            continue  # counted, not made: the whole list is refused below
        key = (row["material"], thickness)
        for n in range(1, count + 1):
            groups[key].append(
                NestPart(
                    part_id=ident if count == 1 else f"{ident}#{n}",
                    length=length,
                    width=width,
                    rotatable=grain == "none",
                )
            )
    if pieces > MAX_PIECES:
        problems.append(
            Problem.of(NestInputProblem.TOO_MANY_PIECES, "parts", pieces=pieces, max=MAX_PIECES)
        )
    return dict(groups), problems

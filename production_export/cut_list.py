"""The cut list: one row per part, as DESIGN.md §5 fixes its columns.

``length_mm``/``width_mm`` are the sizes the saw cuts (edge band thickness already
subtracted); ``finished_length_mm``/``finished_width_mm`` the sizes after banding, which the
3D view shows. ``length_mm`` runs along the grain. Every part has its own row and id (the id
is also its label barcode and CNC file name), so ``quantity`` is 1.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from configurator.build.parts import Part
from kernel.units import format_mm, round_mm

__all__ = ["COLUMNS", "CutRow", "cut_rows", "render_cut_list_csv", "render_cut_list_json"]

COLUMNS = (
    "part_id",
    "cabinet",
    "name",
    "material",
    "thickness_mm",
    "length_mm",
    "width_mm",
    "quantity",
    "grain",
    "edge_l1",
    "edge_l2",
    "edge_w1",
    "edge_w2",
    "finished_length_mm",
    "finished_width_mm",
    "role",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CutRow:
    """One line of the cut list, lengths in model mm (rounded only when rendered)."""

    part_id: str
    cabinet: str
    name: str
    material: str
    thickness_mm: float
    length_mm: float
    width_mm: float
    quantity: int
    grain: str
    edge_l1: str
    edge_l2: str
    edge_w1: str
    edge_w2: str
    finished_length_mm: float
    finished_width_mm: float
    role: str


def cut_rows(parts: Sequence[Part]) -> list[CutRow]:
    """One row per part, in build order."""
    return [
        CutRow(
            part_id=p.part_id,
            cabinet=p.cabinet_id,
            name=p.name,
            material=p.material,
            thickness_mm=p.thickness_mm,
            length_mm=p.cut_length_mm,
            width_mm=p.cut_width_mm,
            quantity=1,
            grain="length" if p.grained else "none",
            edge_l1=p.edges.l1 or "",
            edge_l2=p.edges.l2 or "",
            edge_w1=p.edges.w1 or "",
            edge_w2=p.edges.w2 or "",
            finished_length_mm=p.length_mm,
            finished_width_mm=p.width_mm,
            role=p.role.value,
        )
        for p in parts
    ]


def _cells(row: CutRow) -> list[str]:
    values = [getattr(row, c) for c in COLUMNS]
    return [format_mm(v) if isinstance(v, float) else str(v) for v in values]


def render_cut_list_csv(parts: Sequence[Part]) -> str:
    """UTF-8 CSV text with a header row, comma-separated, ``\\n`` line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_cells(r) for r in cut_rows(parts))
    return out.getvalue()


def render_cut_list_json(parts: Sequence[Part], *, catalog_version: str) -> str:
    """JSON text ``{"catalog_version", "columns", "parts": [...]}``, lengths rounded to 0.1."""
    rows = []
    for row in cut_rows(parts):
        rows.append(
            {
                c: float(round_mm(v)) if isinstance(v, float) else v
                for c in COLUMNS
                for v in (getattr(row, c),)
            }
        )
    doc = {"catalog_version": catalog_version, "columns": list(COLUMNS), "parts": rows}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

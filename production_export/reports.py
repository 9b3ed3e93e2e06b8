"""Tabular factory reports: hardware BOM, edge-band metres, packing list, and the cut list as
an XLSX workbook with those sheets."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook

from catalog.catalog import Catalog
from configurator.build.parts import HardwareLine, Part
from kernel.ids import EdgeBandCode, HardwareCode
from kernel.quantities import metres
from kernel.units import format_mm
from production_export.cut_list import COLUMNS, cut_rows

__all__ = [
    "edge_band_rows",
    "hardware_rows",
    "packing_rows",
    "render_csv",
    "render_xlsx",
]

HARDWARE_COLUMNS = ("cabinet", "code", "name", "quantity", "unit", "length_mm", "where")
EDGE_COLUMNS = ("band", "name", "thickness_mm", "edges", "length_m", "with_overlength_m")
PACKING_COLUMNS = ("cabinet", "part_id", "name", "material", "size_mm")


def hardware_rows(lines: Sequence[HardwareLine], catalog: Catalog) -> list[tuple[str, ...]]:
    """One row per hardware line, cabinet by cabinet."""
    return [
        (
            h.cabinet_id,
            h.code,
            catalog.item(HardwareCode(h.code)).name,
            str(h.quantity),
            catalog.item(HardwareCode(h.code)).unit.value,
            format_mm(h.length_mm) if h.length_mm else "",
            h.where,
        )
        for h in lines
    ]


def edge_band_rows(parts: Sequence[Part], catalog: Catalog) -> list[tuple[str, ...]]:
    """Metres of each band, bare and with the overlength every banded edge needs (the
    catalog's ``Construction.band_length_mm``, as the quote prices it)."""
    construction = catalog.construction
    count: defaultdict[EdgeBandCode, int] = defaultdict(int)
    length: defaultdict[EdgeBandCode, float] = defaultdict(float)
    used: defaultdict[EdgeBandCode, float] = defaultdict(float)
    for p in parts:
        for band, along in p.banded_edges():
            count[band] += 1
            length[band] += along
            used[band] += construction.band_length_mm(along)
    rows: list[tuple[str, ...]] = []
    for band in sorted(count):
        item = catalog.edge_band(band)
        rows.append(
            (
                str(band),
                item.name,
                format_mm(item.thickness_mm),
                str(count[band]),
                str(metres(length[band])),
                str(metres(used[band])),
            )
        )
    return rows


def packing_rows(parts: Sequence[Part]) -> list[tuple[str, ...]]:
    """What goes in each cabinet's parcel."""
    return [
        (
            p.cabinet_id,
            p.part_id,
            p.name,
            p.material,
            f"{format_mm(p.length_mm)} x {format_mm(p.width_mm)} x {format_mm(p.thickness_mm)}",
        )
        for p in sorted(parts, key=lambda p: p.cabinet_id)
    ]


def render_csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render_xlsx(
    parts: Sequence[Part], hardware: Sequence[HardwareLine], catalog: Catalog, *, created: datetime
) -> bytes:
    """The cut list, hardware and edge bands as one workbook (``created`` is its timestamp)."""
    book = Workbook()
    book.properties.created = book.properties.modified = created.replace(tzinfo=None)
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cut list"
    sheet.append(list(COLUMNS))
    for row in cut_rows(parts):
        sheet.append(
            [
                float(format_mm(v)) if isinstance(v, float) else v
                for v in (getattr(row, c) for c in COLUMNS)
            ]
        )
    for title, header, rows in (
        ("Hardware", HARDWARE_COLUMNS, hardware_rows(hardware, catalog)),
        ("Edge bands", EDGE_COLUMNS, edge_band_rows(parts, catalog)),
    ):
        tab = book.create_sheet(title)
        tab.append(list(header))
        for r in rows:
            tab.append(list(r))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""The production package of a batch of built designs: everything the factory needs to cut,
band, drill, label and pack, as named files in memory. The use case
(``services.production``) checks the designs first; the CLI writes the files to a folder, and
the factory's page and API will serve the same package."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from catalog.catalog import Catalog
from catalog.materials import SheetSize
from configurator.build.design_build import DesignBuild
from configurator.build.parts import HardwareLine, Part
from configurator.views.glb import render_glb
from kernel.ids import CabinetId, PartId
from kernel.problems import Problem
from production_export.cut_list import COLUMNS, render_cut_list_csv, render_cut_list_json
from production_export.diagrams import render_nesting_pdf, render_sheet_svg
from production_export.dxf import render_part_dxf
from production_export.label_layout import LabelLayout
from production_export.labels import render_labels_pdf
from production_export.nest_groups import NestedSheet, Saw, group_parts, nest_groups
from production_export.reports import (
    EDGE_COLUMNS,
    HARDWARE_COLUMNS,
    PACKING_COLUMNS,
    edge_band_rows,
    hardware_rows,
    packing_rows,
    render_csv,
    render_xlsx,
)

__all__ = ["ExportPackage", "production_package"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportPackage:
    """Named files (bytes) of one batch, ``manifest.json`` among them; ``forced`` the errors
    it was exported despite."""

    files: Mapping[str, bytes]
    sheet_count: int
    part_count: int
    forced: tuple[Problem, ...] = ()


def _parts(orders: Sequence[tuple[str, DesignBuild]]) -> list[Part]:
    """Every part of the batch; with several orders each id gets a short order prefix
    (``O1-``, ``O2-``...; the manifest maps them to the orders) so that barcodes and CNC file
    names stay unique and short enough to scan."""
    if len(orders) == 1:
        return list(orders[0][1].parts)
    return [
        p._replace(
            part_id=PartId(f"{prefix}-{p.part_id}"),
            cabinet_id=CabinetId(f"{prefix}-{p.cabinet_id}"),
        )
        for prefix, (_, build) in zip(prefixes(orders), orders, strict=True)
        for p in build.parts
    ]


def prefixes(orders: Sequence[tuple[str, DesignBuild]]) -> list[str]:
    """The short prefix of each order in a batch."""
    return [f"O{i}" for i in range(1, len(orders) + 1)]


def _hardware(orders: Sequence[tuple[str, DesignBuild]]) -> list[HardwareLine]:
    if len(orders) == 1:
        return list(orders[0][1].hardware)
    return [
        h._replace(cabinet_id=CabinetId(f"{prefix}-{h.cabinet_id}"))
        for prefix, (_, build) in zip(prefixes(orders), orders, strict=True)
        for h in build.hardware
    ]


def production_package(  # noqa: PLR0913 - keyword-only after the two it packages
    orders: Sequence[tuple[str, DesignBuild]],
    catalog: Catalog,
    *,
    saw: Saw,
    created: datetime,
    labels: LabelLayout = LabelLayout.ROLL,
    should_stop: Callable[[], bool] | None = None,
    forced: Sequence[Problem] = (),
) -> ExportPackage:
    """The package of ``orders`` (name, build), nested together per material; ``labels`` on a
    roll (a page per label) or on A4 sheets. ``forced``: the errors someone chose to export
    despite, recorded in the manifest."""
    parts, hardware = _parts(orders), _hardware(orders)
    batch = orders[0][0] if len(orders) == 1 else f"batch of {len(orders)}"
    sheets = nest_groups(group_parts(parts), _catalog_sheet(catalog), saw, should_stop=should_stop)
    text: dict[str, str] = {
        "cutlist.csv": render_cut_list_csv(parts),
        "cutlist.json": render_cut_list_json(parts, catalog_version=catalog.version),
        "hardware.csv": render_csv(HARDWARE_COLUMNS, hardware_rows(hardware, catalog)),
        "edgebands.csv": render_csv(EDGE_COLUMNS, edge_band_rows(parts, catalog)),
        "packing.csv": render_csv(PACKING_COLUMNS, packing_rows(parts)),
    }
    text |= {f"dxf/{p.part_id}.dxf": render_part_dxf(p, catalog) for p in parts}
    files: dict[str, bytes] = {name: body.encode("utf-8") for name, body in text.items()}
    files["cutlist.xlsx"] = render_xlsx(parts, hardware, catalog, created=created)
    files["nesting.pdf"] = render_nesting_pdf(sheets, title=f"Nesting {batch}")
    for n, sheet in enumerate(sheets, start=1):
        files[f"nesting/sheet-{n:03d}.svg"] = render_sheet_svg(
            sheet, title=f"Nesting {batch} - sheet {n}/{len(sheets)}"
        ).encode("utf-8")
    files["labels.pdf"] = render_labels_pdf(parts, order=batch, layout=labels)
    for name, build in orders:
        glb = "model.glb" if len(orders) == 1 else f"model-{name}.glb"
        files[glb] = render_glb(build, catalog)
    files["manifest.json"] = _manifest(files, orders, catalog, sheets, created, forced)
    return ExportPackage(
        files=files, sheet_count=len(sheets), part_count=len(parts), forced=tuple(forced)
    )


def _manifest(
    files: Mapping[str, bytes],
    orders: Sequence[tuple[str, DesignBuild]],
    catalog: Catalog,
    sheets: Sequence[NestedSheet],
    created: datetime,
    forced: Sequence[Problem],
) -> bytes:
    listing = {
        name: {"bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}
        for name, body in sorted(files.items())
    }
    doc = {
        "created": created.isoformat(),
        "orders": [
            {"name": name, "prefix": prefix if len(orders) > 1 else ""}
            for prefix, (name, _) in zip(prefixes(orders), orders, strict=True)
        ],
        "catalog_version": catalog.version,
        "cut_list_columns": list(COLUMNS),
        "parts": sum(len(b.parts) for _, b in orders),
        "sheets": len(sheets),
        "sheets_by_material": _by_material(sheets),
        "forced_problems": [p.as_dict() for p in forced],
        "files": listing,
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _by_material(sheets: Sequence[NestedSheet]) -> dict[str, dict[str, object]]:
    """Sheets and mean yield per material, and how many of each size (``2440x1220``...)."""
    out: dict[str, dict[str, object]] = {}
    for m in sorted({s.material for s in sheets}):
        mine = [s for s in sheets if s.material == m]
        sizes = Counter(f"{s.layout.stock.length:g}x{s.layout.stock.width:g}" for s in mine)
        out[m] = {
            "sheets": len(mine),
            "yield": round(sum(s.layout.yield_ for s in mine) / len(mine), 4),
            "sizes": dict(sorted(sizes.items())),
        }
    return out


def _catalog_sheet(catalog: Catalog) -> Callable[[str], Sequence[SheetSize] | None]:
    """The catalog's sheet sizes of a material (every part of a built design has some)."""

    def sizes(material: str) -> Sequence[SheetSize]:
        return catalog.material(material).sheets

    return sizes

"""``millwork`` commands for the factory: nest parts onto sheets, export the package."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild
from production_export.labels import LabelLayout
from production_export.nest_input import parse_parts_csv
from production_export.nesting import Stock, nest
from services.production import Saw, build_production_package
from web.cli_support import (
    CliError,
    build_or_fail,
    problems_error,
    write_file,
)


def sheet_size(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    try:
        length, width = (float(v) for v in text.lower().split("x"))
    except ValueError:
        raise CliError([f"--sheet {text!r} is not LENGTHxWIDTH, e.g. 2440x1220"]) from None
    if min(length, width) <= 0:
        raise CliError([f"--sheet {text!r} must be positive"])
    return length, width


def nest_command(args: argparse.Namespace, catalog: Catalog) -> None:
    try:
        text = Path(args.parts).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError([f"{args.parts}: cannot read ({exc})"]) from None
    groups, problems = parse_parts_csv(text)
    if problems:
        raise problems_error(args.parts, problems)
    if args.kerf < 0 or args.trim < 0:
        raise CliError(["--kerf and --trim must not be negative"])
    size = sheet_size(args.sheet)
    report: list[dict[str, Any]] = []
    for (material, thickness), parts in sorted(groups.items()):
        sheet = size
        if sheet is None and material in catalog.materials:
            m = catalog.material(material)
            sheet = (m.sheet_length_mm, m.sheet_width_mm)
        if sheet is None:
            raise CliError(
                [
                    f"{args.parts}: material {material!r} is not in the catalog: "
                    "give --sheet LENGTHxWIDTH"
                ]
            )
        stock = Stock(length=sheet[0], width=sheet[1], kerf=args.kerf, trim=args.trim)
        try:
            layouts = nest(parts, stock)
        except ValueError as exc:
            raise CliError([f"{args.parts}: {material}: {exc}"]) from None
        report += [
            {
                "material": material,
                "thickness_mm": thickness,
                "sheet_length": sheet[0],
                "sheet_width": sheet[1],
                "yield": round(layout.yield_, 4),
                "placements": [
                    {
                        "part_id": p.part_id,
                        "x": p.x,
                        "y": p.y,
                        "length": p.length,
                        "width": p.width,
                        "rotated": p.rotated,
                    }
                    for p in layout.placements
                ],
            }
            for layout in layouts
        ]
    area = sum(s["sheet_length"] * s["sheet_width"] for s in report)
    used = sum(p["length"] * p["width"] for s in report for p in s["placements"])
    summary = {
        "sheets": report,
        "sheet_count": len(report),
        "yield": round(used / area, 4) if area else 0.0,
    }
    if args.json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    for n, s in enumerate(report, start=1):
        print(
            f"sheet {n}: {s['material']} {s['thickness_mm']:g} mm, "
            f"{s['sheet_length']:g} x {s['sheet_width']:g}, {len(s['placements'])} parts, "
            f"yield {s['yield']:.1%}"
        )
    print(f"{summary['sheet_count']} sheets, yield {summary['yield']:.1%}")


def export(args: argparse.Namespace, catalog: Catalog) -> None:
    orders: list[tuple[str, DesignBuild]] = []
    for path in args.designs:
        name = re.sub(r"[^A-Za-z0-9_\-]", "_", Path(path).stem)[:24] or "order"
        taken = {n for n, _ in orders}
        unique, k = name, 2
        while unique in taken:
            unique, k = f"{name}_{k}", k + 1
        orders.append((unique, build_or_fail(path, catalog)))
    package = build_production_package(
        orders,
        catalog,
        saw=Saw(kerf=args.kerf, trim=args.trim),
        created=datetime.now(UTC).replace(microsecond=0),
        labels=LabelLayout(args.labels),
    )
    out = Path(args.out)
    for name, body in package.files.items():
        target = out / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError([f"{target.parent}: cannot create ({exc.strerror})"]) from None
        write_file(str(target), body)
    print(
        f"wrote {len(package.files)} files to {out}: {package.part_count} parts, "
        f"{package.sheet_count} sheets",
        file=sys.stderr,
    )

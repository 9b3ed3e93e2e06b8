"""``millwork nest``: nest the parts of a cut-list CSV onto sheets (no PDF library loaded)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from production_export.nest_groups import NestedSheet, Saw, batch_yield
from services.nesting import nest_parts
from web.cli_errors import CliError
from web.cli_support import catalog_files
from web.wiring import SystemClock

__all__ = ["nest_command"]


def sheet_size(text: str | None) -> tuple[float, float] | None:
    """``--sheet LENGTHxWIDTH`` (the use case checks that it is a finite positive size)."""
    if text is None:
        return None
    try:
        length, width = (float(v) for v in text.lower().split("x"))
    except ValueError:
        raise CliError([f"--sheet {text!r} is not LENGTHxWIDTH, e.g. 2440x1220"]) from None
    return length, width


def nest_command(args: argparse.Namespace) -> None:
    """Print the sheets (text, or JSON with ``--json``)."""
    try:
        text = Path(args.parts).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError([f"{args.parts}: cannot read ({exc})"]) from None
    sheets = nest_parts(
        text,
        catalogs=catalog_files(),
        clock=SystemClock(),
        saw=Saw(kerf=args.kerf, trim=args.trim),
        sheet=sheet_size(args.sheet),
    )
    summary = _summary(sheets)
    if args.json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    for n, s in enumerate(summary["sheets"], start=1):
        print(
            f"sheet {n}: {s['material']} {s['thickness_mm']:g} mm, "
            f"{s['sheet_length']:g} x {s['sheet_width']:g}, {len(s['placements'])} parts, "
            f"yield {s['yield']:.1%}"
        )
    print(f"{summary['sheet_count']} sheets, yield {summary['yield']:.1%}")


def _summary(sheets: list[NestedSheet]) -> dict[str, Any]:
    report = [
        {
            "material": s.material,
            "thickness_mm": s.thickness_mm,
            "sheet_length": s.layout.stock.length,
            "sheet_width": s.layout.stock.width,
            "yield": round(s.layout.yield_, 4),
            "placements": [
                {
                    "part_id": p.part_id,
                    "x": p.x,
                    "y": p.y,
                    "length": p.length,
                    "width": p.width,
                    "rotated": p.rotated,
                }
                for p in s.layout.placements
            ],
        }
        for s in sheets
    ]
    return {
        "sheets": report,
        "sheet_count": len(report),
        "yield": round(batch_yield(sheets), 4),
    }

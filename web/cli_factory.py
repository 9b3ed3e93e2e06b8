"""``millwork`` commands for the factory: export the production package, nest a cut list."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from production_export.label_layout import LabelLayout
from production_export.nest_groups import Saw
from services.production import Order, build_production_package
from web.cli_errors import CliError
from web.cli_support import catalog_files, read_document, write_file
from web.messages import render_problem
from web.wiring import SystemClock

__all__ = ["export"]


def export(args: argparse.Namespace) -> None:
    """Write the production package of the designs into ``--out``."""
    package = build_production_package(
        _orders(args.designs),
        catalogs=catalog_files(),
        clock=SystemClock(),
        saw=Saw(kerf=args.kerf, trim=args.trim),
        labels=LabelLayout(args.labels),
        force=args.force,
    )
    out = Path(args.out)
    for name, body in package.files.items():
        target = out / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError([f"{target.parent}: cannot create ({exc.strerror})"]) from None
        write_file(target, body)
    for problem in package.forced:
        print(f"millwork: forced: {render_problem(problem)}", file=sys.stderr)
    print(
        f"wrote {len(package.files)} files to {out}: {package.part_count} parts, "
        f"{package.sheet_count} sheets",
        file=sys.stderr,
    )


def _orders(paths: list[str]) -> list[Order]:
    """One order per design file, named after the file (unique, safe for file names)."""
    orders: list[Order] = []
    for path in paths:
        name = re.sub(r"[^A-Za-z0-9_\-]", "_", Path(path).stem)[:24] or "order"
        taken = {o.name for o in orders}
        unique, k = name, 2
        while unique in taken:
            unique, k = f"{name}_{k}", k + 1
        orders.append(Order(name=unique, document=read_document(path), source=path))
    return orders

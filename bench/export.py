"""Export benchmark: the production package of a batch of 500 orders (each the bedroom
example: one 1600 mm hinged wardrobe, 19 parts, built once), nested together per material."""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from configurator.build.design_build import build_design
from configurator.model.document import parse_design
from persistence.catalog_files import load_catalog
from production_export.nest_groups import Saw
from production_export.package import production_package

__all__ = ["main"]

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "bedroom.json"


def main() -> int:
    orders = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    catalog = load_catalog()
    build = build_design(parse_design(json.loads(EXAMPLE.read_text())), catalog)
    start = time.perf_counter()
    package = production_package(
        [(f"o{i}", build) for i in range(orders)],
        catalog,
        saw=Saw(),
        created=datetime(2026, 1, 1, tzinfo=UTC),
    )
    seconds = time.perf_counter() - start
    size = sum(len(b) for b in package.files.values())
    print(
        f"export of {orders} orders: {package.part_count} parts, {package.sheet_count} "
        f"sheets, {len(package.files)} files, {size / 1e6:.1f} MB in {seconds:.1f} s "
        f"({1000 * seconds / orders:.0f} ms per order)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Can everything the catalog offers be made? Random designs inside every template's documented
ranges (issue 11's measurement): each is evaluated, priced and exported with the factory's
package builder called directly, past the production gate, so that a design the gate would
refuse still shows whether the package could be made at all.

``python -m bench.catalog_designs [COUNT] [SEED]`` (1,350 designs, seed 11 by default) prints
how many designs had an error-level problem (by code), how many exports failed (by exception)
and how many of those had a part larger than every sheet of its material.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from typing import Any

from catalog.catalog import Catalog
from catalog.templates import FrontKind, ModuleTemplate, PlinthKind
from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from kernel.problems import errors_in
from persistence.catalog_files import load_catalog
from persistence.price_files import load_price_list, load_promotions
from pricing.price import PriceBook, price_design
from production_export.nest_groups import Saw
from production_export.package import production_package

__all__ = ["design", "main", "run"]

ROOM = {
    "outline_mm": [[0, 0], [6000, 0], [6000, 6000], [0, 6000]],
    "ceiling_mm": 3200,  # tall enough to tilt any cabinet of the catalog upright (A15)
}


def _interior(rng: random.Random, t: ModuleTemplate, spec: dict[str, Any]) -> dict[str, Any]:
    """A custom interior: one to four sections (one means the whole width is one section),
    each with a few shelves, rails or drawers at random heights."""
    plinth = 0.0
    if t.plinth is not PlinthKind.NONE:
        plinth = float(spec["options"].get("plinth_mm", t.options["plinth_mm"].default))
    inner_w, inner_h = spec["width_mm"] - 36, spec["height_mm"] - plinth - 36
    most = max(1, min(4, int((inner_w + 18) // 268)))
    sections = []
    for _ in range(rng.randint(1, most)):
        items: list[dict[str, Any]] = []
        if t.fronts is FrontKind.DRAWERS:
            items = [{"kind": "drawer", "height_mm": None}] * rng.randint(
                0, max(0, min(5, int(inner_h // 160)))
            )
        else:
            slots = list(range(100, int(inner_h) - 80, 100))
            for at in sorted(rng.sample(slots, min(len(slots), rng.randint(0, 5)))):
                items.append({"kind": rng.choice(["shelf", "fixed_shelf", "rail"]), "at_mm": at})
        sections.append({"width_mm": None, "items": items})
    return {"sections": sections}


def design(rng: random.Random, catalog: Catalog) -> dict[str, Any]:
    """One cabinet of a random template, every number inside its documented range, against
    the wall of a room large and tall enough for any of them."""
    t = catalog.template(rng.choice(sorted(catalog.templates)))
    options: dict[str, Any] = {}
    for name, option in t.options.items():
        if rng.random() < 0.5:
            options[name] = (
                rng.randint(option.range.min, option.range.max)
                if option.range
                else rng.choice(option.choices)
            )
    spec: dict[str, Any] = {
        "id": "C1",
        "template": t.code,
        "wall": 0,
        "offset_mm": 0,
        "width_mm": rng.randint(t.width.min, t.width.max),
        "height_mm": rng.randint(t.height.min, t.height.max),
        "depth_mm": rng.randint(t.depth.min, t.depth.max),
        "carcass_material": rng.choice(t.carcass_materials),
        "front_material": rng.choice(t.front_materials),
        "options": options,
        "interior": None,
    }
    if t.fronts is FrontKind.DRAWERS:
        options["handle"] = "HANDLE_128"  # longer handles do not fit narrow drawer fronts
    if t.has_carcass and rng.random() < 0.5:
        spec["interior"] = _interior(rng, t, spec)
    return {"schema": "millwork/design@1", "name": "random", "room": ROOM, "cabinets": [spec]}


_STATE: dict[str, Any] = {}


def _one(document: dict[str, Any]) -> tuple[list[str], str | None]:
    """The codes of the design's errors, and the export's failure (exception type and
    message) or None."""
    if not _STATE:
        catalog = load_catalog()
        book = PriceBook(price_list=load_price_list(catalog), promotions=load_promotions())
        _STATE.update(catalog=catalog, book=book)
    catalog, book = _STATE["catalog"], _STATE["book"]
    evaluation = evaluate(parse_design(document), catalog)
    price_design(evaluation.build, catalog, book, now=datetime(2026, 12, 1, tzinfo=UTC))
    codes = [str(p.code) for p in errors_in(evaluation.problems)]
    try:
        production_package(
            [("random", evaluation.build)],
            catalog,
            saw=Saw(),
            created=datetime(2026, 12, 1, tzinfo=UTC),
        )
    except Exception as exc:  # counting every way the export fails is the point
        return codes, f"{type(exc).__name__}: {exc}"
    return codes, None


def run(count: int, seed: int) -> dict[str, Any]:
    """The figures of ``count`` designs drawn with ``seed``."""
    catalog = load_catalog()
    rng = random.Random(seed)
    documents = [design(rng, catalog) for _ in range(count)]
    start = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(_one, documents, chunksize=8))
    seconds = time.perf_counter() - start
    failures = Counter(f.split(":")[0] for _, f in results if f)
    too_large = sum(1 for codes, _ in results if "part_exceeds_sheet" in codes)
    return {
        "designs": count,
        "seconds": seconds,
        "with_errors": sum(1 for codes, _ in results if codes),
        "error_codes": Counter(c for codes, _ in results for c in set(codes)),
        "export_failures": sum(failures.values()),
        "failures_by_kind": failures,
        "part_exceeds_sheet": too_large,
        "failed_without_error": sum(1 for codes, f in results if f and not codes),
        "examples": [f for _, f in results if f][:3],
    }


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1350
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    r = run(count, seed)
    print(
        f"{r['designs']} designs in {r['seconds']:.0f} s "
        f"({r['designs'] / r['seconds']:.1f} per second, every core)"
    )
    print(f"export failed on {r['export_failures']} ({r['export_failures'] / count:.1%})")
    for kind, n in r["failures_by_kind"].most_common():
        print(f"  {kind}: {n}")
    print(f"  of which without any error in evaluation: {r['failed_without_error']}")
    print(f"designs with a part larger than every sheet: {r['part_exceeds_sheet']}")
    print(f"designs with an error: {r['with_errors']}")
    for code, n in r["error_codes"].most_common():
        print(f"  {code}: {n}")
    for example in r["examples"]:
        print(f"  e.g. {example[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

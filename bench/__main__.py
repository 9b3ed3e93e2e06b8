"""``make bench``: median timings of the engine on a 30-cabinet design.

Each figure is the median of many runs after a warm-up; see BENCHMARKS.md for the figures
measured and the machine.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from bench.designs import showroom
from configurator.build.design_build import build_design
from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from configurator.views.glb import render_glb
from persistence.catalog_files import load_catalog
from persistence.catalog_source import CatalogFiles
from persistence.price_files import load_price_list, load_promotions
from pricing.price import PriceBook, price_design
from pricing.promotions import Customer
from production_export.cut_list import render_cut_list_csv
from services.evaluation import PriceRequest, evaluate_design
from services.memo import EvaluationCache
from web.runtime import settle_after_start_up
from web.wiring import SystemClock

AT = datetime(2026, 11, 24, 12, tzinfo=UTC)  # inside every demo promotion's window
CUSTOMER = Customer(member=True, coupon="WELCOME300")
TARGETS_MS = {"build": 10.0, "glb": 50.0, "evaluate": 16.0}


def median_ms(action: Callable[[], object], *, runs: int) -> float:
    action()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def edited(document: dict[str, Any], widths: Iterator[int]) -> dict[str, Any]:
    """``document`` with its fifth cabinet (a 600 mm base cabinet) at the next width: a
    width no run has used, so the server's cache never holds the edited cabinet."""
    cabinets = [dict(c) for c in document["cabinets"]]
    cabinets[4]["width_mm"] = next(widths)
    return {**document, "cabinets": cabinets}


def main() -> int:
    catalog = load_catalog()
    document = showroom(30)
    design = parse_design(document)
    build = build_design(design, catalog)
    assert not build.problems, build.problems
    problems = evaluate(design, catalog).problems
    book = PriceBook(price_list=load_price_list(catalog), promotions=load_promotions())
    price = price_design(build, catalog, book, now=AT, customer=CUSTOMER)
    catalogs = CatalogFiles(catalog=catalog)
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    # live editing as the server does it: one cabinet changed, the others in its cache
    cache = EvaluationCache()
    widths = iter(range(599, 300, -1))  # 1 mm narrower each run: never seen before

    def edit(doc: dict[str, Any]) -> object:
        request = PriceRequest(customer=CUSTOMER, at=AT)
        return evaluate_design(
            doc, catalogs=catalogs, clock=SystemClock(), request=request, cache=cache
        )

    edit(document)
    settle_after_start_up()  # as ``millwork serve`` does once its app is loaded
    rows = [
        ("parse design document", median_ms(lambda: parse_design(document), runs=runs), None),
        (
            "build (30 cabinets)",
            median_ms(lambda: build_design(design, catalog), runs=runs),
            TARGETS_MS["build"],
        ),
        ("cut list CSV", median_ms(lambda: render_cut_list_csv(build.parts), runs=runs), None),
        ("GLB export", median_ms(lambda: render_glb(build, catalog), runs=runs), TARGETS_MS["glb"]),
        (
            "evaluate (build + rules)",
            median_ms(lambda: evaluate(design, catalog), runs=runs),
            TARGETS_MS["evaluate"],
        ),
        (
            "evaluate + price, 6 promos",
            median_ms(
                lambda: price_design(
                    evaluate(design, catalog).build, catalog, book, now=AT, customer=CUSTOMER
                ),
                runs=runs,
            ),
            TARGETS_MS["evaluate"],
        ),
        (
            "evaluate_design (service)",
            median_ms(
                lambda: evaluate_design(
                    document,
                    catalogs=catalogs,
                    clock=SystemClock(),
                    request=PriceRequest(customer=CUSTOMER, at=AT),
                ),
                runs=runs,
            ),
            TARGETS_MS["evaluate"],
        ),
        (
            "edit -> evaluate + price",
            median_ms(lambda: edit(edited(document, widths)), runs=runs),
            TARGETS_MS["evaluate"],
        ),
    ]
    print(
        f"millwork bench — {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {runs} runs, median"
    )
    print(
        f"design: {len(design.cabinets)} cabinets, {len(build.parts)} parts, "
        f"{sum(len(o.positions()) for p in build.parts for o in p.operations)} holes and cuts"
    )
    print(
        f"evaluate finds {len(problems)} problems: {sorted({p.code for p in problems}) or 'none'}"
    )
    print(
        f"price: {len(price.lines)} lines, total {price.total} {price.currency}, "
        f"{len(price.applied)} promotions applied: {[a.id for a in price.applied]}"
    )
    for name, ms, target in rows:
        verdict = (
            ""
            if target is None
            else f"  (target < {target:g} ms: {'met' if ms < target else 'NOT met'})"
        )
        print(f"  {name:<24} {ms:8.2f} ms{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

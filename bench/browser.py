"""The configurator in headless Chromium on the 30-cabinet showroom (``bench.designs``):
page load to the first 3D frame, an edit to the updated price and problems, an edit to the
updated 3D model; median of 10 each (BENCHMARKS.md, "Issue 12").

``python -m bench.browser [--runs 10]``. The app runs in this process on a free loopback port
with a throw-away SQLite database; Debian's ``/usr/bin/chromium`` is driven by Playwright. The
times are the page's own (``performance.now()``): navigation start to the
``millwork:first-3d-frame`` mark; the width typed (``change``) to the new price drawn, and to
the new model shown — both include the page's debounce (25 ms before it asks for the price;
it asks for the model when the price is in).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.designs import showroom
from persistence.db import migrate
from tests.web.serving import serving
from web.app import create_app


def measure(runs: int) -> dict[str, list[float]]:
    chromium = shutil.which("chromium")
    assert chromium, "needs Debian's chromium"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        migrate(url)
        with serving(create_app(database=url)) as (host, port):
            base = f"http://{host}:{port}"
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                # saved by the browser's own visitor session (its cookies)
                saved = context.request.post(
                    f"{base}/api/v1/designs", data={"document": showroom(30)}
                )
                assert saved.ok, saved.text()
                page = context.new_page()
                times = _runs(page, f"{base}/designs/{saved.json()['id']}", runs)
                browser.close()
    return times


def _runs(page: Any, editor: str, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"first 3D frame": [], "edit → price": [], "edit → 3D": []}
    for _ in range(runs):
        page.goto(editor)
        page.wait_for_function(
            "() => performance.getEntriesByName('millwork:first-3d-frame').length"
        )
        first = page.evaluate(
            "performance.getEntriesByName('millwork:first-3d-frame')[0].startTime"
        )
        times["first 3D frame"].append(first)
    page.get_by_test_id("cabinet-C01").click()
    width = page.get_by_test_id("cabinet-width")
    for n in range(runs):
        page.evaluate("window.millwork.edits = []")
        width.fill(str(900 - 10 * (n + 1)))
        width.press("Enter")
        page.wait_for_function(
            "() => ['price', 'model'].every(k => window.millwork.edits.some(e => e.kind === k))"
        )
        for edit in page.evaluate("window.millwork.edits"):
            times["edit → price" if edit["kind"] == "price" else "edit → 3D"].append(edit["ms"])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    times = measure(parser.parse_args().runs)
    print(f"{'measure':<16} {'median ms':>10} {'min':>8} {'max':>8}  (n)")
    for name, values in times.items():
        print(
            f"{name:<16} {statistics.median(values):>10.0f} {min(values):>8.0f} "
            f"{max(values):>8.0f}  ({len(values)})"
        )


if __name__ == "__main__":
    main()

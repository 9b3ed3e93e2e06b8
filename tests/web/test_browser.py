"""The pages in a real headless Chromium (Debian's, at /usr/bin/chromium): what a person sees."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from catalog.catalog import Catalog

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("needs Debian's chromium package (apt install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(module_app: FastAPI) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(module_app, port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


def test_catalog_page_in_chromium(base_url: str, catalog: Catalog, tmp_path: Path) -> None:
    assert CHROMIUM is not None, "CI must have chromium installed"
    outside: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("request", lambda r: outside.append(r.url) if base_url not in r.url else None)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base_url + "/catalog?lang=en")
        assert page.locator("h1").inner_text() == "Millwork"
        rows = page.locator("#templates + table tbody tr")
        assert rows.count() == len(catalog.templates)
        page.get_by_role("link", name="its schema").click()
        page.wait_for_url("**/api/v1/schema/design")
        assert "millwork/design@1" in page.content()
        page.go_back()
        # the style sheet applies under the Content-Security-Policy (no inline style left)
        table = "getComputedStyle(document.querySelector('table')).borderCollapse"
        assert page.evaluate(table) == "collapse"
        assert page.locator("svg.swatch rect").first.get_attribute("fill")
        page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
        browser.close()
    assert (tmp_path / "home.png").stat().st_size > 10_000
    assert outside == [] and errors == []

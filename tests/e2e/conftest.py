"""The app under a real uvicorn on a loopback port, and Debian's Chromium driven by Playwright
(``/usr/bin/chromium``; ``.ci/run`` installs it). Without Chromium the journeys are skipped
locally, never in CI (``CI=true``): there they fail."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI

from catalog.catalog import Catalog
from persistence.db import migrate
from tests.web.serving import serving
from web.app import create_app
from web.frontend import NODE_MODULES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if (CHROMIUM is None or not NODE_MODULES.is_dir()) and not os.environ.get("CI"):
    pytest.skip(
        "needs Debian's chromium (apt install chromium) and `npm ci` (make install)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def app(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'millwork.db'}"
    migrate(url)
    return create_app(catalog=catalog, database=url)


@pytest.fixture(scope="module")
def base_url(app: FastAPI) -> Iterator[str]:
    with serving(app) as (host, port):
        yield f"http://{host}:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert CHROMIUM is not None, "CI must have chromium installed"
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--use-angle=swiftshader"]
        )
        yield launched
        launched.close()

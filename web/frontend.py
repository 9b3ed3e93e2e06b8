"""The browser's third-party code (DESIGN.md §8): three.js and axe-core come from the npm
registry (``package.json``, pinned by ``package-lock.json``, installed by ``npm ci``) and are
served from ``node_modules`` by the app itself — never from a CDN, users may be offline.

Only the folders the pages load are served. The import map that names them is the one inline
script of our pages; the Content-Security-Policy allows it by its hash (``web.hardening``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Final

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

__all__ = ["IMPORT_MAP", "IMPORT_MAP_HASH", "NODE_MODULES", "serve_vendor_code"]

NODE_MODULES: Final = Path(__file__).parents[1] / "node_modules"
VENDOR: Final = "/vendor"
SERVED: Final = {
    "three/build": "three/build",
    "three/examples/jsm": "three/examples/jsm",
    "axe-core": "axe-core",
}
IMPORT_MAP: Final = json.dumps(
    {
        "imports": {
            "three": f"{VENDOR}/three/build/three.module.js",
            "three/addons/": f"{VENDOR}/three/examples/jsm/",
        }
    },
    separators=(",", ":"),
)
IMPORT_MAP_HASH: Final = "sha256-" + base64.b64encode(
    hashlib.sha256(IMPORT_MAP.encode()).digest()
).decode("ascii")


def serve_vendor_code(app: FastAPI) -> None:
    """Mount the served npm folders under ``/vendor/``; missing (``npm ci`` not run yet) they
    answer 404 instead of stopping the app."""
    for url, folder in SERVED.items():
        files = StaticFiles(directory=NODE_MODULES / folder, check_dir=False)
        app.mount(f"{VENDOR}/{url}", files, name=f"vendor-{url}")

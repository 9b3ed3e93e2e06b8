"""Every answer carries the security headers; the home page needs no inline script or style
to work under its Content-Security-Policy; no redirect is built from the Host header."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from web.hardening import SECURITY_HEADERS

BEDROOM = (Path(__file__).parents[2] / "examples" / "bedroom.json").read_bytes()
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def client(module_app: FastAPI) -> TestClient:
    return TestClient(module_app, raise_server_exceptions=False)


ANSWERS = [
    ("GET", "/", None, 200),
    ("GET", "/catalog", None, 200),
    ("GET", "/designs/d_1", None, 404),  # an HTML page: no such design
    ("GET", "/static/js/editor.js", None, 200),
    ("GET", "/health", None, 200),
    ("GET", "/api/v1/catalog", None, 200),
    ("GET", "/api/v1/schema/design", None, 200),
    ("GET", "/openapi.json", None, 200),
    ("GET", "/static/css/home.css", None, 200),
    ("GET", "/favicon.ico", None, 204),
    ("POST", "/api/v1/evaluate", BEDROOM, 200),
    ("POST", "/api/v1/evaluate", b"{", 400),
    ("POST", "/api/v1/evaluate", b"{}", 422),
    ("POST", "/api/v1/evaluate", b" " * 600_000, 413),
    ("GET", "/nothing", None, 404),
    ("POST", "/health", None, 405),
]


@pytest.mark.parametrize(("method", "path", "body", "status"), ANSWERS)
def test_every_answer_has_the_security_headers(
    client: TestClient, method: str, path: str, body: bytes | None, status: int
) -> None:
    response = client.request(method, path, content=body, headers=JSON if body else {})
    assert response.status_code == status
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/designs/d_1", "/s/mwl_1", "/quotes/Q-1"])
def test_the_pages_run_no_inline_script_but_the_import_map(client: TestClient, path: str) -> None:
    """The import map is the one inline script, allowed by its hash; the JSON blocks are
    data a browser never runs."""
    answer = client.get(path)
    page = answer.text
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+=", page)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", page, re.S)
    assert [kind for kind, _ in inline] == [
        ' type="importmap"',
        ' type="application/json" id="page-messages"',
        ' type="application/json" id="page-data"',
    ]
    digest = base64.b64encode(hashlib.sha256(inline[0][1].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in answer.headers["content-security-policy"]
    assert json.loads(inline[0][1])["imports"]["three"] == "/vendor/three/build/three.module.js"


def test_the_catalog_page_has_no_inline_script_or_style(client: TestClient) -> None:
    page = client.get("/catalog").text
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)  # no inline script
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handler
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', page)
    assert sheets == ["/static/css/home.css"]
    css = client.get(sheets[0])
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "font-family" in css.text and ".swatch" in css.text
    # the material swatches keep their colours, as SVG fills (not inline styles)
    assert re.search(r'<svg class="swatch"[^>]*><rect [^>]*fill="#[0-9A-Fa-f]{6}"/></svg>', page)


@pytest.mark.parametrize(
    "path", ["/health/", "/api/v1/catalog/", "/api/v1/evaluate/", "//evil.example/", "/static"]
)
def test_no_redirect_is_built_from_the_host_header(client: TestClient, path: str) -> None:
    for method in ("GET", "POST"):
        response = client.request(
            method,
            path,
            headers={"Host": "evil.example", **JSON},
            content=json.dumps({}),
            follow_redirects=False,
        )
        assert not 300 <= response.status_code < 400, (method, path, response.headers)
        assert "location" not in response.headers
        assert "evil.example" not in response.text


@pytest.mark.parametrize("path", ["/", "/health", "/api/v1/catalog", "/static/css/home.css"])
def test_head_answers_as_get_without_the_body(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"] != "0"
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["x-content-type-options"] == "nosniff"
    assert client.head("/api/v1/evaluate").status_code == 405  # a POST route has no HEAD

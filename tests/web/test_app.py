from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from kernel.json_patch import apply_patch
from tests.fakes import FixedClock
from web.app import create_app

NOW = datetime(2026, 11, 24, 4, tzinfo=UTC)  # the demo price list and promotions are valid


def client(catalog: Catalog) -> TestClient:
    return TestClient(create_app(catalog=catalog, clock=FixedClock(NOW)))


def test_health_names_the_catalog_version(catalog: Catalog) -> None:
    response = client(catalog).get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "catalog_version": catalog.version}


def test_catalog_lists_templates_materials_and_hardware(catalog: Catalog) -> None:
    body = client(catalog).get("/api/v1/catalog").json()
    assert body["version"] == catalog.version and body["currency"] == "CNY"
    wardrobe = next(t for t in body["templates"] if t["code"] == "wardrobe_hinged")
    assert wardrobe["width_mm"] == {"min": 400, "max": 2400, "default": 1200}
    assert wardrobe["options"]["handle"]["default"] == "HANDLE_320"
    assert wardrobe["options"]["plinth_mm"] == {"range": {"min": 50, "max": 150, "default": 80}}
    assert {m["code"] for m in body["materials"]} >= {"PB18_WHITE", "PB18_OAK"}
    assert any(h["kind"] == "runner" for h in body["hardware"])
    assert body["edge_bands"]


def test_the_catalog_page_shows_the_catalog_and_the_api(catalog: Catalog) -> None:
    response = client(catalog).get("/catalog?lang=en")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert f"Catalog {catalog.version}" in page and 'href="/"' in page
    chinese = client(catalog).get("/catalog").text  # Chinese first, each name in one language
    assert f"产品目录 {catalog.version}" in chinese and '<html lang="zh-CN">' in chinese
    for template in catalog.templates.values():
        assert template.name in page and template.name_zh not in page
        assert template.name_zh in chinese and template.name not in chinese
    assert "2440 × 1220" in page and "PB18_OAK" in page
    assert 'href="/api/v1/schema/design"' in page


def test_no_page_loads_from_a_cdn(catalog: Catalog) -> None:
    c = client(catalog)
    assert c.get("/docs").status_code == 404 and c.get("/redoc").status_code == 404
    for page in ("/", "/catalog", "/designs/d_x", "/s/mwl_x", "/quotes/Q-2026-000001"):
        assert "http" not in c.get(page).text.replace("http://www.w3.org", ""), page


def test_errors_are_json_with_a_code_and_a_message(catalog: Catalog) -> None:
    response = client(catalog).get("/api/v1/nothing")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    response = client(catalog).post("/health")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_the_design_schema_is_published(catalog: Catalog) -> None:
    body = client(catalog).get("/api/v1/schema/design").json()
    assert body["$id"] == "millwork/design@1"
    assert "cabinets" in body["required"]


def test_evaluate_returns_problems_with_messages(catalog: Catalog) -> None:
    doc = json.loads((Path(__file__).parents[2] / "examples" / "l-shaped-bedroom.json").read_text())
    doc["cabinets"][1]["height_mm"] = 1000
    response = client(catalog).post("/api/v1/evaluate?lang=zh-CN", json=doc)
    assert response.status_code == 200
    problems = response.json()["problems"]
    assert [p["code"] for p in problems] == ["blocks_opening"]
    assert problems[0]["message"] and problems[0]["fix"] == ""  # the checked fixes replace it
    lower = next(f for f in problems[0]["fixes"] if f["code"] == "set_height")
    assert lower["patch"] == [{"op": "add", "path": "/cabinets/1/height_mm", "value": 900}]
    assert lower["message"] == "将 D1 的高度改为 900 mm（现为 1000 mm）"
    fixed = client(catalog).post("/api/v1/evaluate", json=apply_patch(doc, lower["patch"])).json()
    assert fixed["problems"] == []


def test_evaluate_returns_the_price_for_the_customer(catalog: Catalog) -> None:
    doc = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())
    c = client(catalog)
    plain = c.post("/api/v1/evaluate", json=doc).json()
    member = c.post("/api/v1/evaluate?member=true&method=unfolded", json=doc).json()
    assert plain["price"]["currency"] == "CNY" and plain["parts_summary"]["cabinets"] == 1
    assert member["price"]["method"] == "unfolded"
    applied = {a["id"] for a in member["price"]["promotions"]["applied"]}
    assert "MEMBER-5" in applied
    mars = c.post("/api/v1/evaluate?region=mars&lang=zh-CN", json=doc)
    error = mars.json()["error"]
    assert mars.status_code == 422 and error["code"] == "unknown_region"
    assert "mars" in error["message"] and "地区" in error["message"]
    assert error["problems"][0]["path"] == "region"
    coupon = c.post("/api/v1/evaluate?coupon=NOSUCH", json=doc).json()
    assert coupon["problems"][-1]["code"] == "unknown_coupon"


def test_evaluate_refuses_what_is_not_a_design(catalog: Catalog) -> None:
    c = client(catalog)
    c.headers["Content-Type"] = "application/json"
    bad_json = c.post("/api/v1/evaluate", content=b"{nope")
    assert bad_json.status_code == 400 and bad_json.json()["error"]["code"] == "invalid_json"
    french = c.post("/api/v1/evaluate?lang=fr", json={})
    assert (
        french.status_code == 422 and french.json()["error"]["problems"][0]["path"] == "query.lang"
    )
    nan = c.post("/api/v1/evaluate", content=b'{"width": NaN}')
    assert nan.status_code == 400
    for body in (b"[" * 100_000 + b"]" * 100_000, b"\xff\xfe{}"):
        refused = c.post("/api/v1/evaluate", content=body)
        assert refused.status_code == 400
        assert refused.json()["error"]["message"].startswith("the body: not valid JSON")
    wrong = c.post(
        "/api/v1/evaluate",
        json={"schema": "millwork/design@1", "room": {}, "cabinets": [{"id": "A"}]},
    )
    assert wrong.status_code == 422
    body = wrong.json()["error"]
    assert body["code"] == "invalid_design" and body["problems"][0]["path"]

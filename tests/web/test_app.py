from __future__ import annotations

from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from web.app import create_app


def client(catalog: Catalog) -> TestClient:
    return TestClient(create_app(catalog=catalog))


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

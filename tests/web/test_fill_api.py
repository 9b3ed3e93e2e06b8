"""``POST /api/v1/preview/fill``: a wall's free spans of an unsaved design, each with a checked
proposal and the JSON Patch that adds its cabinets; the answer is what the OpenAPI says."""

from __future__ import annotations

from collections import Counter
from typing import Any

import jsonschema
from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from kernel.json_patch import apply_patch
from kernel.problems import errors_in
from tests.web.api_clients import BEDROOM, L_SHAPED, an_app, visitor


def _answer_schema(client: TestClient) -> dict[str, Any]:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/v1/preview/fill"]["post"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return {**schema, "components": spec["components"]}


def test_the_spans_of_a_wall_with_checked_patches(catalog: Catalog, database_url: str) -> None:
    nobody = visitor(an_app(catalog, database_url))
    answer = nobody.post("/api/v1/preview/fill?wall=2&template=base_cabinet", json=BEDROOM)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    jsonschema.Draft202012Validator(_answer_schema(nobody)).validate(body)
    assert (body["wall"], body["template"]) == (2, "base_cabinet")
    (span,) = body["spans"]
    assert span["limit"] == "beam" and span["problem"] is None
    proposal = span["proposal"]
    kinds = Counter(op["value"]["template"] for op in proposal["patch"])
    assert kinds["base_cabinet"] == len(proposal["widths_mm"]) and kinds["wall_cabinet"] > 0
    before = Counter(
        p.identity for p in errors_in(evaluate(parse_design(BEDROOM), catalog).problems)
    )
    after = evaluate(parse_design(apply_patch(BEDROOM, proposal["patch"])), catalog).problems
    assert not Counter(p.identity for p in errors_in(after)) - before


def test_a_window_span_says_why_in_the_language_asked(catalog: Catalog, database_url: str) -> None:
    nobody = visitor(an_app(catalog, database_url))
    answer = nobody.post(
        "/api/v1/preview/fill?wall=1&template=wardrobe_hinged&lang=zh-CN", json=BEDROOM
    )
    assert answer.status_code == 200, answer.text
    window = next(s for s in answer.json()["spans"] if s["limit"] == "window")
    assert window["proposal"] is None and window["problem"]["code"] == "fill_too_low"
    assert "至少 1600 mm" in window["problem"]["message"]


def test_refuses_an_unknown_template_or_wall(catalog: Catalog, database_url: str) -> None:
    nobody = visitor(an_app(catalog, database_url))
    sofa = nobody.post("/api/v1/preview/fill?wall=0&template=sofa", json=L_SHAPED)
    assert (
        sofa.status_code == 422
        and sofa.json()["error"]["problems"][0]["code"] == "unknown_template"
    )
    wall = nobody.post("/api/v1/preview/fill?wall=9&template=wardrobe_hinged", json=L_SHAPED)
    assert wall.status_code == 422 and wall.json()["error"]["problems"][0]["code"] == "unknown_wall"
    missing = nobody.post("/api/v1/preview/fill?template=wardrobe_hinged", json=L_SHAPED)
    assert missing.status_code == 422

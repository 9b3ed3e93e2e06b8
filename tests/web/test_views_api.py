"""Derived views over the API: of a saved revision (``/api/v1/designs/{id}/…``, recomputed from
the stored document) and of an unsaved document (``POST /api/v1/preview/…``)."""

from __future__ import annotations

import copy
import csv
import inspect
import io
import json
import struct
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from tests.builders import a_cabinet, a_document
from tests.web.api_clients import BEDROOM, L_SHAPED, account, an_app, save, visitor
from web import api_views
from web.hardening import DOCUMENT_SECURITY_POLICY

CUT_LIST_COLUMNS = [
    *("part_id", "cabinet", "name", "material", "thickness_mm", "length_mm", "width_mm"),
    *("quantity", "grain", "edge_l1", "edge_l2", "edge_w1", "edge_w2"),
]
SVG_NS = "{http://www.w3.org/2000/svg}svg"


@pytest.fixture
def alice(catalog: Catalog, database_url: str) -> TestClient:
    return account(an_app(catalog, database_url), "alice")


def _svg_root(answer: Any) -> ElementTree.Element:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "image/svg+xml"
    assert answer.headers["content-security-policy"] == DOCUMENT_SECURITY_POLICY
    return ElementTree.fromstring(answer.content)  # noqa: S314 - our own drawing


def _glb_parts(answer: Any) -> int:
    """Check a GLB answer's header; the number of nodes in its JSON chunk."""
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "model/gltf-binary"
    magic, version, length = struct.unpack("<4sII", answer.content[:12])
    assert (magic, version, length) == (b"glTF", 2, len(answer.content))
    chunk_length, chunk_type = struct.unpack("<I4s", answer.content[12:20])
    assert chunk_type == b"JSON"
    return len(json.loads(answer.content[20 : 20 + chunk_length])["nodes"])


def test_the_views_of_a_saved_design(alice: TestClient) -> None:
    design = save(alice, L_SHAPED)
    base = f"/api/v1/designs/{design}"
    model = alice.get(f"{base}/model.glb")
    assert _glb_parts(model) > 10
    disposition = model.headers["content-disposition"]
    assert disposition == f'attachment; filename="{design}-r1-model.glb"'
    assert _svg_root(alice.get(f"{base}/plan.svg")).tag == SVG_NS
    for wall in range(len(L_SHAPED["room"]["outline_mm"])):
        assert _svg_root(alice.get(f"{base}/elevation/{wall}.svg")).tag == SVG_NS
    cut = alice.get(f"{base}/cutlist.csv")
    assert cut.status_code == 200 and cut.headers["content-type"] == "text/csv; charset=utf-8"
    assert cut.headers["content-disposition"] == f'attachment; filename="{design}-r1-cutlist.csv"'
    rows = list(csv.reader(io.StringIO(cut.text)))
    assert rows[0][: len(CUT_LIST_COLUMNS)] == CUT_LIST_COLUMNS
    assert len({r[0] for r in rows[1:]}) == len(rows) - 1 > 10  # a row and an id per part


def test_the_evaluation_of_a_saved_design_is_that_of_evaluate(alice: TestClient) -> None:
    design = save(alice, L_SHAPED)
    query = "?lang=zh-CN&member=true&coupon=WELCOME300&region=beijing"
    saved = alice.get(f"/api/v1/designs/{design}/evaluation{query}")
    posted = alice.post(f"/api/v1/evaluate{query}", json=L_SHAPED)
    assert saved.status_code == posted.status_code == 200
    assert saved.json() == posted.json()
    unknown = alice.get(f"/api/v1/designs/{design}/evaluation?region=atlantis")
    assert unknown.status_code == 422
    assert unknown.json()["error"]["code"] == "unknown_region"


def test_a_revision_is_asked_for_by_number(alice: TestClient) -> None:
    design = save(alice, BEDROOM)
    wider = copy.deepcopy(BEDROOM)
    wider["cabinets"][0]["width_mm"] += 100
    saved = alice.put(
        f"/api/v1/designs/{design}", json={"document": wider}, headers={"If-Match": '"1"'}
    )
    assert saved.status_code == 200
    base = f"/api/v1/designs/{design}/cutlist.csv"
    first, latest = alice.get(f"{base}?revision=1"), alice.get(base)
    assert 'filename="' + design + "-r1-" in first.headers["content-disposition"]
    assert 'filename="' + design + "-r2-" in latest.headers["content-disposition"]
    assert first.text != latest.text
    assert alice.get(f"{base}?revision=2").text == latest.text
    plan = alice.get(f"/api/v1/designs/{design}/plan.svg?revision=1")
    assert plan.content == alice.post("/api/v1/preview/plan.svg", json=BEDROOM).content
    missing = alice.get(f"{base}?revision=3")
    assert missing.status_code == 422
    assert missing.json()["error"]["code"] == "unknown_revision"
    assert alice.get(f"{base}?revision=0").status_code == 422


def test_a_wall_the_room_does_not_have_is_422(alice: TestClient) -> None:
    design = save(alice, BEDROOM)
    walls = len(BEDROOM["room"]["outline_mm"])
    answer = alice.get(f"/api/v1/designs/{design}/elevation/{walls}.svg")
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "unknown_wall"
    assert error["problems"][0]["params"] == {"value": walls, "max": walls - 1}
    for wall in ("-1", "64", "x"):
        answer = alice.get(f"/api/v1/designs/{design}/elevation/{wall}.svg")
        assert answer.status_code == 422, wall
        assert answer.json()["error"]["code"] == "invalid_request"


def test_a_design_with_a_cabinet_that_cannot_be_built_has_no_model_or_cut_list(
    alice: TestClient,
) -> None:
    design = save(alice, a_document(a_cabinet(template="sofa")))
    for view in ("model.glb", "cutlist.csv"):
        answer = alice.get(f"/api/v1/designs/{design}/{view}")
        assert answer.status_code == 422, view
        error = answer.json()["error"]
        assert error["code"] == "design_has_errors"
        assert [p["code"] for p in error["problems"]] == ["unknown_template"]
        assert error["problems"][0]["message"]
    assert alice.get(f"/api/v1/designs/{design}/plan.svg").status_code == 200  # left out


def test_another_accounts_design_is_not_found(catalog: Catalog, database_url: str) -> None:
    app = an_app(catalog, database_url)
    alice, bob = account(app, "alice"), account(app, "bob")
    design = save(alice, BEDROOM)
    views = ("model.glb", "plan.svg", "elevation/0.svg", "cutlist.csv", "evaluation")
    for view in views:
        answer = bob.get(f"/api/v1/designs/{design}/{view}")
        assert answer.status_code == 404, view
        assert answer.json()["error"]["code"] == "not_found"
        assert bob.get(f"/api/v1/designs/nothing/{view}").status_code == 404
        assert TestClient(app).get(f"/api/v1/designs/{design}/{view}").status_code == 401


def test_a_visitor_sees_the_views_of_their_own_design(catalog: Catalog, database_url: str) -> None:
    guest = visitor(an_app(catalog, database_url))
    design = save(guest, BEDROOM)
    assert _glb_parts(guest.get(f"/api/v1/designs/{design}/model.glb")) > 10


# --- previews of an unsaved document ------------------------------------------------------


def test_previews_need_no_account_and_keep_nothing(catalog: Catalog, database_url: str) -> None:
    nobody = TestClient(an_app(catalog, database_url))
    model = nobody.post("/api/v1/preview/model.glb", json=L_SHAPED)
    assert _glb_parts(model) > 10
    assert "set-cookie" not in model.headers
    assert _svg_root(nobody.post("/api/v1/preview/plan.svg", json=L_SHAPED)).tag == SVG_NS
    wall = nobody.post("/api/v1/preview/elevation/1.svg", json=L_SHAPED)
    assert _svg_root(wall).tag == SVG_NS
    assert nobody.get("/api/v1/me").json() == {"account": None}


def test_previews_refuse_what_is_not_a_design(catalog: Catalog, database_url: str) -> None:
    nobody = TestClient(an_app(catalog, database_url))
    for path in ("model.glb", "plan.svg", "elevation/0.svg"):
        url = f"/api/v1/preview/{path}"
        answers = {
            400: nobody.post(url, content=b"{", headers={"Content-Type": "application/json"}),
            415: nobody.post(url, content=b"{}"),
            422: nobody.post(url, json={"schema": 1}),
        }
        for status, answer in answers.items():
            assert answer.status_code == status, (path, status)
        assert answers[400].json()["error"]["code"] == "invalid_json"
        assert answers[422].json()["error"]["code"] == "invalid_design"
        assert nobody.get(url).status_code == 405
    walls = len(L_SHAPED["room"]["outline_mm"])
    answer = nobody.post(f"/api/v1/preview/elevation/{walls}.svg", json=L_SHAPED)
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "unknown_wall"
    sofa = nobody.post("/api/v1/preview/model.glb", json=a_document(a_cabinet(template="sofa")))
    assert sofa.status_code == 422 and sofa.json()["error"]["code"] == "design_has_errors"
    bow_tie = [[0, 0], [3000, 3000], [3000, 0], [0, 3000]]
    crossing = a_document(room={"outline_mm": bow_tie, "ceiling_mm": 2800})
    plan = nobody.post("/api/v1/preview/plan.svg?lang=zh-CN", json=crossing)
    assert plan.status_code == 422 and plan.json()["error"]["code"] == "design_has_errors"
    assert plan.json()["error"]["problems"][0]["code"] == "invalid_room"


def test_every_view_route_runs_in_a_worker_thread() -> None:
    """Sync routes run in the thread pool: the CPU work never holds the event loop."""
    routes = [r for r in api_views.router.routes if isinstance(r, APIRoute)]
    assert len(routes) == 8
    assert not any(inspect.iscoroutinefunction(r.endpoint) for r in routes)

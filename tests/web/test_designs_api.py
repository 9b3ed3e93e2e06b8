"""``/api/v1/designs…`` and ``/api/v1/shared/…``: save, read, update with ETag/If-Match
(428, 412), history, diff, copy, share links, taking on, and lists by cursor (SQLite and
PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.identity import Role
from tests.fakes import FixedClock
from tests.web.designs_api import (
    BEDROOM,
    backend_of,
    bearer,
    error_code,
    named,
    with_second_wardrobe,
    with_stores,
)

DESIGN_KEYS = {"id", "revision", "name", "owner", "store_id", "created_at", "updated_at"}


@pytest.fixture
def owner(app: FastAPI) -> dict[str, str]:
    return bearer(backend_of(app), "alice", Role.CONSUMER)


def save(client: TestClient, headers: dict[str, str], document: Any = BEDROOM) -> dict[str, Any]:
    answer = client.post("/api/v1/designs", json={"document": document}, headers=headers)
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_a_saved_design_answers_201_with_its_etag_and_location_and_reads_back(
    client: TestClient, owner: dict[str, str]
) -> None:
    answer = client.post(
        "/api/v1/designs", json={"document": BEDROOM, "note": "first go"}, headers=owner
    )
    assert answer.status_code == 201 and answer.headers["ETag"] == '"1"'
    body = answer.json()
    assert answer.headers["Location"] == f"/api/v1/designs/{body['id']}"
    assert set(body) == DESIGN_KEYS | {"document"} and body["revision"] == 1
    assert body["name"] == BEDROOM["name"] and body["store_id"] is None
    read = client.get(answer.headers["Location"], headers=owner)
    assert read.status_code == 200 and read.headers["ETag"] == '"1"' and read.json() == body


def test_an_update_needs_if_match_and_a_stale_one_gets_412_with_the_current_etag(
    client: TestClient, owner: dict[str, str]
) -> None:
    where = f"/api/v1/designs/{save(client, owner)['id']}"

    def put(if_match: str | None, name: str) -> Any:
        headers = owner if if_match is None else {**owner, "If-Match": if_match}
        return client.put(where, json={"document": named(name)}, headers=headers)

    missing = put(None, "x")
    assert missing.status_code == 428 and error_code(missing) == "revision_required"
    done = put('"1"', "two")
    assert done.status_code == 200 and done.headers["ETag"] == '"2"'
    assert done.json()["revision"] == 2 and done.json()["name"] == "two"
    for stale in ('"1"', '"3"', '"0"', "1", 'W/"2"', "*", '"two"', '"2", "1"', '"99999999999"'):
        answer = put(stale, "lost")
        assert answer.status_code == 412, stale
        assert error_code(answer) == "stale_revision" and answer.headers["ETag"] == '"2"'
    assert put(' "2" ', "three").status_code == 200
    names = [r["name"] for r in client.get(f"{where}/revisions", headers=owner).json()["revisions"]]
    assert names == [BEDROOM["name"], "two", "three"]


def test_a_body_that_is_not_a_design_is_refused_and_changes_nothing(
    client: TestClient, owner: dict[str, str]
) -> None:
    where = f"/api/v1/designs/{save(client, owner)['id']}"
    headers = {**owner, "If-Match": '"1"'}
    for body, status, code in (
        ({"document": {"name": "x"}}, 422, "invalid_design"),
        ({"document": BEDROOM, "extra": 1}, 422, None),
        ({"document": BEDROOM, "note": "x" * 501}, 422, None),
        ({"document": BEDROOM, "note": "a\x00b"}, 422, None),
        ({}, 422, None),
        (BEDROOM, 422, None),
    ):
        for answer in (
            client.put(where, json=body, headers=headers),
            client.post("/api/v1/designs", json=body, headers=owner),
        ):
            assert answer.status_code == status, (body, answer.text)
            assert code is None or error_code(answer) == code
    answer = client.put(
        where, content=b"{", headers={**headers, "Content-Type": "application/json"}
    )
    assert answer.status_code == 400
    assert client.get(where, headers=owner).json()["revision"] == 1
    assert len(client.get("/api/v1/designs", headers=owner).json()["designs"]) == 1


def test_history_one_revision_and_unknown_revisions(
    client: TestClient, owner: dict[str, str]
) -> None:
    where = f"/api/v1/designs/{save(client, owner)['id']}"
    client.put(
        where, json={"document": named("two"), "note": "why"}, headers={**owner, "If-Match": '"1"'}
    )
    history = client.get(f"{where}/revisions", headers=owner).json()["revisions"]
    assert [(r["number"], r["note"]) for r in history] == [(1, ""), (2, "why")]
    assert all("document" not in r for r in history)
    one = client.get(f"{where}/revisions/1", headers=owner)
    assert one.status_code == 200 and one.json()["document"]["name"] == BEDROOM["name"]
    for number in ("3", "0", "-1", "99999999999", "99999999999999999999999"):
        answer = client.get(f"{where}/revisions/{number}", headers=owner)
        assert answer.status_code == 422, (number, answer.text)
    assert client.get(f"{where}/revisions/two", headers=owner).status_code == 422


def test_a_diff_lists_the_parts_of_an_added_cabinet_and_a_higher_price(
    client: TestClient, owner: dict[str, str]
) -> None:
    where = f"/api/v1/designs/{save(client, owner)['id']}"
    client.put(
        where, json={"document": with_second_wardrobe()}, headers={**owner, "If-Match": '"1"'}
    )
    diff = client.get(f"{where}/diff?from=1&to=2", headers=owner)
    assert diff.status_code == 200, diff.text
    body = diff.json()
    assert (body["from"], body["to"]) == (1, 2)
    assert body["parts"]["added"] and {p["cabinet"] for p in body["parts"]["added"]} == {"W2"}
    assert body["parts"]["removed"] == [] and body["parts"]["changed"] == []
    price = body["price"]
    assert Decimal(price["change"]) > 0 and price["change"].startswith("+")
    assert Decimal(price["to"]) - Decimal(price["from"]) == Decimal(price["change"])
    for query in ("from=1&to=3", "from=0&to=1", "from=1", "to=1", "from=a&to=1"):
        assert client.get(f"{where}/diff?{query}", headers=owner).status_code == 422, query


def test_a_copy_is_a_new_design_at_revision_1(client: TestClient, owner: dict[str, str]) -> None:
    first = save(client, owner)
    answer = client.post(f"/api/v1/designs/{first['id']}/copy", headers=owner)
    assert answer.status_code == 201 and answer.headers["ETag"] == '"1"'
    copied = answer.json()
    assert copied["id"] != first["id"] and copied["document"] == first["document"]
    assert answer.headers["Location"] == f"/api/v1/designs/{copied['id']}"


def test_a_share_link_reads_the_latest_revision_read_only_until_revoked(
    client: TestClient, owner: dict[str, str]
) -> None:
    design = save(client, owner)
    where = f"/api/v1/designs/{design['id']}"
    shared = client.post(f"{where}/share", headers=owner)
    assert shared.status_code == 201
    token = shared.json()["token"]
    assert shared.json()["api_url"] == f"/api/v1/shared/{token}"
    client.put(where, json={"document": named("two")}, headers={**owner, "If-Match": '"1"'})
    with TestClient(client.app) as stranger:
        seen = stranger.get(f"/api/v1/shared/{token}")
        assert seen.status_code == 200 and seen.json()["name"] == "two"
        assert "owner" not in seen.json()
        for method in ("PUT", "POST", "DELETE"):
            assert stranger.request(method, f"/api/v1/shared/{token}").status_code == 405
        assert client.delete(f"{where}/share", headers=owner).json() == {"revoked": 1}
        gone = stranger.get(f"/api/v1/shared/{token}")
        assert gone.status_code == 404 and error_code(gone) == "not_found"
        assert stranger.get("/api/v1/shared/mwl_nothing").status_code == 404


def test_a_designer_who_takes_on_a_shared_design_brings_it_into_the_store(
    client: TestClient, app: FastAPI, owner: dict[str, str]
) -> None:
    backend = backend_of(app)
    with_stores(backend)
    designer = bearer(backend, "olivia", Role.DESIGNER, "sh-1")
    design = save(client, owner)
    where = f"/api/v1/designs/{design['id']}"
    assert client.get(where, headers=designer).status_code == 404
    token = client.post(f"{where}/share", headers=owner).json()["token"]
    assert client.post(f"/api/v1/shared/{token}/take", headers=owner).status_code == 403
    taken = client.post(f"/api/v1/shared/{token}/take", headers=designer)
    assert taken.status_code == 200 and taken.json()["store_id"] == "sh-1"
    assert taken.json()["owner"] == design["owner"] and taken.headers["ETag"] == '"1"'
    refined = client.put(
        where, json={"document": named("refined")}, headers={**designer, "If-Match": '"1"'}
    )
    assert refined.status_code == 200
    assert client.get(where, headers=owner).json()["name"] == "refined"
    with TestClient(app) as anonymous:
        assert anonymous.post(f"/api/v1/shared/{token}/take").status_code == 401


def test_pages_cover_every_design_exactly_once_newest_first(
    client: TestClient, owner: dict[str, str], clock: FixedClock
) -> None:
    from datetime import timedelta

    ids = []
    for i in range(7):
        if i % 2:
            clock.moment += timedelta(seconds=1)
        ids.append(save(client, owner, named(f"d{i}"))["id"])
    listed = client.get("/api/v1/designs?limit=100", headers=owner).json()
    assert listed["next_cursor"] is None and sorted(d["id"] for d in listed["designs"]) == sorted(
        ids
    )
    assert all(set(d) == DESIGN_KEYS for d in listed["designs"])
    order = [d["id"] for d in listed["designs"]]
    for limit in (1, 2, 3, 6, 7):
        seen, cursor = [], None
        while True:
            query = f"limit={limit}" + (f"&cursor={cursor}" if cursor else "")
            page = client.get(f"/api/v1/designs?{query}", headers=owner)
            assert page.status_code == 200
            seen += [d["id"] for d in page.json()["designs"]]
            cursor = page.json()["next_cursor"]
            if cursor is None:
                break
        assert seen == order, limit


def test_list_limits_and_cursors_that_are_not_ours_are_422(
    client: TestClient, owner: dict[str, str]
) -> None:
    for query in ("limit=0", "limit=101", "limit=-1", "limit=x", "cursor=" + "x" * 201):
        answer = client.get(f"/api/v1/designs?{query}", headers=owner)
        assert answer.status_code == 422 and error_code(answer) == "invalid_request", query
    for cursor in ("garbage", "WzEsMl0", "%00", "eyJ"):
        answer = client.get(f"/api/v1/designs?cursor={cursor}", headers=owner)
        assert answer.status_code == 422 and error_code(answer) == "invalid_cursor", cursor
    with TestClient(client.app) as nobody:
        assert nobody.get("/api/v1/designs").status_code == 401


@pytest.mark.parametrize("design_id", ["nope", "%00", "a%00b", "x" * 300, "%F0%9F%98%80"])
def test_an_unknown_design_is_404_on_every_route(
    client: TestClient, owner: dict[str, str], design_id: str
) -> None:
    where = f"/api/v1/designs/{design_id}"
    for method, path in (
        ("GET", where),
        ("PUT", where),
        ("GET", f"{where}/revisions"),
        ("GET", f"{where}/revisions/1"),
        ("GET", f"{where}/diff?from=1&to=1"),
        ("POST", f"{where}/copy"),
        ("POST", f"{where}/share"),
        ("DELETE", f"{where}/share"),
    ):
        headers = {**owner, "If-Match": '"1"'}
        answer = client.request(method, path, json={"document": BEDROOM}, headers=headers)
        assert answer.status_code == 404, (method, path, answer.text)

"""``/api/v1/stores/{id}/schedule`` and the store-visit pages over HTTP: the ETag and
If-Match of a manager's edit, the one error shape of each refusal, the slots that follow,
and who gets which page."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.identity import Role
from tests.web.bookings_api import with_demo_stores
from tests.web.designs_api import backend_of, bearer, signed_in

SCHEDULE = "/api/v1/stores/sh-xuhui/schedule"
WEDNESDAY_SLOTS = "/api/v1/stores/sh-xuhui/slots?kind=store_visit&date=2026-11-25"


@pytest.fixture
def manager(app: FastAPI) -> dict[str, str]:
    backend = backend_of(app)
    with_demo_stores(backend)
    return bearer(backend, "zhang.min", Role.STORE_MANAGER, "sh-xuhui")


def error_code(answer: Any) -> tuple[int, str]:
    return answer.status_code, answer.json()["error"]["code"]


def editable(answer: Any) -> dict[str, Any]:
    body = copy.deepcopy(answer.json())
    for key in ("store_id", "name", "timezone", "stranded"):
        del body[key]
    return body


def test_the_manager_edits_with_if_match_and_the_slots_follow(
    client: TestClient, manager: dict[str, str]
) -> None:
    read = client.get(SCHEDULE, headers=manager)
    assert read.status_code == 200, read.text
    assert read.json()["timezone"] == "Asia/Shanghai" and read.headers["ETag"].startswith('"s-')
    body = editable(read)
    body["hours"][2] = [["15:00", "17:00"]]
    assert error_code(client.put(SCHEDULE, json=body, headers=manager)) == (
        428,
        "revision_required",
    )
    saved = client.put(SCHEDULE, json=body, headers={**manager, "If-Match": read.headers["ETag"]})
    assert saved.status_code == 200, saved.text
    assert saved.headers["ETag"] != read.headers["ETag"]
    starts = [s["start"][11:16] for s in client.get(WEDNESDAY_SLOTS).json()["slots"]]
    assert starts == ["15:00", "15:30", "16:00"]
    assert saved.json()["stranded"] == []
    stale = client.put(SCHEDULE, json=body, headers={**manager, "If-Match": read.headers["ETag"]})
    assert error_code(stale) == (412, "stale_version")
    assert stale.headers["ETag"] == saved.headers["ETag"]


def test_mistakes_come_back_worded_with_their_paths(
    client: TestClient, manager: dict[str, str]
) -> None:
    read = client.get(SCHEDULE, headers=manager)
    body = editable(read)
    body["hours"][0] = [["18:00", "09:00"]]
    body["capacity"]["measurement"] = 1000
    answer = client.put(
        f"{SCHEDULE}?lang=zh-CN", json=body, headers={**manager, "If-Match": read.headers["ETag"]}
    )
    assert answer.status_code == 422, answer.text
    problems = answer.json()["error"]["problems"]
    assert [(p["code"], p["path"]) for p in problems] == [
        ("closes_before_opening", "hours[0][0]"),
        ("out_of_range", "capacity.measurement"),
    ]
    assert problems[0]["message"] == "结束时间 09:00 必须晚于开始时间 18:00"


def test_only_the_manager_of_the_store(app: FastAPI, client: TestClient) -> None:
    backend = backend_of(app)
    with_demo_stores(backend)
    designer = bearer(backend, "wang.fang", Role.DESIGNER, "sh-xuhui")
    other = bearer(backend, "chen.jing", Role.STORE_MANAGER, "sh-pudong")
    assert error_code(client.get(SCHEDULE)) == (401, "not_signed_in")
    assert error_code(client.get(SCHEDULE, headers=designer)) == (403, "forbidden")
    assert error_code(client.get(SCHEDULE, headers=other)) == (403, "forbidden")
    assert error_code(client.get("/api/v1/stores/nowhere/schedule", headers=other)) == (
        404,
        "not_found",
    )


def test_the_pages(app: FastAPI, client: TestClient) -> None:
    backend = backend_of(app)
    with_demo_stores(backend)
    manager = signed_in(backend, "zhang.min", Role.STORE_MANAGER, "sh-xuhui")
    designer = signed_in(backend, "wang.fang", Role.DESIGNER, "sh-xuhui")
    page = "/stores/sh-xuhui/manage"
    assert client.get(page, headers=manager).status_code == 200
    visitor = client.get(page)
    assert visitor.status_code == 200 and 'id="manager-sign-in"' in visitor.text
    refused = client.get(f"{page}?lang=en", headers=designer)
    assert refused.status_code == 403 and "Only the manager of this store" in refused.text
    assert client.get("/stores/nowhere/manage", headers=manager).status_code == 404
    book = client.get("/book?design=abc&lang=en")
    assert book.status_code == 200 and '"design_id": "abc"' in book.text
    assert '"name_en": "Pudong"' in book.text and "Book a visit or a home measurement" in book.text
    assert client.get("/book?design=../x").status_code == 422
    stores = client.get("/api/v1/stores").json()["stores"]
    xuhui = next(s for s in stores if s["id"] == "sh-xuhui")
    assert xuhui["location"] == {"lat": 31.188, "lon": 121.4365} and "310104" in xuhui["districts"]

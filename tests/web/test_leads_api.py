"""``/api/v1/leads…`` and ``/api/v1/agenda`` on SQLite and PostgreSQL: a booking answers its
lead, the designer sees it and the appointment, accepts it once; and what an attacker sends
(bad ids, another store's lead, wrong roles, no CSRF token, huge or broken bodies, a flood):
every refusal in the one JSON error shape, never a 5xx."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.identity import Role
from services.leads import link_designer
from tests.fakes import FixedClock
from tests.lead_pool import escalate
from tests.web.bookings_api import ONE_DESIGNER, visit, with_demo_stores
from tests.web.designs_api import backend_of, bearer, signed_in


@pytest.fixture
def people(app: FastAPI) -> dict[str, dict[str, str]]:
    """The demo stores; request headers of a consumer, Xuhui's designers Wang (d-wang) and
    Li (d-li), Xuhui's and Pudong's managers, sales and the factory."""
    backend = backend_of(app)
    with_demo_stores(backend)
    headers = {
        "consumer": bearer(backend, "li.wei", Role.CONSUMER),
        "wang": bearer(backend, "wang.fang", Role.DESIGNER, "sh-xuhui"),
        "li": bearer(backend, "li.qiang", Role.DESIGNER, "sh-xuhui"),
        "manager": bearer(backend, "manager", Role.STORE_MANAGER, "sh-xuhui"),
        "pudong": bearer(backend, "pudong", Role.STORE_MANAGER, "sh-pudong"),
        "sales": bearer(backend, "sales", Role.SALES),
        "factory": bearer(backend, "factory", Role.FACTORY),
    }
    link_designer("d-wang", "wang.fang", backend=backend)
    link_designer("d-li", "li.qiang", backend=backend)
    return headers


def json_error(answer: Any, status: int, code: str | None = None) -> None:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"} and {"code", "message", "problems"} <= set(body["error"])
    if code is not None:
        assert body["error"]["code"] == code


def booked_lead(client: TestClient, people: dict[str, dict[str, str]]) -> str:
    answer = client.post("/api/v1/appointments", json=visit(), headers=people["consumer"])
    assert answer.status_code == 201, answer.text
    lead_id: str = answer.json()["lead_id"]
    assert lead_id
    # the manage link answers the same lead
    assert client.get(answer.json()["manage_url"]).json()["lead_id"] == lead_id
    return lead_id


def test_the_designer_sees_the_lead_and_appointment_and_accepts_once(
    client: TestClient, people: dict[str, dict[str, str]]
) -> None:
    lead_id = booked_lead(client, people)
    mine = client.get("/api/v1/leads", headers=people["wang"]).json()
    assert [(lead["id"], lead["state"]) for lead in mine["leads"]] == [(lead_id, "assigned")]
    assert [r["code"] for r in mine["leads"][0]["reasons"]] == ["booked_store", "booked_designer"]
    agenda = client.get(
        "/api/v1/agenda?from=2026-11-25&to=2026-11-25", headers=people["wang"]
    ).json()
    assert [(a["start"], a["lead_id"]) for a in agenda["appointments"]] == [(ONE_DESIGNER, lead_id)]
    accepted = client.post(f"/api/v1/leads/{lead_id}/accept", headers=people["wang"])
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    json_error(
        client.post(f"/api/v1/leads/{lead_id}/accept", headers=people["manager"]),
        409,
        "lead_already_accepted",
    )
    summary = client.get("/api/v1/leads/summary", headers=people["sales"]).json()
    assert summary["by_source"] == [
        {"source": "booking", "leads": 1, "accepted": 1, "won": 0, "lost": 0, "conversion": 0.0}
    ]


def test_others_may_not_see_or_accept_it(
    client: TestClient, people: dict[str, dict[str, str]]
) -> None:
    lead_id = booked_lead(client, people)
    for who in ("li", "pudong"):  # another designer's, another store's: not there
        json_error(client.get(f"/api/v1/leads/{lead_id}", headers=people[who]), 404)
        json_error(client.post(f"/api/v1/leads/{lead_id}/accept", headers=people[who]), 404)
    json_error(client.post(f"/api/v1/leads/{lead_id}/accept", headers=people["sales"]), 403)
    for who in ("consumer", "factory"):
        json_error(client.get("/api/v1/leads", headers=people[who]), 403)
        json_error(client.get(f"/api/v1/leads/{lead_id}", headers=people[who]), 403)
        json_error(client.post(f"/api/v1/leads/{lead_id}/accept", headers=people[who]), 403)
        json_error(client.get("/api/v1/agenda", headers=people[who]), 403)
    json_error(client.get("/api/v1/leads/summary", headers=people["wang"]), 403)
    json_error(client.get("/api/v1/leads"), 401)
    json_error(client.post(f"/api/v1/leads/{lead_id}/accept"), 401)
    pudong = client.get("/api/v1/leads/summary", headers=people["pudong"]).json()
    assert pudong["counts"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/leads/nope",
        "/api/v1/leads/0000000000000000",
        "/api/v1/leads/%27%20OR%201=1--",
        "/api/v1/leads/" + "a" * 33,
        "/api/v1/leads/..%2f..%2fetc",
        "/api/v1/leads/%00",
        "/api/v1/leads?limit=0",
        "/api/v1/leads?limit=101",
        "/api/v1/leads?cursor=not-a-cursor",
        "/api/v1/leads?cursor=WyI5OTk5LTEyLTMxVDIzOjU5OjU5LTE0OjAwIiwgIngiXQ",  # year 9999, -14:00
        "/api/v1/leads?cursor=" + "x" * 201,
        "/api/v1/agenda?from=2026-01-01&to=2027-01-01",
        "/api/v1/agenda?from=yesterday",
        "/api/v1/agenda?from=9999-12-31",
    ],
)
def test_bad_ids_and_queries_are_json_errors(
    client: TestClient, people: dict[str, dict[str, str]], path: str
) -> None:
    answer = client.get(path, headers=people["sales"])
    assert answer.status_code in (404, 422), answer.text
    json_error(answer, answer.status_code)


def test_a_session_write_without_its_csrf_token_is_refused(app: FastAPI) -> None:
    backend = backend_of(app)
    with_demo_stores(backend)
    headers = signed_in(backend, "wang.fang", Role.DESIGNER, "sh-xuhui")
    with TestClient(app) as client:
        no_token = {"Cookie": headers["Cookie"]}
        json_error(client.post("/api/v1/leads/abc/accept", headers=no_token), 403, "csrf_failed")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "missing_key"),
        ({"phone": "12"}, "phone_invalid"),
        ({"phone": 13800138000}, "wrong_type"),
        ({"phone": "1" * 41}, "too_long"),
        ({"phone": "13800138000", "district": "310115; DROP"}, "invalid_value"),
        ({"phone": "13800138000", "source": "booking"}, "invalid_value"),
        ({"phone": "13800138000", "design_id": "../../x"}, "invalid_value"),
        ({"phone": "13800138000", "location": {"lat": 91, "lon": 0}}, "out_of_range"),
        ({"phone": "13800138000", "location": {"lat": "NaN", "lon": 0}}, "wrong_type"),
        ({"phone": "13800138000", "name": "a\u0000b"}, None),
        ({"phone": "13800138000", "admin": True}, "unknown_key"),
        ([], "wrong_type"),
    ],
)
def test_broken_lead_bodies_are_json_errors(
    client: TestClient, people: dict[str, dict[str, str]], body: Any, code: str | None
) -> None:
    json_error(client.post("/api/v1/leads", json=body), 422, code)


def test_a_design_that_is_not_yours_and_an_unknown_store_are_not_found(
    client: TestClient, people: dict[str, dict[str, str]]
) -> None:
    json_error(
        client.post("/api/v1/leads", json={"phone": "13800138000", "design_id": "nope"}),
        404,
    )
    json_error(
        client.post("/api/v1/leads", json={"phone": "13800138000", "store_id": "nowhere"}),
        404,
    )


def test_huge_and_broken_bodies(client: TestClient, people: dict[str, dict[str, str]]) -> None:
    huge = b'{"phone": "' + b"1" * 2_000_000 + b'"}'
    answer = client.post(
        "/api/v1/leads", content=huge, headers={"Content-Type": "application/json"}
    )
    json_error(answer, 413)
    json_error(
        client.post(
            "/api/v1/leads", content=b"{not json", headers={"Content-Type": "application/json"}
        ),
        400,
    )
    json_error(client.post("/api/v1/leads", content=b"phone=1"), 415)


def test_one_address_leaves_twenty_numbers_an_hour(
    client: TestClient, people: dict[str, dict[str, str]]
) -> None:
    for n in range(20):
        answer = client.post(
            "/api/v1/leads", json={"phone": f"+86137{n:08}"}, headers=people["consumer"]
        )
        assert answer.status_code == 202, answer.text
        assert answer.json() == {"received": True}
    json_error(
        client.post("/api/v1/leads", json={"phone": "+8613799999999"}, headers=people["consumer"]),
        429,
        "too_many_attempts",
    )
    leads = client.get("/api/v1/leads", headers=people["sales"]).json()["leads"]
    assert len(leads) == 20 and all(lead["reasons"] for lead in leads)
    # paging through them, 7 at a time, finds each once
    seen, cursor = [], None
    while True:
        page = client.get(
            "/api/v1/leads",
            params={"limit": 7, **({"cursor": cursor} if cursor else {})},
            headers=people["sales"],
        ).json()
        seen += [lead["id"] for lead in page["leads"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(lead["id"] for lead in leads)


def test_the_store_manager_accepts_for_the_designer_and_sees_the_stores_leads(
    client: TestClient, people: dict[str, dict[str, str]]
) -> None:
    left = client.post("/api/v1/leads", json={"phone": "021 6234 5678", "store_id": "sh-xuhui"})
    assert left.status_code == 202, left.text
    leads = client.get("/api/v1/leads", headers=people["manager"]).json()["leads"]
    assert [(lead["store_id"], lead["state"], lead["source"]) for lead in leads] == [
        ("sh-xuhui", "assigned", "phone")
    ]
    assert [r["code"] for r in leads[0]["reasons"]] == ["chosen_store", "fair_share"]
    accepted = client.post(f"/api/v1/leads/{leads[0]['id']}/accept", headers=people["manager"])
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["designer_id"] == leads[0]["designer_id"]
    assert client.get("/api/v1/leads", headers=people["pudong"]).json()["leads"] == []


def test_the_store_manager_hands_a_lead_back_in_the_pool_to_a_designer(
    app: FastAPI, client: TestClient, people: dict[str, dict[str, str]], clock: FixedClock
) -> None:
    lead_id = booked_lead(client, people)  # Wang's, the designer of the visit
    url = f"/api/v1/leads/{lead_id}/assign"

    def assign(who: str, designer: object = "d-li", path: str = url) -> Any:
        return client.post(path, json={"designer_id": designer}, headers=people[who])

    json_error(assign("manager"), 409, "lead_not_pooled")  # Wang has it
    escalated = escalate(lead_id, backend_of(app), clock)
    assert (escalated.store_id, escalated.designer_id) == ("sh-xuhui", None)
    json_error(assign("wang"), 403)  # the designer who let it lapse sees it, no more
    json_error(assign("sales"), 403)
    json_error(assign("pudong"), 404)  # another store's manager
    json_error(assign("manager", path="/api/v1/leads/no-such-lead/assign"), 404)
    json_error(assign("manager", path="/api/v1/leads/bad%20id/assign"), 422)
    unknown = assign("manager", "d-chen")  # Pudong's designer
    json_error(unknown, 422)
    assert [p["code"] for p in unknown.json()["error"]["problems"]] == ["unknown_designer"]
    for wrong in (None, "", 7, "x" * 33):
        json_error(assign("manager", wrong), 422)
    json_error(client.post(url, json={}, headers=people["manager"]), 422)
    json_error(
        client.post(url, json={"designer_id": "d-li", "x": 1}, headers=people["manager"]), 422
    )

    given = assign("manager")
    assert given.status_code == 200, given.text
    lead = given.json()
    assert (lead["state"], lead["designer_id"]) == ("assigned", "d-li") and lead["sla_due"]
    assert lead["reasons"][-1]["code"] == "by_manager"
    assert lead["reasons"][-1]["designer_id"] == "d-li"
    json_error(assign("manager", "d-zhang"), 409, "lead_not_pooled")  # once
    accepted = client.post(f"/api/v1/leads/{lead_id}/accept", headers=people["li"])
    assert accepted.status_code == 200, accepted.text
    json_error(assign("manager"), 409, "lead_already_accepted")

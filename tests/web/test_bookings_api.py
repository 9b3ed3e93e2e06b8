"""``/api/v1/stores/{id}/slots`` and ``/api/v1/appointments…`` on SQLite and PostgreSQL: slots,
booking with an Idempotency-Key, the manage link (read, move, cancel, invitation) and the
requests an attacker sends."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.identity import Role
from tests.web.bookings_api import (
    ONE_DESIGNER,
    THREE_DESIGNERS,
    parse_ics,
    visit,
    with_demo_stores,
)
from tests.web.designs_api import BEDROOM, backend_of, bearer, error_code


@pytest.fixture
def caller(app: FastAPI) -> dict[str, str]:
    """A consumer's machine client, with the demo stores in place."""
    backend = backend_of(app)
    with_demo_stores(backend)
    return bearer(backend, "li.wei", Role.CONSUMER)


def booked(client: TestClient, caller: dict[str, str], body: dict[str, Any], key: str) -> Any:
    return client.post(
        "/api/v1/appointments", json=body, headers={**caller, "Idempotency-Key": key}
    )


def test_slots_are_in_the_stores_zone_and_a_booking_takes_one(
    client: TestClient, caller: dict[str, str]
) -> None:
    slots = client.get("/api/v1/stores/xj-urumqi/slots?kind=store_visit&date=2026-11-25")
    assert slots.status_code == 200, slots.text
    first = slots.json()["slots"][0]
    assert first["start"] == "2026-11-25T10:00:00+06:00" and slots.json()["timezone"] == (
        "Asia/Urumqi"
    )
    answer = booked(client, caller, visit(), "k1")
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["start"] == ONE_DESIGNER and body["phone"] == "+8613800138000"
    assert answer.headers["Location"] == body["manage_url"]
    after = client.get("/api/v1/stores/sh-xuhui/slots?kind=store_visit&date=2026-11-25")
    assert ONE_DESIGNER not in [s["start"] for s in after.json()["slots"]]


def test_the_same_key_and_body_replay_the_answer_another_body_is_refused(
    client: TestClient, caller: dict[str, str]
) -> None:
    first = booked(client, caller, visit(), "same")
    again = booked(client, caller, visit(), "same")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"
    other = booked(client, caller, visit(THREE_DESIGNERS), "same")
    assert other.status_code == 422 and error_code(other) == "idempotency_key_reused"
    # a refusal is kept under its key too: the same request gets the same 409
    taken = booked(client, caller, visit(), "late")
    assert taken.status_code == 409 and error_code(taken) == "slot_taken"
    assert booked(client, caller, visit(), "late").json() == taken.json()


def test_another_callers_key_is_another_key(
    app: FastAPI, client: TestClient, caller: dict[str, str]
) -> None:
    other = bearer(backend_of(app), "wang.wu", Role.CONSUMER)
    assert booked(client, caller, visit(THREE_DESIGNERS), "k").status_code == 201
    theirs = booked(client, other, visit(THREE_DESIGNERS), "k")
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs.headers


def test_cancel_frees_the_slot_and_a_move_keeps_the_link(
    client: TestClient, caller: dict[str, str]
) -> None:
    manage = booked(client, caller, visit(), "a").json()["manage_url"]
    assert booked(client, caller, visit(), "b").status_code == 409
    moved = client.patch(manage, json={"start": THREE_DESIGNERS})
    assert moved.status_code == 200 and moved.json()["start"] == THREE_DESIGNERS
    assert booked(client, caller, visit(), "c").status_code == 201  # 10:00 is free again
    back = client.patch(manage, json={"start": ONE_DESIGNER})
    assert back.status_code == 409 and error_code(back) == "slot_taken"
    cancelled = client.delete(manage)
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert client.delete(manage).json()["state"] == "cancelled"  # again: no change
    refused = client.patch(manage, json={"start": THREE_DESIGNERS})
    assert refused.status_code == 422 and error_code(refused) == "booking_cancelled"
    assert client.get(manage).json()["state"] == "cancelled"


def test_the_invitation_parses_and_carries_the_stores_zone(
    client: TestClient, caller: dict[str, str]
) -> None:
    body = visit("2026-11-26T15:00:00+06:00", store_id="xj-urumqi")
    ics_url = booked(client, caller, body, "ics").json()["ics_url"]
    answer = client.get(ics_url)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/calendar")
    lines = parse_ics(answer.text)
    values = {(name, tuple(params.items())): value for name, params, value in lines}
    assert values["TZID", ()] == "Asia/Urumqi"
    assert values["TZOFFSETTO", ()] == "+0600"
    assert values["DTSTART", (("TZID", "Asia/Urumqi"),)] == "20261126T150000"
    assert values["DTEND", (("TZID", "Asia/Urumqi"),)] == "20261126T160000"
    assert values["SEQUENCE", ()] == "0" and values["METHOD", ()] == "PUBLISH"


def test_a_measurement_needs_an_address_and_books_at_the_home(
    client: TestClient, caller: dict[str, str]
) -> None:
    start = "2026-11-26T10:00:00+08:00"  # a day's notice
    body = visit(start, kind="measurement")
    refused = booked(client, caller, body, "m1")
    assert refused.status_code == 422 and error_code(refused) == "address_required"
    home = {"address": "上海市徐汇区天钥桥路 1 号", "location": {"lat": 31.19, "lon": 121.44}}
    answer = booked(client, caller, {**body, **home}, "m2")
    assert answer.status_code == 201, answer.text
    assert answer.json()["address"] == home["address"]


def test_a_design_is_attached_only_if_the_caller_may_read_it(
    app: FastAPI, client: TestClient, caller: dict[str, str]
) -> None:
    saved = client.post("/api/v1/designs", json={"document": BEDROOM}, headers=caller)
    mine = saved.json()["id"]
    answer = booked(client, caller, visit(design_id=mine), "d1")
    assert answer.status_code == 201 and answer.json()["design_revision"] == 1
    stranger = bearer(backend_of(app), "stranger", Role.CONSUMER)
    refused = booked(client, stranger, visit(THREE_DESIGNERS, design_id=mine), "d2")
    assert refused.status_code == 404


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("kind=store_visit&from=2026-11-25&to=2027-01-30", 422),  # 67 days
        ("kind=store_visit&from=2026-11-25&to=2026-11-24", 422),  # backwards
        ("kind=store_visit&from=2026-13-45", 422),
        ("kind=store_visit&from=99999-01-01", 422),
        ("kind=store_visit&date=9999-12-31", 422),  # was a 500: the zones overflow
        ("kind=store_visit&date=0001-01-01", 422),
        ("kind=tea&date=2026-11-25", 422),
        ("date=2026-11-25", 422),
        ("kind=store_visit&from=2026-11-25&to=2027-01-25", 200),  # 62 days
        ("kind=store_visit&from=1900-01-01&to=1900-01-02", 200),  # the past: no slots
    ],
)
def test_slots_refuse_bad_ranges(
    client: TestClient, caller: dict[str, str], query: str, status: int
) -> None:
    answer = client.get(f"/api/v1/stores/sh-xuhui/slots?{query}")
    assert answer.status_code == status, answer.text
    if status != 200:
        assert "error" in answer.json()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/stores/nowhere/slots?kind=store_visit", 404),
        ("/api/v1/stores/sh%00xuhui/slots?kind=store_visit", 422),
        ("/api/v1/stores/" + "x" * 33 + "/slots?kind=store_visit", 422),
        ("/api/v1/appointments/manage/mwb_nothing", 404),
        ("/api/v1/appointments/manage/mwb_" + "A" * 43, 404),
        ("/api/v1/appointments/manage/mwb_" + "A" * 43 + ".ics", 404),
        ("/api/v1/appointments/manage/%00", 404),
    ],
)
def test_unknown_stores_and_links_are_refused(
    client: TestClient, caller: dict[str, str], path: str, status: int
) -> None:
    answer = client.get(path)
    assert answer.status_code == status, answer.text


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": "李\u0000伟"}, "invalid_text"),
        ({"address": "a\u0000b"}, "invalid_text"),
        ({"phone": "12345"}, "phone_invalid"),
        ({"phone": "\uff11\uff13\uff18\u0000"}, "invalid_text"),
        ({"start": "2026-11-25T10:00:00"}, "wrong_type"),  # naive
        ({"start": "tomorrow"}, "wrong_type"),
        ({"start": "9999-12-31T23:59:59-14:00"}, "booking_beyond_window"),
        ({"start": "0001-01-01T00:00:00+14:00"}, "booking_beyond_window"),
        ({"start": "2026-11-23T14:00:00+08:00"}, "booking_beyond_window"),  # the past
        ({"start": "2026-11-24T05:00:00+08:00"}, "not_a_slot"),  # before opening
        ({"start": "2026-11-24T12:30:00+08:00"}, "booking_too_soon"),
        ({"start": "2026-11-25T10:10:00+08:00"}, "not_a_slot"),
        ({"start": "2027-02-06T10:00:00+08:00"}, "store_closed"),  # Spring Festival
        ({"start": "2027-01-06T10:00:00+08:00"}, "booking_beyond_window"),
        ({"store_id": "sh\u0000xuhui"}, "invalid_text"),
        ({"kind": "tea"}, "invalid_value"),
        ({"design_id": "x" * 40}, "invalid_value"),
        ({"price": 0}, "unknown_key"),
        ({"location": {"lat": 91, "lon": 0}}, "out_of_range"),
        ({"location": {"lat": "north", "lon": 0}}, "wrong_type"),
    ],
)
def test_hostile_bookings_are_refused_with_422(
    client: TestClient, caller: dict[str, str], changes: dict[str, Any], code: str
) -> None:
    answer = booked(client, caller, visit(**changes), "h")
    assert answer.status_code == 422, answer.text
    assert code in {p["code"] for p in answer.json()["error"]["problems"]}


def test_unknown_store_and_bad_keys(client: TestClient, caller: dict[str, str]) -> None:
    assert booked(client, caller, visit(store_id="nowhere"), "u").status_code == 404
    answer = booked(client, caller, visit(), "bad key")
    assert answer.status_code == 422 and error_code(answer) == "invalid_value"
    long = booked(client, caller, visit(), "k" * 256)
    assert long.status_code == 422


def test_a_visitor_without_a_session_books_as_a_new_visitor(
    app: FastAPI, client: TestClient, caller: dict[str, str]
) -> None:
    answer = client.post("/api/v1/appointments", json=visit(), headers={"Idempotency-Key": "v"})
    assert answer.status_code == 201 and "millwork_session" in answer.cookies


def test_notifications_are_queued_with_the_booking(
    app: FastAPI, client: TestClient, caller: dict[str, str], clock: Any
) -> None:
    backend = backend_of(app)
    booked(client, caller, visit("2026-11-27T14:00:00+08:00"), "n")  # in 3 days and 2 hours
    due = backend.outbox.claim(clock.moment, clock.moment + timedelta(minutes=5), 10)
    assert [i.kind for i in due] == ["confirmation"]  # the reminder is due a day before
    backend.outbox.sent(due[0].id, clock.moment)
    early = clock.moment + timedelta(hours=49)
    assert not backend.outbox.claim(early, early + timedelta(minutes=5), 10)
    later = clock.moment + timedelta(hours=50)
    reminders = backend.outbox.claim(later, later + timedelta(minutes=5), 10)
    assert [i.kind for i in reminders] == ["reminder"]
    assert "BEGIN:VCALENDAR" in reminders[0].message["ics"]


def test_without_a_date_the_slots_are_todays_in_the_stores_zone(
    client: TestClient, caller: dict[str, str], clock: Any
) -> None:
    # 21:00 UTC on the 24th is already 05:00 on the 25th in Shanghai, 03:00 in Urumqi
    clock.moment = datetime.fromisoformat("2026-11-24T21:00:00+00:00")
    for store, offset in (("sh-xuhui", "+08:00"), ("xj-urumqi", "+06:00")):
        answer = client.get(f"/api/v1/stores/{store}/slots?kind=store_visit")
        assert answer.status_code == 200, answer.text
        starts = [s["start"] for s in answer.json()["slots"]]
        assert starts, store
        assert {s[:10] for s in starts} == {"2026-11-25"} and starts[0].endswith(offset)

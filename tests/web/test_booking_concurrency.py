"""No double booking under concurrency, through the real HTTP server, on SQLite and
PostgreSQL (RELIABILITY.md 1.6): 50 clients book one slot at once, exactly one gets it and
the 49 others a clean 409 ``slot_taken``, never a 5xx. And two senders running at once send
each notification once."""

from __future__ import annotations

import http.client
import json
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from catalog.catalog import Catalog
from persistence.mail_files import EmlFiles
from sales.hours import Interval
from services.booking_records import OutboxItem
from services.identity import Role
from services.notify import send_due
from tests.fakes import FixedClock
from tests.web.bookings_api import ONE_DESIGNER, visit, with_demo_stores
from tests.web.designs_api import backend_of, bearer, close_app
from tests.web.serving import serving
from web.app import create_app

CLIENTS = 50


@pytest.fixture
def served(db_url: str, catalog: Catalog, clock: FixedClock) -> Iterator[FastAPI]:
    app = create_app(catalog=catalog, clock=clock, database=db_url)
    with_demo_stores(backend_of(app))
    yield app
    close_app(app)


def post(where: tuple[str, int], body: dict[str, Any], headers: dict[str, str]) -> tuple[int, Any]:
    connection = http.client.HTTPConnection(*where, timeout=60)
    try:
        connection.request(
            "POST",
            "/api/v1/appointments",
            body=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", **headers},
        )
        answer = connection.getresponse()
        return answer.status, json.loads(answer.read())
    finally:
        connection.close()


def book_at_once(
    app: FastAPI, headers: list[dict[str, str]], body: dict[str, Any]
) -> list[tuple[int, Any]]:
    """Every request sent at the same moment (a barrier), each on its own connection."""
    barrier = threading.Barrier(len(headers))

    def one(h: dict[str, str]) -> tuple[int, Any]:
        barrier.wait(timeout=30)
        return post(where, body, h)

    with serving(app) as where, ThreadPoolExecutor(len(headers)) as pool:
        return list(pool.map(one, headers))


def test_fifty_clients_booking_one_slot_get_one_booking_and_49_slot_taken(
    served: FastAPI,
) -> None:
    caller = bearer(backend_of(served), "li.wei", Role.CONSUMER)
    headers = [{**caller, "Idempotency-Key": f"client-{i}"} for i in range(CLIENTS)]
    answers = book_at_once(served, headers, visit(ONE_DESIGNER))
    statuses = Counter(status for status, _ in answers)
    assert statuses == {201: 1, 409: CLIENTS - 1}, statuses
    assert all(b["error"]["code"] == "slot_taken" for s, b in answers if s == 409)
    backend = backend_of(served)
    calendar = backend.bookings.calendar("sh-xuhui")
    around = next(b for s, b in answers if s == 201)
    kept = backend.bookings.booked("sh-xuhui", _day_of(around["start"]))
    assert len(kept) == 1 and calendar.store.id == "sh-xuhui"


def test_one_key_sent_fifty_times_at_once_books_once(served: FastAPI) -> None:
    caller = bearer(backend_of(served), "li.wei", Role.CONSUMER)
    answers = book_at_once(served, [{**caller, "Idempotency-Key": "one"}] * CLIENTS, visit())
    assert {status for status, _ in answers} == {201}
    assert len({json.dumps(body, sort_keys=True) for _, body in answers}) == 1


class Counting:
    """A mailer that writes .eml files and counts each delivery."""

    def __init__(self, folder: Path) -> None:
        self.files, self.delivered = EmlFiles(folder), Counter[int]()
        self.lock = threading.Lock()

    def deliver(self, item: OutboxItem) -> None:
        with self.lock:
            self.delivered[item.id] += 1
        self.files.deliver(item)


def test_two_senders_at_once_send_each_notification_once(
    served: FastAPI, tmp_path: Path, clock: FixedClock
) -> None:
    backend = backend_of(served)
    caller = bearer(backend, "li.wei", Role.CONSUMER)
    starts = [f"2026-11-25T{h}:00:00+08:00" for h in (12, 13, 14, 15, 16, 17)]
    with serving(served) as where:
        for i, start in enumerate(starts):
            status, _ = post(where, visit(start), {**caller, "Idempotency-Key": f"n{i}"})
            assert status == 201
    clock.moment += timedelta(days=1)  # every reminder is due too
    mailer = Counting(tmp_path / "outbox")
    barrier = threading.Barrier(2)

    def sender() -> int:
        barrier.wait(timeout=30)
        return send_due(backend=backend, mailer=mailer).sent

    with ThreadPoolExecutor(2) as pool:
        sent = sum(pool.map(lambda _: sender(), range(2)))
    # each booking: a confirmation and a reminder
    assert sent == 2 * len(starts) == len(mailer.delivered)
    assert set(mailer.delivered.values()) == {1}
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == sent
    assert send_due(backend=backend, mailer=mailer).sent == 0  # a third run: nothing left


def _day_of(start: str) -> Interval:
    moment = datetime.fromisoformat(start)
    return Interval(moment - timedelta(days=1), moment + timedelta(days=1))

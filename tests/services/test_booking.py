"""The booking use cases on the fakes, on SQLite and on PostgreSQL (the fakes are held to
what the database adapters do): book, replay, refuse, move, cancel; notifications sent once,
a failed one tried again later."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from sales.appointments import AppointmentKind
from services.backend import Backend
from services.booking import BookingInput, Refusal, book, cancel_booking, reschedule_booking
from services.booking_records import OutboxItem
from services.demo import DEMO_CALENDARS, DEMO_STORES
from services.errors import InvalidInput, NotFound
from services.identity import Actor, Role
from services.notify import RETRY_AFTER, send_due
from services.ports import NewAccount
from tests.fakes import FixedClock

# NOW is Tuesday 2026-11-24 12:00 in Shanghai: Wednesday 10:00 has one designer at Xuhui
TEN = datetime.fromisoformat("2026-11-25T10:00:00+08:00")
TWO = datetime.fromisoformat("2026-11-25T14:00:00+08:00")


@pytest.fixture
def actor(backend: Backend, clock: FixedClock) -> Actor:
    for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True):
        backend.stores.put(store)
        backend.bookings.put_calendar(calendar)
    new = NewAccount(login="li.wei", role=Role.CONSUMER, at=clock.moment)
    return backend.accounts.add(new).actor


def visit(start: datetime = TEN) -> BookingInput:
    return BookingInput(
        store_id="sh-xuhui",
        kind=AppointmentKind.STORE_VISIT,
        start=start,
        name="李伟",
        phone="13800138000",
    )


def token_of(answer: dict[str, object]) -> str:
    return str(answer["manage_url"]).rsplit("/", 1)[1]


def test_book_replay_and_refuse(backend: Backend, actor: Actor) -> None:
    first = book(visit(), "k", "h1", actor=actor, backend=backend)
    assert not first.refused and first.answer["phone"] == "+8613800138000"
    again = book(visit(), "k", "h1", actor=actor, backend=backend)
    assert again.replayed and again.answer == first.answer
    with pytest.raises(InvalidInput, match="idempotency_key_reused"):
        book(visit(TWO), "k", "h2", actor=actor, backend=backend)
    taken = book(visit(), None, "h1", actor=actor, backend=backend)
    assert taken.problem is not None and taken.problem.code == "slot_taken"
    with pytest.raises(NotFound):
        book(replace(visit(), store_id="nowhere"), None, "", actor=actor, backend=backend)


def test_move_and_cancel(backend: Backend, actor: Actor) -> None:
    token = token_of(book(visit(), None, "", actor=actor, backend=backend).answer)
    moved, _ = reschedule_booking(token, TWO, backend=backend)
    assert moved.start == TWO and moved.sequence == 1
    assert not book(visit(), None, "", actor=actor, backend=backend).refused  # 10:00 free
    with pytest.raises(Refusal, match="slot_taken"):
        reschedule_booking(token, TEN, backend=backend)
    gone, _ = cancel_booking(token, backend=backend)
    assert gone.state == "cancelled" and gone.sequence == 2
    assert cancel_booking(token, backend=backend)[0] == gone
    with pytest.raises(Refusal, match="booking_cancelled"):
        reschedule_booking(token, TWO, backend=backend)


class Flaky:
    """A channel that fails the first time it is asked for each notification."""

    def __init__(self) -> None:
        self.tried: dict[int, int] = {}
        self.sent: list[int] = []

    def deliver(self, item: OutboxItem) -> None:
        self.tried[item.id] = self.tried.get(item.id, 0) + 1
        if self.tried[item.id] == 1:
            raise OSError("the mail server is away")
        self.sent.append(item.id)


def test_a_failed_notification_is_sent_later_once(
    backend: Backend, actor: Actor, clock: FixedClock
) -> None:
    book(visit(), None, "", actor=actor, backend=backend)  # confirmation and reminder, now
    mailer = Flaky()
    assert send_due(backend=backend, mailer=mailer).failed == 2
    assert send_due(backend=backend, mailer=mailer).sent == 0  # not due again yet
    clock.moment += RETRY_AFTER + timedelta(seconds=1)
    assert send_due(backend=backend, mailer=mailer).sent == 2
    assert send_due(backend=backend, mailer=mailer).sent == 0
    assert sorted(mailer.sent) == sorted(set(mailer.sent)) and len(mailer.sent) == 2

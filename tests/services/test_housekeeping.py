"""``millwork prune``: expired sessions, the failed log-ins and throttle events no window
counts any more, and week-old Idempotency-Key answers are deleted; everything still live
stays and still counts (on the fakes, SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from services.accounts import (
    FAILURE_WINDOW,
    SESSION_LIFETIME,
    Visitor,
    log_in,
    session_account,
    sign_up,
)
from services.backend import Backend
from services.booking import book
from services.demo import DEMO_CALENDARS, DEMO_STORES
from services.housekeeping import KEEP_FOR, KEYS_KEPT_FOR, Pruned, prune
from services.identity import Role
from services.ports import NewAccount
from services.throttle import NEW_VISITOR
from tests.fakes import FixedClock
from tests.services.test_booking import visit

PASSWORD = "a long enough password"  # noqa: S105 (a test's)


def test_prune_forgets_only_what_no_rule_counts(backend: Backend, clock: FixedClock) -> None:
    start = clock.moment
    old = sign_up("olga", PASSWORD, visitor=Visitor(address="a"), backend=backend)
    backend.accounts.record_failure("olga", "a", start)
    backend.throttle.record("new_visitor", "a", start, forget_before=start)
    clock.moment = start + SESSION_LIFETIME + timedelta(seconds=1)  # olga's session expired
    live = log_in("olga", PASSWORD, visitor=Visitor(address="b"), backend=backend)
    backend.accounts.record_failure("olga", "b", clock.moment)
    backend.throttle.record("new_visitor", "b", clock.moment, forget_before=clock.moment)
    # the old throttle events: the one recorded here and olga's sign-up
    assert prune(backend=backend) == Pruned(1, 1, 2, 0)
    assert prune(backend=backend) == Pruned(0, 0, 0, 0)
    assert session_account(old.token, backend=backend) is None
    assert session_account(live.token, backend=backend) is not None
    recent = clock.moment - FAILURE_WINDOW
    assert backend.accounts.failures_since("olga", "b", recent) == (1, 1)
    assert backend.throttle.count("new_visitor", "b", clock.moment - NEW_VISITOR.window) == 1


def test_prune_keeps_a_day_past_the_longest_window(backend: Backend, clock: FixedClock) -> None:
    start = clock.moment
    backend.accounts.record_failure("olga", "a", start)
    backend.throttle.record("sign_up", "a", start, forget_before=start)
    clock.moment = start + NEW_VISITOR.window + KEEP_FOR  # exactly as old as is kept
    assert prune(backend=backend) == Pruned(0, 0, 0, 0)
    clock.moment += timedelta(seconds=1)
    assert prune(backend=backend) == Pruned(0, 1, 1, 0)


def test_prune_forgets_idempotency_keys_after_a_week(backend: Backend, clock: FixedClock) -> None:
    for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True):
        backend.stores.put(store)
        backend.bookings.put_calendar(calendar)
    actor = backend.accounts.add(NewAccount(login="li.wei", role=Role.CONSUMER, at=clock.moment))
    first = book(visit(), "k1", "h1", actor=actor.actor, backend=backend)
    clock.moment += KEYS_KEPT_FOR
    replayed = book(visit(), "k1", "h1", actor=actor.actor, backend=backend)
    assert replayed.replayed and replayed.answer == first.answer
    assert prune(backend=backend).idempotency_keys == 0  # exactly a week old: kept
    clock.moment += timedelta(seconds=1)
    assert prune(backend=backend) == Pruned(0, 0, 0, 1)
    assert not book(visit(), "k1", "h1", actor=actor.actor, backend=backend).replayed

"""A store manager edits their store's schedule (DESIGN.md §7): opening hours, special hours,
closures, the daily caps, and the designers' hours, days off and skills. The slots follow at
once: they are computed from the calendar kept here.

Only the manager of that store may read or change it; the store itself is public (it is in
the list of stores), so anyone else signed in is refused ``Forbidden`` rather than told it
does not exist. A change names the version it was made on (an entity tag of the schedule as
read): when someone saved in between, it is refused ``StaleVersion`` instead of silently
undoing their change (RELIABILITY.md 2.2).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sales.appointments import Appointment
from sales.hours import Interval
from sales.schedule import apply_schedule, read_schedule, schedule_view, stranded
from services.backend import Backend
from services.booking_records import Calendar
from services.errors import Forbidden, InvalidInput, NotSignedIn, RevisionRequired, StaleVersion
from services.identity import Actor, Role

__all__ = ["StoreSchedule", "edit_store_schedule", "may_manage", "store_schedule"]

AHEAD = timedelta(days=62)  # how far ahead booked appointments are checked against the hours


@dataclass(frozen=True, slots=True)
class StoreSchedule:
    """A store's schedule as JSON values and its entity tag (``"s-…"``, quotes included), and
    the booked appointments ahead that it has no room for (``stranded``)."""

    store_id: str
    name: str
    timezone: str
    view: dict[str, Any]
    etag: str
    stranded: tuple[Appointment, ...] = ()


def may_manage(actor: Actor | None, store_id: str) -> bool:
    """Whether ``actor`` manages the store ``store_id``.

    >>> may_manage(Actor(account_id=1, role=Role.STORE_MANAGER, store_id="sh-1"), "sh-1")
    True
    >>> may_manage(Actor(account_id=1, role=Role.STORE_MANAGER, store_id="sh-1"), "bj-1")
    False
    >>> may_manage(Actor(account_id=2, role=Role.DESIGNER, store_id="sh-1"), "sh-1")
    False
    """
    return actor is not None and actor.role is Role.STORE_MANAGER and actor.store_id == store_id


def store_schedule(store_id: str, *, actor: Actor | None, backend: Backend) -> StoreSchedule:
    """The schedule of ``store_id`` for its manager."""
    calendar = backend.bookings.calendar(store_id)  # NotFound first: no such store
    _allowed(actor, store_id)
    return _schedule(calendar, backend)


def edit_store_schedule(
    store_id: str,
    body: object,
    if_match: str | None,
    *,
    actor: Actor | None,
    backend: Backend,
) -> StoreSchedule:
    """Replace the schedule of ``store_id`` with ``body`` (``schedule_view``'s shape), made on
    the version ``if_match``; ``InvalidInput`` with every mistake in it."""
    backend.bookings.calendar(store_id)
    _allowed(actor, store_id)
    if if_match is None:
        raise RevisionRequired("send If-Match with the ETag of the schedule you changed")
    edit, problems = read_schedule(body)
    if edit is None:
        raise InvalidInput(problems)

    def change(current: Calendar) -> Calendar:
        tag = _tag(current)
        if if_match.strip() not in (tag, "*"):
            raise StaleVersion("schedule", tag)
        store, designers = apply_schedule(current.store, current.designers, edit)
        return Calendar(store, designers)

    return _schedule(backend.bookings.edit_calendar(store_id, change), backend)


def _allowed(actor: Actor | None, store_id: str) -> None:
    if actor is None or actor.role is Role.ANONYMOUS:
        raise NotSignedIn("sign in as the store's manager")
    if not may_manage(actor, store_id):
        raise Forbidden("edit the schedule of a store you do not manage")


def _schedule(calendar: Calendar, backend: Backend) -> StoreSchedule:
    store = calendar.store
    now = backend.clock.now()
    booked = backend.bookings.booked(store.id, Interval(now, now + AHEAD))
    return StoreSchedule(
        store_id=store.id,
        name=store.name,
        timezone=store.zone,
        view=schedule_view(store, calendar.designers),
        etag=_tag(calendar),
        stranded=stranded(store, calendar.designers, booked),
    )


def _tag(calendar: Calendar) -> str:
    """The version of a schedule: a hash of what the manager sees of it."""
    view = schedule_view(calendar.store, calendar.designers)
    canonical = json.dumps(view, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f'"s-{hashlib.sha256(canonical.encode()).hexdigest()[:20]}"'

"""A store manager edits their store's schedule (on the fakes, SQLite and PostgreSQL): only
they may; a change made on a stale version is refused; the free slots follow at once; a
designer left out stops taking appointments, the ones booked stay."""

from __future__ import annotations

import copy
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from sales.appointments import AppointmentKind
from sales.hours import Interval
from services.backend import Backend
from services.booking import BookingInput, book, store_slots
from services.demo import DEMO_CALENDARS, DEMO_STORES
from services.errors import (
    AlreadyExists,
    Forbidden,
    InvalidInput,
    NotFound,
    NotSignedIn,
    RevisionRequired,
    StaleVersion,
)
from services.identity import Actor, Role
from services.ports import NewAccount
from services.store_schedule import edit_store_schedule, store_schedule
from tests.fakes import FixedClock, InMemoryBookings

WEDNESDAY = date(2026, 11, 25)  # NOW is Tuesday 2026-11-24 12:00 in Shanghai
VISIT = AppointmentKind.STORE_VISIT


@pytest.fixture
def manager(backend: Backend, clock: FixedClock) -> Actor:
    for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True):
        backend.stores.put(store)
        backend.bookings.put_calendar(calendar)
    new = NewAccount(
        login="zhang.min", role=Role.STORE_MANAGER, at=clock.moment, store_id="sh-xuhui"
    )
    return backend.accounts.add(new).actor


def body_of(view: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(view)


def starts(backend: Backend, day: date = WEDNESDAY, store: str = "sh-xuhui") -> list[str]:
    _, slots = store_slots(store, VISIT, day, day, backend=backend)
    zone = backend.bookings.calendar(store).store.tz
    return [s.start.astimezone(zone).strftime("%H:%M") for s in slots]


def test_the_manager_changes_the_hours_and_the_slots_follow(
    backend: Backend, manager: Actor
) -> None:
    assert starts(backend)[0] == "10:00"
    read = store_schedule("sh-xuhui", actor=manager, backend=backend)
    body = body_of(read.view)
    body["hours"][2] = [["14:00", "18:00"]]  # Wednesdays
    saved = edit_store_schedule("sh-xuhui", body, read.etag, actor=manager, backend=backend)
    assert saved.etag != read.etag and saved.view["hours"][2] == [["14:00", "18:00"]]
    assert starts(backend) == ["14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"]
    assert store_schedule("sh-xuhui", actor=manager, backend=backend) == saved
    # a closure that day: no slot; the Pudong store is not touched
    body["closures"].append({"first": "2026-11-25", "last": "2026-11-25", "name": "盘点"})
    edit_store_schedule("sh-xuhui", body, saved.etag, actor=manager, backend=backend)
    assert starts(backend) == [] and starts(backend, store="sh-pudong")[0] == "10:00"


def test_a_stale_or_missing_version_is_refused_and_nothing_changes(
    backend: Backend, manager: Actor
) -> None:
    read = store_schedule("sh-xuhui", actor=manager, backend=backend)
    mine, theirs = body_of(read.view), body_of(read.view)
    theirs["capacity"]["measurement"] = 2
    saved = edit_store_schedule("sh-xuhui", theirs, read.etag, actor=manager, backend=backend)
    mine["hours"][2] = []
    with pytest.raises(StaleVersion) as stale:
        edit_store_schedule("sh-xuhui", mine, read.etag, actor=manager, backend=backend)
    assert stale.value.current == saved.etag
    with pytest.raises(RevisionRequired):
        edit_store_schedule("sh-xuhui", mine, None, actor=manager, backend=backend)
    assert store_schedule("sh-xuhui", actor=manager, backend=backend) == saved


def test_mistakes_are_refused_with_their_paths(backend: Backend, manager: Actor) -> None:
    read = store_schedule("sh-xuhui", actor=manager, backend=backend)
    body = body_of(read.view)
    body["hours"][0] = [["21:00", "10:00"]]
    body["closures"].append({"first": "2027-02-09", "last": "2027-02-12"})
    with pytest.raises(InvalidInput) as refused:
        edit_store_schedule("sh-xuhui", body, read.etag, actor=manager, backend=backend)
    assert [(p.code, p.path) for p in refused.value.problems] == [
        ("closes_before_opening", "hours[0][0]"),
        ("closures_overlap", "closures[1]"),
    ]
    assert store_schedule("sh-xuhui", actor=manager, backend=backend) == read


def test_only_the_store_s_manager(backend: Backend, manager: Actor, clock: FixedClock) -> None:
    def actor(login: str, role: Role, store: str | None) -> Actor:
        new = NewAccount(login=login, role=role, at=clock.moment, store_id=store)
        return backend.accounts.add(new).actor

    with pytest.raises(NotFound):
        store_schedule("nowhere", actor=manager, backend=backend)
    with pytest.raises(NotSignedIn):
        store_schedule("sh-xuhui", actor=None, backend=backend)
    for other in (
        actor("wang.fang", Role.DESIGNER, "sh-xuhui"),
        actor("chen.jing", Role.STORE_MANAGER, "sh-pudong"),
        actor("sales", Role.SALES, None),
        actor("admin", Role.ADMIN, None),
    ):
        with pytest.raises(Forbidden):
            store_schedule("sh-xuhui", actor=other, backend=backend)
    read = store_schedule("sh-xuhui", actor=manager, backend=backend)
    with pytest.raises(Forbidden):
        edit_store_schedule("sh-pudong", read.view, "*", actor=manager, backend=backend)


def test_a_designer_left_out_takes_no_more_appointments_and_keeps_theirs(
    backend: Backend, manager: Actor
) -> None:
    ten = datetime.fromisoformat("2026-11-25T10:00:00+08:00")  # only 王芳 (d-wang) at work
    booked = book(
        BookingInput(store_id="sh-xuhui", kind=VISIT, start=ten, name="李伟", phone="13800138000"),
        None,
        "h",
        actor=manager,
        backend=backend,
    )
    assert booked.answer["designer"]["id"] == "d-wang"
    read = store_schedule("sh-xuhui", actor=manager, backend=backend)
    body = body_of(read.view)
    body["designers"] = [d for d in body["designers"] if d["id"] != "d-wang"]
    saved = edit_store_schedule("sh-xuhui", body, read.etag, actor=manager, backend=backend)
    assert [d["id"] for d in saved.view["designers"]] == ["d-li", "d-zhang"]
    assert [(a.designer, a.start) for a in saved.stranded] == [("d-wang", ten)]  # still booked
    assert starts(backend)[0] == "12:00"  # the others start at noon
    around = backend.bookings.booked("sh-xuhui", _day(WEDNESDAY))
    assert [a.designer for a in around] == ["d-wang"]
    # back again, and a new designer; an id of another store's designer is refused
    body["designers"].append(dict(read.view["designers"][1]))
    body["designers"].append(dict(read.view["designers"][1], id="d-new", name="新人"))
    saved = edit_store_schedule("sh-xuhui", body, saved.etag, actor=manager, backend=backend)
    assert [d["id"] for d in saved.view["designers"]] == ["d-li", "d-new", "d-wang", "d-zhang"]
    assert saved.stranded == ()
    assert starts(backend)[0] == "10:00"  # d-new works d-wang's hours and is free at ten
    body["designers"].append(dict(read.view["designers"][1], id="d-chen", name="陈静"))
    with pytest.raises(AlreadyExists):
        edit_store_schedule("sh-xuhui", body, saved.etag, actor=manager, backend=backend)
    assert store_schedule("sh-xuhui", actor=manager, backend=backend) == saved


def _day(day: date) -> Interval:
    """``day`` in Shanghai, as UTC."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=8)
    return Interval(start, start + timedelta(days=1))


def test_of_edits_made_at_once_on_one_version_one_is_kept(backend: Backend, manager: Actor) -> None:
    """Compare and swap under the store's lock: each edit reads the version inside the lock,
    so the others find it changed (a check before the lock would let two through)."""
    if isinstance(backend.bookings, InMemoryBookings):
        pytest.skip("the fakes run one thread")
    read = store_schedule("sh-xuhui", actor=manager, backend=backend)
    barrier = threading.Barrier(8)

    def edit(n: int) -> str:
        body = body_of(read.view)
        body["capacity"]["store_visit"] = n
        barrier.wait()
        try:
            edit_store_schedule("sh-xuhui", body, read.etag, actor=manager, backend=backend)
        except StaleVersion:
            return "stale"
        return "saved"

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(edit, range(8)))
    assert sorted(outcomes) == ["saved"] + ["stale"] * 7
    kept = store_schedule("sh-xuhui", actor=manager, backend=backend).view["capacity"]
    assert kept["store_visit"] == outcomes.index("saved")

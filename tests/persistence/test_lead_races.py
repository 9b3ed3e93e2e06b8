"""Leads under real concurrency (threads released together), on SQLite and PostgreSQL:
bookings from one phone at eight stores at once make one lead; numbers left at once, one
lead; the SLA job raced with the designer's acceptance, never both; two SLA jobs at once
reassign each lead once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar

import pytest
from sqlalchemy import Engine, text

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from pricing.price import PriceBook
from pricing.promotion_kinds import Promotions
from sales.appointments import AppointmentKind
from sales.ids import DesignerId, StoreId
from sales.leads import LeadSource, LeadState
from services.backend import Backend
from services.booking import BookingInput, book
from services.booking_records import Calendar
from services.demo import DEMO_CALENDARS
from services.identity import Actor, Role
from services.lead_records import Contact
from services.leads import LeadConflict, accept_lead, leave_number, link_designer, run_sla
from services.ports import NewAccount, Store
from tests.fakes import FixedCatalogs, FixedClock
from web.wiring import database_backend

T = TypeVar("T")
NOW = datetime(2026, 11, 25, 4, tzinfo=UTC)  # Wednesday noon in Shanghai
STORES = 8
FULL_WIDTH = "".join(chr(0xFF10 + int(c)) for c in "13800138000")  # a Chinese keyboard's
PHONES = ("13800138000", "+86 138 0013 8000", "0086-138-0013-8000", FULL_WIDTH)


@pytest.fixture
def backend(
    engine: Engine, catalog: Catalog, price_list: PriceList, promotions: Promotions
) -> Backend:
    """Eight copies of the Xuhui store (own rows, own designers) on a fixed clock."""
    catalogs = FixedCatalogs(catalog, PriceBook(price_list=price_list, promotions=promotions))
    backend = database_backend(engine, catalogs, FixedClock(NOW))
    xuhui = DEMO_CALENDARS[0]
    for n in range(STORES):
        store = replace(xuhui.store, id=StoreId(f"sh-{n}"))
        backend.stores.put(Store(id=store.id, name=store.name, city="上海", timezone=store.zone))
        staff = tuple(
            replace(d, id=DesignerId(f"{d.id}-{n}"), store=store.id) for d in xuhui.designers
        )
        backend.bookings.put_calendar(Calendar(store, staff))
    return backend


def at_once(calls: list[Callable[[], T]]) -> list[T | BaseException]:
    """Run every call in its own thread, released together; each one's answer or error."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T | BaseException:
        barrier.wait(timeout=30)
        try:
            return call()
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def consumer(backend: Backend, login: str = "li.wei") -> Actor:
    new = NewAccount(login=login, role=Role.CONSUMER, at=NOW)
    return backend.accounts.add(new).actor


def leads_of(engine: Engine, phone: str) -> list[Any]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id FROM leads WHERE phone = :p"), {"p": phone})
        return list(rows)


def test_bookings_from_one_phone_at_eight_stores_at_once_make_one_lead(
    backend: Backend, engine: Engine
) -> None:
    actor = consumer(backend)
    start = datetime.fromisoformat("2026-11-25T14:00:00+08:00")

    def booking(n: int) -> Callable[[], Any]:
        wanted = BookingInput(
            store_id=f"sh-{n}",
            kind=AppointmentKind.STORE_VISIT,
            start=start,
            name="李伟",
            phone=PHONES[n % len(PHONES)],
        )
        return lambda: book(wanted, None, "", actor=actor, backend=backend)

    answers = at_once([booking(n) for n in range(STORES)])
    assert all(not isinstance(a, BaseException) and not a.refused for a in answers), answers
    leads = leads_of(engine, "+8613800138000")
    assert len(leads) == 1
    assert {a.answer["lead_id"] for a in answers} == {leads[0].id}  # type: ignore[union-attr]
    lead = backend.leads.get(leads[0].id)
    steps = Counter(d.step for d in lead.decisions)
    assert steps == {"store": 1, "designer": 1, "duplicate": STORES - 1}


def test_numbers_left_at_once_make_one_lead(backend: Backend, engine: Engine) -> None:
    actor = consumer(backend)

    def leave(n: int) -> Callable[[], Any]:
        contact = Contact(source=LeadSource.PHONE, phone="+8613900001111", at=NOW)
        return lambda: leave_number(contact, actor=actor, backend=backend, address=f"a{n}")

    answers = at_once([leave(n) for n in range(12)])
    assert not [a for a in answers if isinstance(a, BaseException)]
    assert len(leads_of(engine, "+8613900001111")) == 1
    assert Counter(a.new for a in answers) == {True: 1, False: 11}  # type: ignore[union-attr]


def assigned_lead(backend: Backend, actor: Actor, phone: str) -> str:
    contact = Contact(source=LeadSource.PHONE, phone=phone, at=NOW, chosen_store="sh-0")
    plan = leave_number(contact, actor=actor, backend=backend, address=phone)
    assert plan.lead.state is LeadState.ASSIGNED
    return plan.lead.id


def test_the_sla_job_raced_with_an_acceptance_never_does_both(
    backend: Backend, engine: Engine
) -> None:
    actor = consumer(backend)
    designers = {}
    for d in ("d-wang-0", "d-li-0", "d-zhang-0"):
        login = d.replace("-", ".")
        account = backend.accounts.add(
            NewAccount(login=login, role=Role.DESIGNER, store_id="sh-0", at=NOW)
        )
        link_designer(d, login, backend=backend)
        designers[d] = account.actor
    outcomes: Counter[str] = Counter()
    for n in range(10):
        lead_id = assigned_lead(backend, actor, f"+861370000{n:04}")
        lead = backend.leads.get(lead_id)
        assert lead.sla_due is not None and lead.designer_id is not None
        backend.clock.moment = lead.sla_due + timedelta(seconds=1)  # type: ignore[attr-defined]
        owner = designers[lead.designer_id]
        job, accepted = at_once(
            [
                partial(run_sla, backend=backend),
                partial(accept_lead, lead_id, actor=owner, backend=backend),
            ]
        )
        assert not isinstance(job, BaseException)
        after = backend.leads.get(lead_id)
        steps = [d.step for d in after.decisions]
        if isinstance(accepted, LeadConflict):
            assert job.reassigned == 1 and after.state is LeadState.ASSIGNED  # type: ignore[union-attr]
            assert after.designer_id != lead.designer_id and "accepted" not in steps
            outcomes["reassigned"] += 1
        else:
            assert not isinstance(accepted, BaseException), accepted
            assert job.reassigned == 0 and after.state is LeadState.ACCEPTED  # type: ignore[union-attr]
            assert "sla" not in steps and after.designer_id == lead.designer_id
            outcomes["accepted"] += 1
        backend.clock.moment = NOW  # type: ignore[attr-defined]
    assert sum(outcomes.values()) == 10


def test_two_sla_jobs_at_once_reassign_each_lead_once(backend: Backend, engine: Engine) -> None:
    actor = consumer(backend)
    lead_ids = [assigned_lead(backend, actor, f"+861360000{n:04}") for n in range(6)]
    due = max(backend.leads.get(i).sla_due for i in lead_ids)  # type: ignore[type-var]
    backend.clock.moment = due + timedelta(minutes=1)  # type: ignore[attr-defined,operator]
    reports = at_once([lambda: run_sla(backend=backend)] * 4)
    assert not [r for r in reports if isinstance(r, BaseException)]
    assert sum(r.reassigned + r.escalated for r in reports) == len(lead_ids)  # type: ignore[union-attr]
    for lead_id in lead_ids:
        lapses = [d for d in backend.leads.get(lead_id).decisions if d.step == "sla"]
        assert len(lapses) == 1
    with engine.connect() as connection:
        told = connection.execute(
            text("SELECT count(*) FROM outbox WHERE kind = 'lead_lapsed'")
        ).scalar()
    assert told == len(lead_ids)  # the manager is told once per lapse

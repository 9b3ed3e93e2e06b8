"""The lead use cases on the fakes, on SQLite and on PostgreSQL: a booking makes a lead in its
transaction (or joins the one of its phone), a number left is routed by district with the
store's daily cap, the designer accepts once, and the SLA reassigns (telling the manager),
then escalates; every decision keeps its reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from sales.appointments import AppointmentKind
from sales.leads import LeadSource, LeadState
from sales.reasons import RouteReason
from services.backend import Backend
from services.booking import BookingInput, book
from services.demo import DEMO_CALENDARS, DEMO_STORES
from services.designs import create_design
from services.errors import Forbidden, InvalidInput, NotFound, TooManyAttempts
from services.identity import Actor, Role
from services.lead_handover import hand_over
from services.lead_records import Contact
from services.leads import (
    LeadConflict,
    accept_lead,
    agenda_of,
    lead_summary,
    leave_number,
    link_designer,
    list_leads,
    read_lead,
    run_sla,
)
from services.ports import NewAccount
from tests.fakes import FixedClock
from tests.lead_pool import escalate
from tests.web.designs_api import BEDROOM

TEN = datetime.fromisoformat("2026-11-25T10:00:00+08:00")  # only d-wang at Xuhui
URUMQI_NOON = datetime.fromisoformat("2026-11-25T12:00:00+06:00")
ALL_REASONS = {str(r) for r in RouteReason} | {"accepted"}


@pytest.fixture
def people(backend: Backend, clock: FixedClock) -> dict[str, Actor]:
    """The demo stores; a consumer; Xuhui's designers Wang and Li with their accounts, its
    manager, Pudong's manager, and sales."""
    for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True):
        backend.stores.put(store)
        backend.bookings.put_calendar(calendar)
    made = {}
    for login, role, store in (
        ("li.wei", Role.CONSUMER, None),
        ("wang", Role.DESIGNER, "sh-xuhui"),
        ("li", Role.DESIGNER, "sh-xuhui"),
        ("manager", Role.STORE_MANAGER, "sh-xuhui"),
        ("pudong", Role.STORE_MANAGER, "sh-pudong"),
        ("sales", Role.SALES, None),
    ):
        new = NewAccount(login=login, role=role, store_id=store, at=clock.moment)
        made[login] = backend.accounts.add(new).actor
    link_designer("d-wang", "wang", backend=backend)
    link_designer("d-li", "li", backend=backend)
    return made


def visit(start: datetime = TEN, **changes: object) -> BookingInput:
    fields: dict[str, object] = {
        "store_id": "sh-xuhui",
        "kind": AppointmentKind.STORE_VISIT,
        "start": start,
        "name": "李伟",
        "phone": "13800138000",
    }
    return BookingInput(**(fields | changes))  # type: ignore[arg-type]


def left(phone: str, at: datetime, **changes: object) -> Contact:
    return replace(Contact(source=LeadSource.PHONE, phone=phone, at=at), **changes)  # type: ignore[arg-type]


def test_a_booking_makes_a_lead_for_its_designer_with_the_design(
    backend: Backend, people: dict[str, Actor]
) -> None:
    consumer = people["li.wei"]
    design = create_design(BEDROOM, actor=consumer, backend=backend)
    answer = book(visit(design_id=design.id), None, "", actor=consumer, backend=backend).answer
    lead = read_lead(answer["lead_id"], actor=people["wang"], backend=backend)
    assert (lead.source, lead.state, lead.designer_id) == ("booking", "assigned", "d-wang")
    assert lead.design_id == design.id and lead.appointment_id == answer["id"]
    assert [d.code for d in lead.decisions] == ["booked_store", "booked_designer"]
    assert lead.sla_due == datetime.fromisoformat("2026-11-24T14:00:00+08:00")
    # the store took the design on: its designer may open it
    assert backend.designs.owned(design.id).store_id == "sh-xuhui"
    # another booking from the same number, at another store: the same lead, which keeps
    # its designer, and says why
    again = book(
        visit(URUMQI_NOON, store_id="xj-urumqi", phone="+86 138-0013-8000"),
        None,
        "",
        actor=consumer,
        backend=backend,
    ).answer
    assert again["lead_id"] == lead.id
    joined = read_lead(lead.id, actor=people["sales"], backend=backend)
    assert joined.designer_id == "d-wang" and joined.decisions[-1].code == "duplicate"
    assert joined.decisions[-1].params["lead"] == lead.id
    workspace = agenda_of(TEN.date(), TEN.date(), actor=people["wang"], backend=backend)
    assert [(r.id, lead_id) for r, lead_id, _ in workspace] == [(answer["id"], lead.id)]


def test_who_sees_and_who_accepts(backend: Backend, people: dict[str, Actor]) -> None:
    answer = book(visit(), None, "", actor=people["li.wei"], backend=backend).answer
    lead_id = answer["lead_id"]
    for who in ("li", "pudong"):  # not theirs: as if there were none
        with pytest.raises(NotFound):
            read_lead(lead_id, actor=people[who], backend=backend)
        with pytest.raises(NotFound):
            accept_lead(lead_id, actor=people[who], backend=backend)
    for who in ("li.wei",):
        with pytest.raises(Forbidden):
            list_leads(actor=people[who], backend=backend, cursor=None, limit=10)
    with pytest.raises(Forbidden):  # sales read every lead, accept none
        accept_lead(lead_id, actor=people["sales"], backend=backend)
    assert [
        r.id for r in list_leads(actor=people["li"], backend=backend, cursor=None, limit=9)[0]
    ] == []
    accepted = accept_lead(lead_id, actor=people["wang"], backend=backend)
    assert accepted.state is LeadState.ACCEPTED and accepted.sla_due is None
    assert accepted.decisions[-1].step == "accepted"
    with pytest.raises(LeadConflict, match="lead_already_accepted"):
        accept_lead(lead_id, actor=people["manager"], backend=backend)


def test_numbers_left_are_routed_by_district_within_the_daily_cap(
    backend: Backend, people: dict[str, Actor], clock: FixedClock
) -> None:
    at = clock.moment
    sent = []
    for n in range(16):  # Urumqi takes 15 a day
        contact = left(f"+86139{n:08}", at, district="650102")
        sent.append(leave_number(contact, actor=people["li.wei"], backend=backend, address=f"a{n}"))
    stores = [plan.lead.store_id for plan in sent]
    assert stores == ["xj-urumqi"] * 15 + [None]
    assert sent[-1].decisions[0].code == "fallback_pool"
    assert sent[-1].decisions[0].params["full"] == "xj-urumqi"
    designers = [plan.lead.designer_id for plan in sent[:15]]
    assert sorted({d: designers.count(d) for d in designers}.values()) == [7, 8]  # fair share
    # the next local day the store has room again
    clock.moment = at + timedelta(days=1)
    plan = leave_number(
        left("+8613912345678", clock.moment, district="650102"),
        actor=people["li.wei"],
        backend=backend,
        address="b",
    )
    assert plan.lead.store_id == "xj-urumqi"
    summary = lead_summary(actor=people["sales"], backend=backend)
    assert {r["store_id"]: r["leads"] for r in summary["by_store"]} == {
        None: 1,
        "xj-urumqi": 16,
    }


def test_one_address_leaves_only_so_many_numbers(
    backend: Backend, people: dict[str, Actor], clock: FixedClock
) -> None:
    for n in range(20):
        leave_number(
            left(f"+86137{n:08}", clock.moment),
            actor=people["li.wei"],
            backend=backend,
            address="x",
        )
    with pytest.raises(TooManyAttempts):
        leave_number(
            left("+8613799999999", clock.moment),
            actor=people["li.wei"],
            backend=backend,
            address="x",
        )


def test_the_sla_reassigns_tells_the_manager_then_escalates(
    backend: Backend, people: dict[str, Actor], clock: FixedClock
) -> None:
    design = create_design(BEDROOM, actor=people["li.wei"], backend=backend)
    clock.moment += timedelta(days=1)  # Wednesday noon: three designers at work at Xuhui
    contact = left("+8613611112222", clock.moment, chosen_store="sh-xuhui", design_id=design.id)
    plan = leave_number(contact, actor=people["li.wei"], backend=backend, address="a")
    first = plan.lead
    assert first.designer_id is not None and first.sla_due is not None
    clock.moment = first.sla_due - timedelta(seconds=1)
    assert run_sla(backend=backend).reassigned == 0
    clock.moment = first.sla_due
    report = run_sla(backend=backend)
    assert (report.reassigned, report.escalated) == (1, 0)
    assert run_sla(backend=backend).reassigned == 0  # a second run changes nothing
    moved = read_lead(first.id, actor=people["manager"], backend=backend)
    assert moved.designer_id not in (None, first.designer_id)
    assert moved.lapsed == (first.designer_id,)
    assert [d.code for d in moved.decisions[-2:]] == ["sla_reassigned", "fair_share"]
    assert {d.code for d in moved.decisions} <= ALL_REASONS
    # the manager was told: a notice about the lead in the outbox
    now = clock.moment
    notices = backend.outbox.claim(now, now + timedelta(minutes=1), 50)
    assert [(i.kind, i.lead_id) for i in notices] == [("lead_lapsed", first.id)]
    assert first.id in notices[0].message["text"]
    # the designer who let it pass still sees it, and may no longer accept it
    lapsed_by = {"d-wang": "wang", "d-li": "li"}.get(str(first.designer_id))
    if lapsed_by is not None:
        with pytest.raises(LeadConflict, match="lead_reassigned"):
            accept_lead(first.id, actor=people[lapsed_by], backend=backend)
    # the second lapse goes to the manager to decide
    assert moved.sla_due is not None
    clock.moment = moved.sla_due + timedelta(minutes=1)
    assert run_sla(backend=backend).escalated == 1
    escalated = read_lead(first.id, actor=people["sales"], backend=backend)
    assert (escalated.state, escalated.designer_id) == (LeadState.POOLED, None)
    assert escalated.decisions[-1].code == "sla_escalated"
    assert escalated.decisions[-1].params["why"] == "again"


def test_a_design_that_is_not_the_callers_is_not_attached(
    backend: Backend, people: dict[str, Actor], clock: FixedClock
) -> None:
    other = backend.accounts.add(
        NewAccount(login="other", role=Role.CONSUMER, at=clock.moment)
    ).actor
    design = create_design(BEDROOM, actor=other, backend=backend)
    with pytest.raises(NotFound):
        leave_number(
            left("+8613800001111", clock.moment, design_id=design.id),
            actor=people["li.wei"],
            backend=backend,
            address="a",
        )
    assert backend.designs.owned(design.id).store_id is None


def test_the_manager_hands_a_pooled_lead_to_a_designer_of_the_store(
    backend: Backend, people: dict[str, Actor], clock: FixedClock
) -> None:
    lead_id = book(visit(), None, "", actor=people["li.wei"], backend=backend).answer["lead_id"]
    assert lead_id
    with pytest.raises(LeadConflict, match="lead_not_pooled"):
        hand_over(lead_id, "d-li", actor=people["manager"], backend=backend)
    escalate(lead_id, backend, clock)
    for who in ("wang", "sales"):
        with pytest.raises(Forbidden):
            hand_over(lead_id, "d-li", actor=people[who], backend=backend)
    with pytest.raises(NotFound):
        hand_over(lead_id, "d-li", actor=people["pudong"], backend=backend)
    with pytest.raises(InvalidInput, match="unknown_designer"):
        hand_over(lead_id, "d-chen", actor=people["manager"], backend=backend)
    given = hand_over(lead_id, "d-li", actor=people["manager"], backend=backend)
    assert (given.state, given.store_id, given.designer_id) == (
        LeadState.ASSIGNED,
        "sh-xuhui",
        "d-li",
    )
    assert given.assigned_at == clock.moment and given.sla_due is not None
    last = given.decisions[-1]
    assert (last.step, last.code, last.designer_id) == ("designer", "by_manager", "d-li")
    assert last.actor_id == people["manager"].account_id
    assert {d.code for d in given.decisions} <= ALL_REASONS
    assert accept_lead(lead_id, actor=people["li"], backend=backend).state is LeadState.ACCEPTED

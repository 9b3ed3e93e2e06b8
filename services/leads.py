"""Leads (issue 13 item 4): a contact becomes a lead or joins the one of its phone, is routed
to a store and a designer with a reason for every decision, and must be accepted within the
SLA, else it is reassigned and the store manager told (``millwork leads sla``).

The decisions are the sales core's (``find_duplicate``, ``route_store``, ``route_designer``,
``sla_outcome``) on facts the storage reads under its locks; a change of state is kept only
if the lead is still as it was read, so a job run twice, or raced with an acceptance, changes
it once.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

from kernel.problems import Problem
from sales.hours import Interval
from sales.ids import DesignerId, StoreId
from sales.leads import LeadSource, LeadState, find_duplicate
from sales.local_time import local_date, wall_to_utc
from sales.reasons import Reason
from sales.routing import Workload, route_designer, route_store
from sales.sla import Assignment, Escalate, Reassign, Sla, Waiting, sla_due, sla_outcome
from sales.stores import Skill, Store
from services.access import may_read
from services.backend import Backend
from services.booking_records import AppointmentRecord, Calendar, Notification
from services.errors import Forbidden, InvalidInput, NotFound
from services.identity import Actor, Role
from services.lead_records import (
    Contact,
    DecideLead,
    Decision,
    LeadFacts,
    LeadPlan,
    LeadRecord,
    LeadScope,
    LeadTally,
    SlaChange,
)
from services.problems import ServiceProblem
from services.throttle import NEW_LEAD, admit

__all__ = [
    "SLA",
    "WORKLOAD_PERIOD",
    "LeadConflict",
    "SlaReport",
    "accept_lead",
    "agenda_of",
    "booking_contact",
    "decide_contact",
    "lead_summary",
    "lead_tally",
    "leave_number",
    "link_designer",
    "list_leads",
    "read_lead",
    "routed_today",
    "run_sla",
    "scope_for",
    "sla_change",
]

SLA: Final = Sla()  # two hours of the store's opening hours, one reassignment
WORKLOAD_PERIOD: Final = timedelta(days=30)  # a designer's fair share counts this far back
SLA_BATCH: Final = 500


class LeadConflict(Exception):
    """The lead is no longer as the caller saw it (accepted already, or reassigned): 409."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem.code))
        self.problem = problem


def decide_contact(facts: LeadFacts, *, new_id: str) -> LeadPlan:
    """Join the lead of the contact's phone (it keeps its owner; one still in the pool is
    routed by a booking), or make lead ``new_id`` and route it."""
    contact = facts.contact
    owners = {r.id: r for r in facts.same_phone}
    duplicate = find_duplicate(contact.phone, contact.at, [r.lead() for r in owners.values()])
    if duplicate is not None:
        owner = owners[duplicate.owner.id]
        joined = replace(
            owner,
            design_id=owner.design_id or contact.design_id,
            appointment_id=contact.appointment_id or owner.appointment_id,
        )
        first = _decision(
            contact.at, "duplicate", duplicate.reason, owner.store_id, owner.designer_id
        )
        if owner.store_id is None and contact.booked_store is not None:
            routed, decisions = _route(joined, facts)
            return LeadPlan(lead=routed, new=False, decisions=(first, *decisions))
        return LeadPlan(lead=joined, new=False, decisions=(first,))
    fresh = LeadRecord(
        id=new_id,
        source=contact.source,
        phone=contact.phone,
        name=contact.name,
        state=LeadState.POOLED,
        store_id=None,
        designer_id=None,
        design_id=contact.design_id,
        appointment_id=contact.appointment_id,
        district=contact.district,
        location=contact.location,
        skill=contact.skill,
        created_at=contact.at,
    )
    routed, decisions = _route(fresh, facts)
    return LeadPlan(lead=routed, new=True, decisions=decisions)


def _route(record: LeadRecord, facts: LeadFacts) -> tuple[LeadRecord, tuple[Decision, ...]]:
    """Send ``record`` to a store and a designer of it, each step with its decision."""
    contact, at = facts.contact, facts.contact.at
    lead = replace(
        record.lead(),
        chosen_store=StoreId(contact.chosen_store) if contact.chosen_store else None,
        booked_store=StoreId(contact.booked_store) if contact.booked_store else None,
        booked_designer=DesignerId(contact.booked_designer) if contact.booked_designer else None,
    )
    calendars = {c.store.id: c for c in facts.calendars}
    stores = [c.store for c in facts.calendars]
    to_store = route_store(lead, stores, routed_today(facts.routed, stores, at))
    by_store = _decision(at, "store", to_store.reason, to_store.store, None)
    if to_store.store is None:
        return replace(record, state=LeadState.POOLED, store_id=None), (by_store,)
    calendar = calendars[to_store.store]
    workload = {DesignerId(d): w for d, w in facts.workload.items()}
    to_designer = route_designer(lead, calendar.store, calendar.designers, workload, at=at)
    by_designer = _decision(
        at, "designer", to_designer.reason, calendar.store.id, to_designer.designer
    )
    if to_designer.designer is None:  # the store manager assigns it
        pooled = replace(record, state=LeadState.POOLED, store_id=calendar.store.id)
        return pooled, (by_store, by_designer)
    assigned = replace(
        record,
        state=LeadState.ASSIGNED,
        store_id=calendar.store.id,
        designer_id=to_designer.designer,
        assigned_at=at,
        sla_due=sla_due(at, calendar.store, SLA),
    )
    return assigned, (by_store, by_designer)


def routed_today(
    routed: tuple[tuple[str, datetime], ...], stores: list[Store], at: datetime
) -> dict[StoreId, int]:
    """How many leads each store took on its own local date of ``at``."""
    zones = {s.id: s.tz for s in stores}
    counts: dict[StoreId, int] = {}
    for store_id, when in routed:
        zone = zones.get(StoreId(store_id))
        if zone is not None and local_date(when, zone) == local_date(at, zone):
            counts[StoreId(store_id)] = counts.get(StoreId(store_id), 0) + 1
    return counts


def _decision(
    at: datetime,
    step: str,
    reason: Reason,
    store_id: str | None,
    designer_id: str | None,
    actor_id: int | None = None,
) -> Decision:
    return Decision(
        at=at,
        step=step,
        code=str(reason.code),
        params=reason.params,
        store_id=store_id,
        designer_id=designer_id,
        actor_id=actor_id,
    )


def booking_contact(
    record: AppointmentRecord, skill: Skill | None = None
) -> tuple[Contact, DecideLead]:
    """A booking's contact and its decision, for ``Outcome.lead``."""
    contact = Contact(
        source=LeadSource.BOOKING,
        phone=record.customer_phone,
        name=record.customer_name,
        at=record.created_at,
        design_id=record.design_id,
        skill=skill,
        booked_store=record.store_id,
        booked_designer=record.designer_id,
        appointment_id=record.id,
    )
    new_id = new_lead_id()
    return contact, lambda facts: decide_contact(facts, new_id=new_id)


def new_lead_id() -> str:
    return secrets.token_hex(8)


def leave_number(contact: Contact, *, actor: Actor, backend: Backend, address: str) -> LeadPlan:
    """A consumer leaves a number (or asks for a quote), maybe with their design: a lead,
    or the lead of that phone joined. One address may leave only so many (``NEW_LEAD``)."""
    admit(NEW_LEAD, address, throttle=backend.throttle, clock=backend.clock)
    if contact.design_id is not None and not may_read(
        actor, backend.designs.owned(contact.design_id)
    ):
        raise NotFound("design", contact.design_id)
    if contact.chosen_store is not None:
        backend.bookings.calendar(contact.chosen_store)  # NotFound: no such store
    new_id = new_lead_id()
    return backend.leads.take(contact, lambda facts: decide_contact(facts, new_id=new_id))


def scope_for(actor: Actor, backend: Backend) -> LeadScope:
    """The leads ``actor`` may see (DESIGN.md §5): a designer those given to them (and those
    they let lapse), a store manager the store's, sales every store's; nobody else any."""
    if actor.role is Role.DESIGNER:
        mine = backend.leads.designer_of(actor.account_id)
        if mine is None:
            raise Forbidden("see leads: this account is not a designer of a store")
        return LeadScope(designer_id=mine)
    if actor.role is Role.STORE_MANAGER and actor.store_id is not None:
        return LeadScope(store_id=actor.store_id)
    if actor.role is Role.SALES:
        return LeadScope(every_store=True)
    raise Forbidden("see leads")


def list_leads(
    *, actor: Actor, backend: Backend, cursor: str | None, limit: int
) -> tuple[list[LeadRecord], str | None]:
    """A page of the leads ``actor`` may see, newest first."""
    return backend.leads.page(scope_for(actor, backend), cursor, limit)


def read_lead(lead_id: str, *, actor: Actor, backend: Backend) -> LeadRecord:
    """One lead ``actor`` may see (``NotFound`` otherwise, as if there were none)."""
    scope = scope_for(actor, backend)
    record = backend.leads.get(lead_id)
    if not _in_scope(record, scope):
        raise NotFound("lead", lead_id)
    return record


def _in_scope(record: LeadRecord, scope: LeadScope) -> bool:
    if scope.every_store:
        return True
    if scope.store_id is not None:
        return record.store_id == scope.store_id
    return scope.designer_id is not None and (
        record.designer_id == scope.designer_id or scope.designer_id in record.lapsed
    )


def accept_lead(lead_id: str, *, actor: Actor, backend: Backend) -> LeadRecord:
    """The assigned designer (or their store manager, for them) accepts the lead;
    ``LeadConflict`` if it was accepted or reassigned meanwhile."""
    record = read_lead(lead_id, actor=actor, backend=backend)
    if actor.role not in (Role.DESIGNER, Role.STORE_MANAGER):
        raise Forbidden("accept a lead: only its designer or the store manager")
    _still_assigned(record, backend, actor)
    assert record.designer_id is not None
    now = backend.clock.now()
    if not backend.leads.accept(lead_id, record.designer_id, now, actor.account_id):
        _still_assigned(backend.leads.get(lead_id), backend, actor)
        raise LeadConflict(Problem.of(ServiceProblem.LEAD_REASSIGNED, "lead", lead=lead_id))
    return backend.leads.get(lead_id)


def _still_assigned(record: LeadRecord, backend: Backend, actor: Actor) -> None:
    """Refuse (409) a lead that is no longer waiting for this actor to accept it."""
    if record.state is LeadState.ACCEPTED:
        raise LeadConflict(Problem.of(ServiceProblem.LEAD_ACCEPTED, "lead", lead=record.id))
    mine = backend.leads.designer_of(actor.account_id) if actor.role is Role.DESIGNER else None
    waiting = record.state is LeadState.ASSIGNED and (
        actor.role is Role.STORE_MANAGER or record.designer_id == mine
    )
    if not waiting:
        raise LeadConflict(Problem.of(ServiceProblem.LEAD_REASSIGNED, "lead", lead=record.id))


@dataclass(frozen=True, slots=True)
class SlaReport:
    """What a run of the SLA job did: reassigned, sent to the manager, left (another run or
    an acceptance came first)."""

    reassigned: int
    escalated: int
    skipped: int


def run_sla(*, backend: Backend) -> SlaReport:
    """Reassign (or hand to the store manager) every lead not accepted by its due time, and
    tell the manager; safe to run twice at once."""
    now = backend.clock.now()
    workload = backend.leads.workload(now - WORKLOAD_PERIOD)
    counts = {"reassigned": 0, "escalated": 0, "skipped": 0}
    for record in backend.leads.lapsed(now, SLA_BATCH):
        assert record.store_id and record.designer_id and record.assigned_at
        calendar = backend.bookings.calendar(record.store_id)
        change = sla_change(record, calendar, workload, now=now)
        if change is None:
            continue
        if backend.leads.apply_sla(change):
            kind = "reassigned" if change.designer_id else "escalated"
            counts[kind] += 1
            if change.designer_id:
                was = workload.get(change.designer_id, Workload())
                workload[change.designer_id] = Workload(was.open + 1, was.assigned + 1)
        else:
            counts["skipped"] += 1
    return SlaReport(**counts)


def sla_change(
    record: LeadRecord, calendar: Calendar, workload: Mapping[str, Workload], *, now: datetime
) -> SlaChange | None:
    """What the SLA asks of an assigned lead at ``now`` (``None``: still within it)."""
    assert record.designer_id is not None and record.assigned_at is not None
    assignment = Assignment(
        lead=record.lead(),
        designer=DesignerId(record.designer_id),
        at=record.assigned_at,
        lapsed=tuple(DesignerId(d) for d in record.lapsed),
    )
    loads = {DesignerId(d): w for d, w in workload.items()}
    outcome = sla_outcome(assignment, calendar.store, calendar.designers, loads, now=now, sla=SLA)
    if isinstance(outcome, Waiting):
        return None
    store = calendar.store
    lapsed = (*record.lapsed, record.designer_id)
    if isinstance(outcome, Reassign):
        lapse, choice = outcome.reasons
        decisions: tuple[Decision, ...] = (
            _decision(now, "sla", lapse, store.id, record.designer_id),
            _decision(now, "designer", choice, store.id, outcome.to),
        )
        state, designer, due = LeadState.ASSIGNED, str(outcome.to), sla_due(now, store, SLA)
    else:
        assert isinstance(outcome, Escalate)
        decisions = (_decision(now, "sla", outcome.reason, store.id, None),)
        state, designer, due = LeadState.POOLED, None, None
    return SlaChange(
        lead_id=record.id,
        expected_designer=record.designer_id,
        expected_at=record.assigned_at,
        state=state,
        designer_id=designer,
        assigned_at=now if designer else None,
        sla_due=due,
        lapsed=lapsed,
        decisions=decisions,
        notifications=(_manager_notice(record, store, designer, now=now),),
    )


def _manager_notice(
    record: LeadRecord, store: Store, to: str | None, *, now: datetime
) -> Notification:
    """The store manager's notice of a lapsed lead: who let it pass, who has it now."""
    assert record.sla_due is not None
    due = record.sla_due.astimezone(store.tz)
    now_with = f"改派给 Reassigned to: {to}" if to else "请店长分配 Please assign it yourself"
    lines = [
        f"{store.name} 店长 Store manager:",
        "",
        f"线索 Lead {record.id} ({record.name or record.phone}) "
        f"未在 {due:%Y-%m-%d %H:%M} 前被 {record.designer_id} 接收。",
        f"It was not accepted by {record.designer_id} by {due:%Y-%m-%d %H:%M} ({store.zone}).",
        now_with,
        "",
        f"工作台 Workspace: /workspace?lead={record.id}",
    ]
    return Notification(
        kind="lead_lapsed",
        due_at=now,
        message={
            "to": "",
            "phone": "",
            "subject": f"线索超时 Lead not accepted in time · {store.name} · {record.id}",
            "text": "\n".join(lines) + "\n",
        },
    )


def lead_tally(*, actor: Actor, backend: Backend) -> list[LeadTally]:
    """Counts of leads by source, store and state, for sales (every store) and a store
    manager (their store)."""
    scope = scope_for(actor, backend)
    if scope.designer_id is not None:
        raise Forbidden("see the sales view")
    tally = backend.leads.tally()
    if scope.store_id is not None:
        tally = [t for t in tally if t.store_id == scope.store_id]
    return tally


MAX_AGENDA_DAYS: Final = 62
AGENDA_ZONE: Final = ZoneInfo("Asia/Shanghai")  # whose dates an agenda is asked for by


def lead_summary(*, actor: Actor, backend: Backend) -> dict[str, list[dict[str, Any]]]:
    """Leads by source, store and state, and per source and per store how many came, were
    accepted and were won (the conversion: won of all)."""
    tally = lead_tally(actor=actor, backend=backend)
    return {
        "counts": [
            {"source": t.source, "store_id": t.store_id, "state": t.state, "count": t.count}
            for t in tally
        ],
        "by_source": _conversion(tally, lambda t: t.source, "source"),
        "by_store": _conversion(tally, lambda t: t.store_id, "store_id"),
    }


def _conversion(
    tally: list[LeadTally], key: Callable[[LeadTally], str | None], name: str
) -> list[dict[str, Any]]:
    groups: dict[str | None, dict[str, int]] = {}
    for t in tally:
        group = groups.setdefault(key(t), {"leads": 0, "accepted": 0, "won": 0, "lost": 0})
        group["leads"] += t.count
        if t.state in (LeadState.ACCEPTED, LeadState.WON, LeadState.LOST):
            group["accepted"] += t.count  # a closed lead was accepted before it closed
        if t.state in (LeadState.WON, LeadState.LOST):
            group[t.state] += t.count
    return [
        {name: k, **g, "conversion": round(g["won"] / g["leads"], 4) if g["leads"] else 0.0}
        for k, g in sorted(groups.items(), key=lambda kv: kv[0] or "")
    ]


def agenda_of(
    first: date | None, last: date | None, *, actor: Actor, backend: Backend
) -> list[tuple[AppointmentRecord, str | None, Calendar]]:
    """The booked appointments ``actor`` may see on Beijing dates ``first``–``last`` (at
    most ``MAX_AGENDA_DAYS``; by default today and the six days after; a designer their
    own, a store manager their store's, sales every store's), each with its lead and
    calendar."""
    first = first or backend.clock.now().astimezone(AGENDA_ZONE).date()
    if last is None:
        last = first + timedelta(days=6) if first < date(2199, 1, 1) else first
    if not (date(2000, 1, 1) <= first <= last < date(2200, 1, 1)) or (
        (last - first).days >= MAX_AGENDA_DAYS
    ):
        raise InvalidInput(
            [Problem.of(ServiceProblem.INVALID_RANGE, "to", max_days=MAX_AGENDA_DAYS)]
        )
    around = Interval(
        wall_to_utc(first, time(0), AGENDA_ZONE),
        wall_to_utc(last + timedelta(days=1), time(0), AGENDA_ZONE),
    )
    scope = scope_for(actor, backend)
    found = backend.leads.agenda(scope.store_id, scope.designer_id, around)
    calendars: dict[str, Calendar] = {}
    for record, _ in found:
        if record.store_id not in calendars:
            calendars[record.store_id] = backend.bookings.calendar(record.store_id)
    return [(record, lead, calendars[record.store_id]) for record, lead in found]


def link_designer(designer_id: str, login: str, *, backend: Backend) -> None:
    """Let the designer account ``login`` sign in as designer ``designer_id`` of its store
    (their workspace then shows that designer's leads and appointments)."""
    account = backend.accounts.credentials(login).account
    if account.role is not Role.DESIGNER or account.store_id is None:
        raise Forbidden(f"sign in as a designer: {login} is not a designer of a store")
    staff = backend.bookings.calendar(account.store_id).designers
    if all(d.id != designer_id for d in staff):
        raise NotFound("designer", designer_id)
    backend.leads.link_designer(designer_id, account.id)

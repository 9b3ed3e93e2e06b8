"""An in-memory fake of the ``Leads`` port: one thread, so the locks are not needed; the
conditional updates are plain checks. ``tests/services/test_leads.py`` runs the use cases on
it and on the databases, holding it to what the adapter does."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from kernel.problems import Problem
from sales.hours import Interval
from sales.leads import LeadState
from sales.routing import Workload
from services.booking_records import AppointmentRecord, Notification
from services.errors import InvalidInput, NotFound
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
from services.leads import WORKLOAD_PERIOD
from services.problems import ServiceProblem

__all__ = ["InMemoryLeads"]


@dataclass(slots=True)
class InMemoryLeads:
    """Leads in a dict; ``bookings`` and ``designs`` are the fakes it reads and attaches."""

    bookings: object
    designs: object
    leads: dict[str, LeadRecord] = field(default_factory=dict)
    decisions: list[tuple[str, Decision]] = field(default_factory=list)
    accounts: dict[str, int] = field(default_factory=dict)  # designer -> account

    def take(self, contact: Contact, decide: DecideLead) -> LeadPlan:
        calendars = tuple(self.bookings.calendars.values())  # type: ignore[attr-defined]
        routed = tuple(
            (d.store_id, d.at)
            for _, d in self.decisions
            if d.step == "store"
            and d.store_id
            and d.code != "booked_store"
            and d.at >= contact.at - timedelta(days=2)
        )
        facts = LeadFacts(
            contact=contact,
            same_phone=tuple(r for r in self.leads.values() if r.phone == contact.phone),
            calendars=tuple(sorted(calendars, key=lambda c: c.store.id)),
            workload=self.workload(contact.at - WORKLOAD_PERIOD),
            routed=routed,
        )
        plan = decide(facts)
        self.leads[plan.lead.id] = dataclasses.replace(plan.lead, decisions=())
        self.decisions.extend((plan.lead.id, d) for d in plan.decisions)
        self._tell(plan.lead.id, plan.notifications)
        lead = plan.lead
        designs: Any = self.designs
        if lead.design_id and lead.store_id and designs.owned(lead.design_id).store_id is None:
            designs.attach(lead.design_id, lead.store_id)
        return plan

    def _tell(self, lead_id: str, notifications: tuple[Notification, ...]) -> None:
        outbox: Any = self.bookings.outbox  # type: ignore[attr-defined]
        outbox.add_about(None, lead_id, notifications)

    def get(self, lead_id: str) -> LeadRecord:
        if lead_id not in self.leads:
            raise NotFound("lead", lead_id)
        found = tuple(d for i, d in self.decisions if i == lead_id)
        return dataclasses.replace(self.leads[lead_id], decisions=found)

    def page(
        self, scope: LeadScope, cursor: str | None, limit: int
    ) -> tuple[list[LeadRecord], str | None]:
        if cursor is not None and cursor not in self.leads:
            raise InvalidInput([Problem.of(ServiceProblem.INVALID_CURSOR, "cursor")])
        lapsed_by = {i for i, d in self.decisions if d.step == "sla"}
        chosen = [
            r
            for r in self.leads.values()
            if scope.every_store
            or (scope.store_id is not None and r.store_id == scope.store_id)
            or (
                scope.designer_id is not None
                and (
                    r.designer_id == scope.designer_id
                    or (r.id in lapsed_by and scope.designer_id in r.lapsed)
                )
            )
        ]
        chosen.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        if cursor is not None:
            last = self.leads[cursor]
            chosen = [r for r in chosen if (r.created_at, r.id) < (last.created_at, last.id)]
        following = chosen[limit - 1].id if len(chosen) > limit else None
        return [self.get(r.id) for r in chosen[:limit]], following

    def accept(self, lead_id: str, designer_id: str, at: datetime, actor_id: int) -> bool:
        lead = self.leads[lead_id]
        if lead.state is not LeadState.ASSIGNED or lead.designer_id != designer_id:
            return False
        self.leads[lead_id] = dataclasses.replace(
            lead, state=LeadState.ACCEPTED, accepted_at=at, sla_due=None
        )
        accepted = Decision(
            at=at,
            step="accepted",
            code="accepted",
            store_id=lead.store_id,
            designer_id=designer_id,
            actor_id=actor_id,
        )
        self.decisions.append((lead_id, accepted))
        return True

    def hand_over(self, lead_id: str, decision: Decision, sla_due: datetime) -> bool:
        lead = self.leads[lead_id]
        if lead.state is not LeadState.POOLED or lead.store_id != decision.store_id:
            return False
        self.leads[lead_id] = dataclasses.replace(
            lead,
            state=LeadState.ASSIGNED,
            designer_id=decision.designer_id,
            assigned_at=decision.at,
            sla_due=sla_due,
        )
        self.decisions.append((lead_id, decision))
        return True

    def lead_of(self, appointment: AppointmentRecord) -> str | None:
        made = [r for r in self.leads.values() if r.appointment_id == appointment.id]
        joined = sorted(
            (
                r
                for r in self.leads.values()
                if r.phone == appointment.customer_phone and r.created_at <= appointment.created_at
            ),
            key=lambda r: r.created_at,
        )
        found = made or joined[-1:]
        return found[0].id if found else None

    def lapsed(self, now: datetime, limit: int) -> list[LeadRecord]:
        due = [
            r
            for r in self.leads.values()
            if r.state is LeadState.ASSIGNED and r.sla_due is not None and r.sla_due <= now
        ]
        return sorted(due, key=lambda r: (r.sla_due, r.id))[:limit]

    def apply_sla(self, change: SlaChange) -> bool:
        lead = self.leads[change.lead_id]
        if (
            lead.state is not LeadState.ASSIGNED
            or lead.designer_id != change.expected_designer
            or lead.assigned_at != change.expected_at
        ):
            return False
        self.leads[change.lead_id] = dataclasses.replace(
            lead,
            state=change.state,
            designer_id=change.designer_id,
            assigned_at=change.assigned_at,
            sla_due=change.sla_due,
            lapsed=change.lapsed,
        )
        self.decisions.extend((change.lead_id, d) for d in change.decisions)
        self._tell(change.lead_id, change.notifications)
        return True

    def workload(self, since: datetime) -> dict[str, Workload]:
        counts: dict[str, list[int]] = {}
        for r in self.leads.values():
            if r.designer_id and r.state in (LeadState.ASSIGNED, LeadState.ACCEPTED):
                counts.setdefault(r.designer_id, [0, 0])[0] += 1
        for _, d in self.decisions:
            if d.step == "designer" and d.designer_id and d.at >= since:
                counts.setdefault(d.designer_id, [0, 0])[1] += 1
        return {d: Workload(open=o, assigned=a) for d, (o, a) in counts.items()}

    def tally(self) -> list[LeadTally]:
        counts: dict[tuple[str, str | None, str], int] = {}
        for r in self.leads.values():
            key = (str(r.source), r.store_id, str(r.state))
            counts[key] = counts.get(key, 0) + 1
        ordered = sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2]))
        return [LeadTally(s, store, state, n) for (s, store, state), n in ordered]

    def designer_of(self, account_id: int) -> str | None:
        return next((d for d, a in self.accounts.items() if a == account_id), None)

    def link_designer(self, designer_id: str, account_id: int | None) -> None:
        known = {
            d.id
            for c in self.bookings.calendars.values()  # type: ignore[attr-defined]
            for d in c.designers
        }
        if designer_id not in known:
            raise NotFound("designer", designer_id)
        self.accounts = {d: a for d, a in self.accounts.items() if a != account_id}
        if account_id is not None:
            self.accounts[designer_id] = account_id
        else:
            self.accounts.pop(designer_id, None)

    def agenda(
        self, store_id: str | None, designer_id: str | None, around: Interval
    ) -> list[tuple[AppointmentRecord, str | None]]:
        records = sorted(
            (r for r, _ in self.bookings.records.values()),  # type: ignore[attr-defined]
            key=lambda r: r.start,
        )
        lead_of = {r.phone: r.id for r in sorted(self.leads.values(), key=lambda r: r.created_at)}
        return [
            (r, lead_of.get(r.customer_phone))
            for r in records
            if r.state == "booked"
            and around.start <= r.start < around.end
            and (store_id is None or r.store_id == store_id)
            and (designer_id is None or r.designer_id == designer_id)
        ]

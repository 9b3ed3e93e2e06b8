"""The designer's deadline to accept a lead, and what happens when it passes.

The limit counts the store's opening hours, not the clock (our choice, after the trade's
"30 minutes in opening hours, next morning outside them"): a lead given at 21:55 to a store
that closes at 22:00 and opens at 10:00 is due at 11:55 with a two-hour limit, so nobody is
punished for sleeping. ``Sla(business_hours=False)`` counts plain time instead. A lapse
reassigns the lead inside the store and tells the manager; a second lapse, or nobody else to
take it, goes to the manager to decide (RELIABILITY.md 1.8 step 7).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sales.ids import DesignerId
from sales.leads import Lead
from sales.local_time import days, local_date
from sales.reasons import Reason, RouteReason
from sales.routing import DesignerRoute, Workload, route_designer
from sales.stores import Designer, Store

__all__ = ["Assignment", "Escalate", "Reassign", "Sla", "Waiting", "sla_due", "sla_outcome"]

SEARCH_DAYS = 366
"""A store closed for longer than this has no opening hours to count: plain time is used."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sla:
    """How long a designer has to accept, counted in opening hours or plain time, and how
    many times a lead is reassigned before the manager decides."""

    limit: timedelta = timedelta(hours=2)
    business_hours: bool = True
    reassignments: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignment:
    """A lead waiting for ``designer`` to accept it since ``at``; ``lapsed`` are the earlier
    designers who let it pass."""

    lead: Lead
    designer: DesignerId
    at: datetime
    lapsed: tuple[DesignerId, ...] = ()


@dataclass(frozen=True, slots=True)
class Waiting:
    """Still within the limit, due at ``due``."""

    due: datetime


@dataclass(frozen=True, slots=True)
class Reassign:
    """Give the lead to ``to`` and tell the store manager; ``reasons``: the lapse, then the
    choice of the new designer."""

    to: DesignerId
    reasons: tuple[Reason, Reason]
    notify_manager: bool = True


@dataclass(frozen=True, slots=True)
class Escalate:
    """The store manager decides (reassigns by hand, or sends the lead to the pool)."""

    reason: Reason
    notify_manager: bool = True


def sla_due(assigned_at: datetime, store: Store, sla: Sla) -> datetime:
    """When a lead assigned at ``assigned_at`` must be accepted by."""
    if sla.business_hours:
        left = sla.limit
        first = local_date(assigned_at, store.tz)
        for day in days(first, first + timedelta(days=SEARCH_DAYS)):
            for opening in store.open_on(day):
                start = max(opening.start, assigned_at)
                if start >= opening.end:
                    continue
                if start + left <= opening.end:
                    return start + left
                left -= opening.end - start
    return assigned_at + sla.limit


def sla_outcome(
    assignment: Assignment,
    store: Store,
    designers: Sequence[Designer],
    workload: Mapping[DesignerId, Workload],
    *,
    now: datetime,
    sla: Sla,
) -> Waiting | Reassign | Escalate:
    """What to do with an assignment not yet accepted at ``now``."""
    due = sla_due(assignment.at, store, sla)
    if now < due:
        return Waiting(due)
    lapse = Reason.of(
        RouteReason.SLA_REASSIGNED,
        designer=assignment.designer,
        due=due.isoformat(),
        lapses=len(assignment.lapsed) + 1,
    )
    if len(assignment.lapsed) >= sla.reassignments:
        return Escalate(Reason.of(RouteReason.SLA_ESCALATED, **{**lapse.params, "why": "again"}))
    route: DesignerRoute = route_designer(
        assignment.lead,
        store,
        designers,
        workload,
        at=now,
        exclude=frozenset({assignment.designer, *assignment.lapsed}),
    )
    if route.designer is None:
        return Escalate(Reason.of(RouteReason.SLA_ESCALATED, **{**lapse.params, "why": "nobody"}))
    return Reassign(route.designer, (lapse, route.reason))

"""Routing a lead: to a store, then to one of its designers, each step with its reason.

Store, in order (RELIABILITY.md 1.8): the store the customer booked at; the store they chose;
a store serving their district; the nearest store within reach; else the HQ pool. A store
whose cap of routed leads for its day is reached is passed over (bookings are capped by the
store's appointment cap instead, so they always go to the booked store).

Designer, among those of the store at work on its working day (today, or its next open day
once closed), with the skill and under their cap of open leads: the designer the customer
booked; else the one furthest below their fair share of the period's leads (Cal.com's
weighted round robin), then the one with the least open work, then the smallest id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction

from sales.geo import great_circle_km
from sales.ids import DesignerId, StoreId
from sales.leads import Lead
from sales.local_time import days, local_date
from sales.reasons import Reason, RouteReason
from sales.stores import Designer, Store, working_intervals

__all__ = [
    "DesignerRoute",
    "RoutingRules",
    "StoreRoute",
    "Workload",
    "route_designer",
    "route_store",
    "working_day",
]

LOOK_AHEAD_DAYS = 14
"""How far ahead a store's next working day is sought (longer closures: the pool)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RoutingRules:
    """The reach of a store for leads outside its districts (urban: about 15 km; county
    stores reach further)."""

    max_km: float = 50.0


@dataclass(frozen=True, slots=True)
class StoreRoute:
    """The store a lead goes to (``None``: the HQ pool) and why."""

    store: StoreId | None
    reason: Reason


@dataclass(frozen=True, slots=True)
class DesignerRoute:
    """The designer a lead goes to (``None``: the store manager assigns) and why."""

    designer: DesignerId | None
    reason: Reason


@dataclass(frozen=True, slots=True)
class Workload:
    """A designer's leads: open now, and assigned in the current period (say, the month)."""

    open: int = 0
    assigned: int = 0


def route_store(
    lead: Lead,
    stores: Sequence[Store],
    routed_today: Mapping[StoreId, int],
    rules: RoutingRules = RoutingRules(),
) -> StoreRoute:
    """The store for ``lead``; ``routed_today`` counts the leads each store took on its own
    local date so far."""
    if lead.booked_store is not None:
        return StoreRoute(lead.booked_store, Reason.of(RouteReason.BOOKED_STORE))
    room = [
        s for s in stores if s.lead_capacity is None or routed_today.get(s.id, 0) < s.lead_capacity
    ]
    full = ",".join(sorted(s.id for s in stores if s not in room))
    chosen = [s for s in room if s.id == lead.chosen_store]
    if chosen:
        return StoreRoute(chosen[0].id, Reason.of(RouteReason.CHOSEN_STORE, full=full))
    serving = [s for s in room if lead.district is not None and lead.district in s.districts]
    if serving:
        best = min(serving, key=lambda s: (_km(lead, s) or 0.0, routed_today.get(s.id, 0), s.id))
        return StoreRoute(
            best.id,
            Reason.of(
                RouteReason.SERVICE_DISTRICT,
                district=lead.district,
                serving=len(serving),
                km=_km(lead, best),
                full=full,
            ),
        )
    near = [(km, s.id) for s in room if (km := _km(lead, s)) is not None and km <= rules.max_km]
    if near:
        km, store = min(near)
        return StoreRoute(
            store, Reason.of(RouteReason.NEAREST_STORE, km=km, max_km=rules.max_km, full=full)
        )
    return StoreRoute(
        None,
        Reason.of(
            RouteReason.FALLBACK_POOL,
            district=lead.district,
            located=lead.location is not None,
            full=full,
        ),
    )


def _km(lead: Lead, store: Store) -> float | None:
    if lead.location is None:
        return None
    return round(great_circle_km(lead.location, store.location), 1)


def route_designer(
    lead: Lead,
    store: Store,
    designers: Sequence[Designer],
    workload: Mapping[DesignerId, Workload],
    *,
    at: datetime,
    exclude: frozenset[DesignerId] = frozenset(),
) -> DesignerRoute:
    """The designer of ``store`` for ``lead`` at ``at``, none of ``exclude`` (those who let it
    lapse)."""
    staff = {d.id for d in designers if d.store == store.id} - exclude
    if lead.booked_designer in staff:  # their appointment is theirs, whatever their load
        return DesignerRoute(lead.booked_designer, Reason.of(RouteReason.BOOKED_DESIGNER))
    day = working_day(store, at)
    able = [d for d in designers if d.id in staff and _available(d, store, lead, day, at)]
    load = {d.id: workload.get(d.id, Workload()) for d in able}
    able = [d for d in able if d.max_open_leads is None or load[d.id].open < d.max_open_leads]
    if not able:
        return DesignerRoute(
            None,
            Reason.of(
                RouteReason.NO_DESIGNER, skill=lead.skill, day=day.isoformat() if day else None
            ),
        )
    total = sum(w.assigned for w in load.values()) + 1  # with this lead
    weights = sum(d.weight for d in able)

    def shortfall(d: Designer) -> Fraction:
        return Fraction(total * d.weight, weights) - load[d.id].assigned

    best = min(able, key=lambda d: (-shortfall(d), load[d.id].open, d.id))
    return DesignerRoute(
        best.id,
        Reason.of(
            RouteReason.FAIR_SHARE,
            candidates=len(able),
            shortfall=round(float(shortfall(best)), 3),
            assigned=load[best.id].assigned,
            open=load[best.id].open,
        ),
    )


def working_day(store: Store, at: datetime) -> date | None:
    """The store's date on which a lead arriving at ``at`` is first worked: today while the
    store is still open, else its next open day (``None`` if closed for the look-ahead)."""
    today = local_date(at, store.tz)
    for day in days(today, today + timedelta(days=LOOK_AHEAD_DAYS)):
        if any(i.end > at for i in store.open_on(day)):
            return day
    return None


def _available(
    designer: Designer, store: Store, lead: Lead, day: date | None, at: datetime
) -> bool:
    return (
        day is not None
        and (lead.skill is None or lead.skill in designer.skills)
        and any(i.end > at for i in working_intervals(store, designer, day))
    )

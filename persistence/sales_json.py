"""A store's calendar and a designer's details as JSON and back: what ``stores.calendar`` and
``designers.details`` hold. Times are ``HH:MM`` wall-clock strings, dates ISO; the shape is
small enough for a store manager's page to edit as one value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time
from types import MappingProxyType
from typing import Any

from sales.appointments import AppointmentKind
from sales.geo import GeoPoint
from sales.hours import Span, WeeklyHours
from sales.ids import DesignerId, DistrictCode, StoreId
from sales.stores import Closure, Designer, Skill, Store

__all__ = ["calendar_to_json", "designer_of", "designer_to_json", "store_of"]


def calendar_to_json(store: Store) -> dict[str, Any]:
    """What booking needs of ``store`` beyond its id, name, city and zone."""
    return {
        "address": store.address,
        "location": [store.location.lat, store.location.lon],
        "districts": sorted(store.districts),
        "hours": _week(store.hours),
        "special_hours": {d.isoformat(): _spans(s) for d, s in sorted(store.special_hours.items())},
        "closures": [[c.first.isoformat(), c.last.isoformat(), c.name] for c in store.closures],
        "visit_capacity": {str(k): n for k, n in store.visit_capacity.items()},
        "lead_capacity": store.lead_capacity,
    }


def store_of(store_id: str, name: str, city: str, zone: str, calendar: Mapping[str, Any]) -> Store:
    """The store kept as ``calendar_to_json`` wrote it."""
    lat, lon = calendar["location"]
    return Store(
        id=StoreId(store_id),
        name=name,
        city=city,
        zone=zone,
        address=calendar["address"],
        location=GeoPoint(lat, lon),
        districts=frozenset(DistrictCode(d) for d in calendar["districts"]),
        hours=_week_of(calendar["hours"]),
        special_hours=MappingProxyType(
            {date.fromisoformat(d): _spans_of(s) for d, s in calendar["special_hours"].items()}
        ),
        closures=tuple(
            Closure(date.fromisoformat(a), date.fromisoformat(b), n)
            for a, b, n in calendar["closures"]
        ),
        visit_capacity=MappingProxyType(
            {AppointmentKind(k): int(n) for k, n in calendar["visit_capacity"].items()}
        ),
        lead_capacity=calendar["lead_capacity"],
    )


def designer_to_json(designer: Designer) -> dict[str, Any]:
    """A designer's hours, days off, skills and share of leads."""
    return {
        "hours": _week(designer.hours),
        "days_off": sorted(d.isoformat() for d in designer.days_off),
        "skills": sorted(designer.skills),
        "weight": designer.weight,
        "max_open_leads": designer.max_open_leads,
    }


def designer_of(designer_id: str, store_id: str, name: str, details: Mapping[str, Any]) -> Designer:
    """The designer kept as ``designer_to_json`` wrote it."""
    return Designer(
        id=DesignerId(designer_id),
        store=StoreId(store_id),
        name=name,
        hours=_week_of(details["hours"]),
        days_off=frozenset(date.fromisoformat(d) for d in details["days_off"]),
        skills=frozenset(Skill(s) for s in details["skills"]),
        weight=details["weight"],
        max_open_leads=details["max_open_leads"],
    )


def _spans(spans: Iterable[Span]) -> list[list[str]]:
    return [[s.start.strftime("%H:%M"), s.end.strftime("%H:%M")] for s in spans]


def _spans_of(spans: Iterable[list[str]]) -> tuple[Span, ...]:
    return tuple(Span(time.fromisoformat(a), time.fromisoformat(b)) for a, b in spans)


def _week(hours: WeeklyHours) -> list[list[list[str]]]:
    return [_spans(day) for day in hours.days]


def _week_of(days: Iterable[Iterable[list[str]]]) -> WeeklyHours:
    return WeeklyHours(tuple(_spans_of(day) for day in days))

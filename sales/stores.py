"""Stores and their designers: where they are, when they are open or at work, what they do.

The hours of a day come from, in order: a closure (holidays, closed all day), the special
hours of that date, the weekly hours. A designer works their own weekly hours, never outside
the store's, and not on their days off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from zoneinfo import ZoneInfo

from sales.appointments import AppointmentKind
from sales.geo import GeoPoint
from sales.hours import Interval, Span, WeeklyHours, intersect, intervals_on
from sales.ids import DesignerId, DistrictCode, StoreId

__all__ = ["Closure", "Designer", "Skill", "Store", "working_intervals"]


class Skill(StrEnum):
    """What a designer can design and measure."""

    WARDROBES = "wardrobes"
    KITCHENS = "kitchens"


@dataclass(frozen=True, slots=True)
class Closure:
    """Closed all day from ``first`` to ``last`` (both included), e.g. Spring Festival."""

    first: date
    last: date
    name: str = ""

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"closure ends before it starts: {self.first}–{self.last}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Store:
    """A store: its place and territory, hours in its own zone, and what it can take a day.

    ``visit_capacity`` caps appointments per local day and kind (a kind left out: no cap);
    ``lead_capacity`` caps the leads routed to it per local day (``None``: no cap).
    """

    id: StoreId
    name: str
    city: str
    zone: str  # IANA name, e.g. Asia/Urumqi
    address: str
    location: GeoPoint
    districts: frozenset[DistrictCode] = frozenset()
    hours: WeeklyHours
    special_hours: Mapping[date, tuple[Span, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    closures: tuple[Closure, ...] = ()
    visit_capacity: Mapping[AppointmentKind, int] = field(
        default_factory=lambda: MappingProxyType({})
    )
    lead_capacity: int | None = None

    def __post_init__(self) -> None:
        ZoneInfo(self.zone)  # an unknown zone fails here, not on the first booking

    @property
    def tz(self) -> ZoneInfo:
        """The store's zone (``ZoneInfo`` caches one object per name)."""
        return ZoneInfo(self.zone)

    def closed_on(self, day: date) -> bool:
        """Tell whether a closure covers ``day``."""
        return any(c.first <= day <= c.last for c in self.closures)

    def spans_on(self, day: date) -> tuple[Span, ...]:
        """The store's wall-clock hours on ``day`` (empty when closed)."""
        if self.closed_on(day):
            return ()
        if day in self.special_hours:
            return self.special_hours[day]
        return self.hours.on(day)

    def open_on(self, day: date) -> tuple[Interval, ...]:
        """When the store is open on ``day``, in UTC."""
        return intervals_on(day, self.spans_on(day), self.tz)


@dataclass(frozen=True, slots=True, kw_only=True)
class Designer:
    """A designer of one store. ``weight`` sets their share of new leads (1 = equal);
    ``max_open_leads`` stops new leads while they have that many open."""

    id: DesignerId
    store: StoreId
    name: str = ""
    hours: WeeklyHours
    days_off: frozenset[date] = frozenset()
    skills: frozenset[Skill] = frozenset(Skill)
    weight: int = 1
    max_open_leads: int | None = None

    def __post_init__(self) -> None:
        if self.weight < 1:
            raise ValueError("a designer's weight is at least 1")


def working_intervals(store: Store, designer: Designer, day: date) -> tuple[Interval, ...]:
    """When ``designer`` is at work on ``day`` (the store's date): their hours within the
    store's, none on a day off."""
    if day in designer.days_off:
        return ()
    own = intervals_on(day, designer.hours.on(day), store.tz)
    return intersect(store.open_on(day), own)

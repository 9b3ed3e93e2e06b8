"""Small stores, designers and appointments for the sales tests."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType

from sales.appointments import Appointment, AppointmentKind, KindRules
from sales.geo import GeoPoint
from sales.hours import Span, WeeklyHours
from sales.ids import AppointmentId, DesignerId, StoreId
from sales.stores import Closure, Designer, Store

ORIGIN = HERE = GeoPoint(31.2, 121.4)
NINE_TO_SIX = WeeklyHours.same(Span(time(9), time(18)))
VISIT = AppointmentKind.STORE_VISIT
MEASURE = AppointmentKind.MEASUREMENT


def rules(
    *,
    length: int = 60,
    before: int = 0,
    after: int = 0,
    notice: int = 0,
    window: int = 30,
    step: int = 30,
) -> Mapping[AppointmentKind, KindRules]:
    """The same rules (minutes) for both kinds."""
    return MappingProxyType(
        {
            kind: KindRules(
                kind=kind,
                length=timedelta(minutes=length),
                buffer_before=timedelta(minutes=before),
                buffer_after=timedelta(minutes=after),
                min_notice=timedelta(minutes=notice),
                window_days=window,
                step=timedelta(minutes=step),
            )
            for kind in AppointmentKind
        }
    )


def store(
    zone: str = "Asia/Shanghai",
    hours: WeeklyHours = NINE_TO_SIX,
    *,
    special: Mapping[date, tuple[Span, ...]] | None = None,
    closures: tuple[Closure, ...] = (),
    capacity: Mapping[AppointmentKind, int] | None = None,
) -> Store:
    return Store(
        id=StoreId("s1"),
        name="store",
        city="city",
        zone=zone,
        address="address",
        location=HERE,
        hours=hours,
        special_hours=MappingProxyType(dict(special or {})),
        closures=closures,
        visit_capacity=MappingProxyType(dict(capacity or {})),
    )


def designer(name: str = "d1", hours: WeeklyHours = NINE_TO_SIX, **more: object) -> Designer:
    return Designer(id=DesignerId(name), store=StoreId("s1"), hours=hours, **more)  # type: ignore[arg-type]


def appointment(
    who: str,
    start: datetime,
    minutes: int = 60,
    kind: AppointmentKind = VISIT,
    place: GeoPoint = HERE,
) -> Appointment:
    return Appointment(
        id=AppointmentId(f"a-{who}-{start.isoformat()}"),
        store=StoreId("s1"),
        designer=DesignerId(who),
        kind=kind,
        start=start,
        end=start + timedelta(minutes=minutes),
        place=place,
    )


def local(store_: Store, day: date, hour: int, minute: int = 0) -> datetime:
    """A store wall-clock time (not in a DST gap or fold) as UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=store_.tz).astimezone(UTC)

"""Appointments: their kinds and rules, and when two of one designer's may stand together.

A designer's blocked time is an appointment widened by its kind's buffers (preparing before,
writing up after). Two appointments of one designer fit together when one's blocked time ends,
and the designer has travelled to the other's place, before the other's blocked time begins.
The rule is symmetric, so the order in which appointments are booked cannot matter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sales.geo import GeoPoint, Travel
from sales.hours import Interval
from sales.ids import AppointmentId, DesignerId, StoreId

__all__ = ["MAX_REACH", "Appointment", "AppointmentKind", "KindRules", "fit_together"]

MAX_REACH = timedelta(hours=12)
"""The most an appointment with its buffers, and the travel to the next, may span: the slot
search looks this far around a candidate for appointments that could clash with it."""


class AppointmentKind(StrEnum):
    """到店咨询 a visit to the store, 上门量尺 a measurement at the customer's home."""

    STORE_VISIT = "store_visit"
    MEASUREMENT = "measurement"


@dataclass(frozen=True, slots=True, kw_only=True)
class KindRules:
    """How one kind of appointment is booked: its length, the designer's buffers, the minimum
    notice before its start, how many local days ahead it can be booked (today is the first),
    and the step between offered starts."""

    kind: AppointmentKind
    length: timedelta
    buffer_before: timedelta = timedelta(0)
    buffer_after: timedelta = timedelta(0)
    min_notice: timedelta = timedelta(hours=2)
    window_days: int = 30
    step: timedelta = timedelta(minutes=30)

    def __post_init__(self) -> None:
        if self.length <= timedelta(0) or self.step <= timedelta(0) or self.window_days < 1:
            raise ValueError("length and step must be positive, the window at least a day")
        if min(self.buffer_before, self.buffer_after, self.min_notice) < timedelta(0):
            raise ValueError("buffers and notice cannot be negative")
        if self.length + self.buffer_before + self.buffer_after > MAX_REACH:
            raise ValueError(f"an appointment with its buffers must fit in {MAX_REACH}")

    def blocked(self, start: datetime) -> Interval:
        """The designer's time an appointment of this kind starting at ``start`` takes."""
        return Interval(start - self.buffer_before, start + self.length + self.buffer_after)


@dataclass(frozen=True, slots=True, kw_only=True)
class Appointment:
    """A booked appointment (cancelled ones are not passed in): who, what, when, where (the
    store for a visit, the customer's home for a measurement)."""

    id: AppointmentId
    store: StoreId
    designer: DesignerId
    kind: AppointmentKind
    start: datetime
    end: datetime
    place: GeoPoint

    def __post_init__(self) -> None:
        Interval(self.start, self.end)  # aware and in order


def fit_together(
    a: Appointment, b: Appointment, rules: Mapping[AppointmentKind, KindRules], travel: Travel
) -> bool:
    """Tell whether one designer can keep both ``a`` and ``b``: one ends, its after-buffer,
    the travel and the other's before-buffer pass before the other starts. Travel is only
    asked for when the time between could be too short for it (under ``MAX_REACH``: nobody
    drives twelve hours to measure a kitchen)."""
    if b.start < a.start:
        a, b = b, a
    free = (b.start - rules[b.kind].buffer_before) - (a.end + rules[a.kind].buffer_after)
    if free < timedelta(0):
        return False
    return free >= MAX_REACH or travel(a.place, b.place) <= free

"""Opening and working hours: wall-clock spans in a week, and the UTC intervals they give on
one day in a zone.

A span lies within one calendar day (no store here opens past midnight); a day may have
several (a lunch break). Intervals are half-open ``[start, end)`` in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sales.local_time import require_aware, wall_to_utc

__all__ = ["Interval", "Span", "WeeklyHours", "intersect", "intervals_on"]


@dataclass(frozen=True, slots=True)
class Span:
    """Wall-clock hours within one day, ``start`` before ``end``."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"span must start before it ends: {self.start}–{self.end}")


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of real time ``[start, end)``, aware datetimes (UTC in this package)."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if not require_aware(self.start) < require_aware(self.end):
            raise ValueError(f"interval must start before it ends: {self.start}–{self.end}")

    def overlaps(self, other: Interval) -> bool:
        """Tell whether the two share a moment (touching ends do not)."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Interval) -> bool:
        """Tell whether ``other`` lies wholly inside this interval."""
        return self.start <= other.start and other.end <= self.end

    def padded(self, before: timedelta, after: timedelta) -> Interval:
        """This interval widened by ``before`` and ``after``."""
        return Interval(self.start - before, self.end + after)


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """Spans per weekday, Monday first (``date.weekday()``)."""

    days: tuple[tuple[Span, ...], ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("weekly hours need seven days, Monday first")

    @classmethod
    def same(cls, *spans: Span, closed_on: Iterable[int] = ()) -> WeeklyHours:
        """The same spans every day but the weekdays ``closed_on`` (0 = Monday)."""
        closed = set(closed_on)
        return cls(tuple(() if d in closed else spans for d in range(7)))

    def on(self, day: date) -> tuple[Span, ...]:
        """The spans of ``day``'s weekday."""
        return self.days[day.weekday()]


def intervals_on(day: date, spans: Iterable[Span], zone: ZoneInfo) -> tuple[Interval, ...]:
    """The UTC intervals of ``spans`` on ``day`` in ``zone``: from the first time the clock
    shows a span's start to the last time it shows its end (``wall_to_utc``); a span that
    a clock change swallows whole is dropped.

    Examples
    --------
    The night New York sets its clocks back, 00:00–04:00 lasts five hours:

    >>> night, newyork = [Span(time(0), time(4))], ZoneInfo("America/New_York")
    >>> [i.end - i.start for i in intervals_on(date(2026, 11, 1), night, newyork)]
    [datetime.timedelta(seconds=18000)]
    """
    found = []
    for span in spans:
        start = wall_to_utc(day, span.start, zone)
        end = wall_to_utc(day, span.end, zone, last=True)
        if start < end:
            found.append(Interval(start, end))
    return tuple(found)


def intersect(a: Sequence[Interval], b: Sequence[Interval]) -> tuple[Interval, ...]:
    """The moments in both lists (each sorted and without overlaps), sorted.

    Examples
    --------
    >>> from datetime import UTC
    >>> t = lambda h: datetime(2026, 1, 5, h, tzinfo=UTC)
    >>> intersect([Interval(t(1), t(5)), Interval(t(6), t(9))], [Interval(t(4), t(7))])
    ... # doctest: +NORMALIZE_WHITESPACE
    (Interval(start=datetime.datetime(2026, 1, 5, 4, 0, tzinfo=datetime.timezone.utc),
              end=datetime.datetime(2026, 1, 5, 5, 0, tzinfo=datetime.timezone.utc)),
     Interval(start=datetime.datetime(2026, 1, 5, 6, 0, tzinfo=datetime.timezone.utc),
              end=datetime.datetime(2026, 1, 5, 7, 0, tzinfo=datetime.timezone.utc)))
    """
    found, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i].start, b[j].start), min(a[i].end, b[j].end)
        if start < end:
            found.append(Interval(start, end))
        if a[i].end < b[j].end:
            i += 1
        else:
            j += 1
    return tuple(found)

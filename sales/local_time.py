"""A store's wall clock and UTC, safe on days the clock is set forward or back.

Everything stored is UTC; opening hours are wall-clock times in the store's IANA zone. The
days of a range are dates stepped one calendar day at a time, never instants plus 24 hours
(a DST day has 23 or 25 hours). Asia/Shanghai and Asia/Urumqi have had no DST since 1991,
but the product is for any zone, and most booking bugs reported elsewhere are DST shifts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["days", "local_date", "require_aware", "wall_clock", "wall_to_utc"]


def require_aware(instant: datetime) -> datetime:
    """``instant`` itself, refused when naive: a naive time means nothing across zones."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"naive datetime {instant.isoformat()}: give a zone")
    return instant


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    """The date the store's calendar shows at ``instant``.

    Examples
    --------
    >>> local_date(datetime(2026, 3, 1, 17, tzinfo=UTC), ZoneInfo("Asia/Shanghai"))
    datetime.date(2026, 3, 2)
    """
    return require_aware(instant).astimezone(zone).date()


def wall_clock(instant: datetime, zone: ZoneInfo) -> datetime:
    """What the store's clock shows at ``instant``, as a naive datetime."""
    return instant.astimezone(zone).replace(tzinfo=None)


def wall_to_utc(day: date, at: time, zone: ZoneInfo, *, last: bool = False) -> datetime:
    """The UTC instant at which the store's clock shows ``at`` on ``day``.

    When the clock is set back the time shows twice: the first instant, or the second with
    ``last``. When it is set forward the time never shows: the instant of the jump, the first
    at which the clock shows a later time (a store opening at 02:30 that night opens at 03:00).

    Examples
    --------
    >>> berlin = ZoneInfo("Europe/Berlin")
    >>> wall_to_utc(date(2026, 3, 29), time(2, 30), berlin).isoformat()
    '2026-03-29T01:00:00+00:00'
    >>> wall_to_utc(date(2026, 10, 25), time(2, 30), berlin).isoformat()
    '2026-10-25T00:30:00+00:00'
    >>> wall_to_utc(date(2026, 10, 25), time(2, 30), berlin, last=True).isoformat()
    '2026-10-25T01:30:00+00:00'
    """
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    if wall_clock(first, zone) == naive:  # the time exists (once, or twice when set back)
        return max(first, second) if last else min(first, second)
    return _jump(min(first, second), max(first, second), naive, zone)


def _jump(before: datetime, after: datetime, naive: datetime, zone: ZoneInfo) -> datetime:
    """The first whole second in (before, after] at which the clock shows later than
    ``naive``: transitions fall on whole seconds, so a bisection finds it exactly."""
    low, high = 0, int((after - before).total_seconds())
    while high - low > 1:
        middle = (low + high) // 2
        if wall_clock(before + timedelta(seconds=middle), zone) > naive:
            high = middle
        else:
            low = middle
    return before + timedelta(seconds=high)


def days(first: date, last: date) -> Iterator[date]:
    """The calendar days from ``first`` to ``last``, both included.

    Examples
    --------
    >>> [d.day for d in days(date(2026, 3, 28), date(2026, 3, 30))]
    [28, 29, 30]
    """
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)

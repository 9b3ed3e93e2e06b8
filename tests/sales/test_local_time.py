"""Wall clocks and UTC on the days clocks change (the largest family of booking bugs)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sales.hours import Span, intervals_on
from sales.local_time import days, local_date, require_aware, wall_to_utc

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # sets its clock by 30 minutes


def test_a_day_is_as_long_as_its_clock_says() -> None:
    whole = [Span(time(0), time(23, 59))]
    lengths = [
        intervals_on(d, whole, BERLIN)[0].end - intervals_on(d, whole, BERLIN)[0].start
        for d in (date(2026, 3, 28), date(2026, 3, 29), date(2026, 10, 25))
    ]
    minute = timedelta(minutes=1)
    assert lengths == [
        timedelta(hours=24) - minute,
        timedelta(hours=23) - minute,
        timedelta(hours=25) - minute,
    ]


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected"),
    [
        (BERLIN, date(2026, 3, 29), time(2, 0), "2026-03-29T01:00:00+00:00"),  # gap start
        (BERLIN, date(2026, 3, 29), time(2, 59), "2026-03-29T01:00:00+00:00"),
        (BERLIN, date(2026, 3, 29), time(3, 0), "2026-03-29T01:00:00+00:00"),
        (NEW_YORK, date(2026, 3, 8), time(2, 30), "2026-03-08T07:00:00+00:00"),
        (LORD_HOWE, date(2026, 10, 4), time(2, 15), "2026-10-03T15:30:00+00:00"),
        (ZoneInfo("Asia/Kathmandu"), date(2026, 6, 1), time(10), "2026-06-01T04:15:00+00:00"),
        (ZoneInfo("Asia/Urumqi"), date(2026, 6, 1), time(10), "2026-06-01T04:00:00+00:00"),
    ],
)
def test_a_time_the_clock_skips_opens_at_the_jump(
    zone: ZoneInfo, day: date, at: time, expected: str
) -> None:
    assert wall_to_utc(day, at, zone).isoformat() == expected


def test_a_time_shown_twice_is_its_first_showing_or_its_last() -> None:
    first = wall_to_utc(date(2026, 11, 1), time(1, 30), NEW_YORK)
    last = wall_to_utc(date(2026, 11, 1), time(1, 30), NEW_YORK, last=True)
    assert last - first == timedelta(hours=1)
    assert first.astimezone(NEW_YORK).fold == 0 and last.astimezone(NEW_YORK).fold == 1


def test_the_days_of_a_range_are_calendar_days_across_a_clock_change() -> None:
    found = list(days(date(2026, 10, 24), date(2026, 10, 26)))
    assert found == [date(2026, 10, 24), date(2026, 10, 25), date(2026, 10, 26)]


def test_the_local_date_is_the_store_calendar() -> None:
    late = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    assert local_date(late, ZoneInfo("Asia/Shanghai")) == date(2027, 1, 1)
    assert local_date(late, ZoneInfo("Asia/Urumqi")) == date(2026, 12, 31)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        require_aware(datetime(2026, 1, 1, 10))  # noqa: DTZ001


CHANGE_DAYS = [
    date(2026, 3, 29),
    date(2026, 10, 25),
    date(2026, 3, 8),
    date(2026, 11, 1),
    date(2026, 4, 5),
    date(2026, 10, 4),
]


@given(
    st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Urumqi"]),
    st.sampled_from(CHANGE_DAYS) | st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    st.builds(time, st.integers(0, 3) | st.integers(0, 23), st.sampled_from([0, 15, 30, 45, 59])),
    st.booleans(),
)
def test_the_instant_found_shows_the_time_or_is_the_jump_over_it(
    name: str, day: date, at: time, last: bool
) -> None:
    zone = ZoneInfo(name)
    naive = datetime.combine(day, at)
    found = wall_to_utc(day, at, zone, last=last)

    def shows(instant: datetime) -> datetime:
        return instant.astimezone(zone).replace(tzinfo=None)

    if shows(found) == naive:  # it shows: and is its first (last) showing
        for shift in (timedelta(minutes=30), timedelta(hours=1)):
            assert shows(found + shift if last else found - shift) != naive
    else:  # skipped by the clock, which jumps over it at this very second
        assert shows(found - timedelta(seconds=1)) < naive < shows(found)

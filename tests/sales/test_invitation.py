"""The iCalendar invitation: its VTIMEZONE agrees with the zone database around the
appointment (DST zones included), the event's times read back as the same instants, and text
is escaped and folded as RFC 5545 asks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from sales.invitation import Invitation, invitation_ics
from tests.web.bookings_api import parse_ics

ZONES = (
    "Asia/Shanghai",
    "Asia/Urumqi",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
)


def invite(start: datetime, zone: str, **changes: object) -> Invitation:
    fields: dict[str, object] = {
        "uid": "a1@millwork",
        "sequence": 0,
        "start": start,
        "end": start + timedelta(hours=1),
        "zone": zone,
        "summary": "到店咨询 · 徐汇旗舰店",
        "location": "上海市徐汇区漕溪北路 88 号",
        "description": "d",
        "organizer": "徐汇旗舰店",
        "stamp": start,
    }
    return Invitation(**{**fields, **changes})  # type: ignore[arg-type]


def _instant(params: dict[str, str], value: str) -> datetime:
    if value.endswith("Z"):
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    naive = datetime.strptime(value, "%Y%m%dT%H%M%S")  # noqa: DTZ007 (the zone is TZID)
    return naive.replace(tzinfo=ZoneInfo(params["TZID"])).astimezone(UTC)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(ZONES),
    st.integers(0, 15 * 365 * 24 * 60).map(
        lambda minutes: datetime(2020, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    ),
)
def test_the_times_and_the_zone_agree_with_the_zone_database(zone: str, start: datetime) -> None:
    lines = parse_ics(invitation_ics(invite(start, zone)))
    event = {name: (params, value) for name, params, value in lines if name in {"DTSTART", "DTEND"}}
    # the event's DTSTART/DTEND come last among the DTSTARTs (after the observances)
    starts = [(p, v) for n, p, v in lines if n == "DTSTART"]
    assert _instant(*starts[-1]) == start
    assert _instant(*event["DTEND"]) == start + timedelta(hours=1)
    tz = ZoneInfo(zone)
    observances = [
        (value, lines[i + 1][2], lines[i + 2][2])
        for i, (name, params, value) in enumerate(lines[:-2])
        if name == "DTSTART" and not params and lines[i + 1][0] == "TZOFFSETFROM"
    ]
    assert observances
    for local, before, after in observances[1:]:
        # the change happens at the local time ``local`` of the offset before it
        sign, hours, minutes = before[0], int(before[1:3]), int(before[3:5])
        offset = timedelta(hours=hours, minutes=minutes) * (1 if sign == "+" else -1)
        moment = datetime.strptime(local, "%Y%m%dT%H%M%S").replace(tzinfo=UTC) - offset
        assert _hhmm(tz, moment - timedelta(seconds=1)) == before
        assert _hhmm(tz, moment) == after


def _hhmm(tz: ZoneInfo, at: datetime) -> str:
    offset = at.astimezone(tz).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def test_an_hour_the_clock_shows_twice_is_written_in_utc() -> None:
    # Berlin sets its clocks back at 01:00 UTC on 2026-10-25: 02:30 shows twice
    start = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    lines = parse_ics(invitation_ics(invite(start, "Europe/Berlin")))
    assert ("DTSTART", {}, "20261025T003000Z") in lines


def test_text_is_escaped_and_long_lines_folded() -> None:
    text = invitation_ics(
        invite(
            datetime(2026, 12, 2, tzinfo=UTC),
            "Asia/Shanghai",
            description="a;b,c\\d\nnext " + "长" * 60,
        )
    )
    lines = parse_ics(text)  # checks the folding at 75 octets
    description = next(v for n, _, v in lines if n == "DESCRIPTION")
    assert description.startswith("a\\;b\\,c\\\\d\\nnext ")

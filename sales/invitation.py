"""An appointment as an iCalendar invitation (RFC 5545), in the store's zone.

The event's times are given in the store's zone (``DTSTART;TZID=Asia/Urumqi:…``) with a
VTIMEZONE that describes that zone around the appointment, so a calendar shows the store's
clock whatever zone the phone is in (the ICS family of bugs in RELIABILITY.md 1.7). One UID
per appointment; ``SEQUENCE`` grows with every change, so a rescheduled invitation replaces
the old one and a cancelled one (``METHOD:CANCEL``) removes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sales.local_time import wall_clock

__all__ = ["Invitation", "invitation_ics"]

_LINE = 75  # octets per line before folding


@dataclass(frozen=True, slots=True, kw_only=True)
class Invitation:
    """What the invitation says."""

    uid: str
    sequence: int
    start: datetime
    end: datetime
    zone: str
    summary: str
    location: str
    description: str
    organizer: str  # the store's name
    stamp: datetime
    cancelled: bool = False


def invitation_ics(invite: Invitation) -> str:
    """The invitation as iCalendar text (CRLF line ends, folded at 75 octets)."""
    zone = ZoneInfo(invite.zone)
    method = "CANCEL" if invite.cancelled else "PUBLISH"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Millwork//Store visits//EN",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        *_vtimezone(zone, invite.zone, invite.start),
        "BEGIN:VEVENT",
        f"UID:{invite.uid}",
        f"SEQUENCE:{invite.sequence}",
        f"DTSTAMP:{_utc(invite.stamp)}",
        _when("DTSTART", invite.start, zone, invite.zone),
        _when("DTEND", invite.end, zone, invite.zone),
        f"SUMMARY:{_text(invite.summary)}",
        f"LOCATION:{_text(invite.location)}",
        f"DESCRIPTION:{_text(invite.description)}",
        f"ORGANIZER;CN={_param(invite.organizer)}:mailto:noreply@millwork.invalid",
        f"STATUS:{'CANCELLED' if invite.cancelled else 'CONFIRMED'}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def _vtimezone(zone: ZoneInfo, name: str, around: datetime) -> list[str]:
    """The zone's observances from a year before ``around`` to a year after: the offset in
    force at the start, then one observance per clock change (a zone without changes, like
    Asia/Shanghai today, has just the first)."""
    first = around - timedelta(days=366)
    changes = _changes(zone, first, around + timedelta(days=366))
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    offset = _offset(zone, first)
    lines += _observance(zone, first, offset, offset)
    for moment in changes:
        after = _offset(zone, moment)
        lines += _observance(zone, moment, offset, after)
        offset = after
    return [*lines, "END:VTIMEZONE"]


def _observance(zone: ZoneInfo, at: datetime, before: timedelta, after: timedelta) -> list[str]:
    kind = "DAYLIGHT" if at.astimezone(zone).dst() else "STANDARD"
    name = at.astimezone(zone).tzname() or ""
    local = (at + before).replace(tzinfo=None)  # DTSTART is the wall clock before the change
    return [
        f"BEGIN:{kind}",
        f"DTSTART:{local.strftime('%Y%m%dT%H%M%S')}",
        f"TZOFFSETFROM:{_hhmm(before)}",
        f"TZOFFSETTO:{_hhmm(after)}",
        f"TZNAME:{_text(name)}",
        f"END:{kind}",
    ]


def _changes(zone: ZoneInfo, first: datetime, last: datetime) -> list[datetime]:
    """The instants in ``[first, last]`` at which the zone's offset changes (sampled weekly,
    each change then found to the second: a zone's offsets last months, not days)."""
    found, step, at = [], timedelta(days=7), first
    while at < last:
        nxt = at + step
        if _offset(zone, at) != _offset(zone, nxt):
            low, high = at, nxt
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (
                    (middle, high)
                    if _offset(zone, middle) == _offset(zone, at)
                    else (
                        low,
                        middle,
                    )
                )
            found.append(high.replace(microsecond=0))
        at = nxt
    return found


def _offset(zone: ZoneInfo, at: datetime) -> timedelta:
    return at.astimezone(zone).utcoffset() or timedelta(0)


def _hhmm(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, moment: datetime, zone: ZoneInfo, zone_name: str) -> str:
    """A time on the store's clock; in UTC when that clock shows it twice (the hour after
    it is set back), where a wall-clock time would be read as the first showing."""
    local = wall_clock(moment, zone)
    if local.replace(tzinfo=zone, fold=0) != moment or local.replace(tzinfo=zone, fold=1) != moment:
        return f"{name}:{_utc(moment)}"
    return f"{name};TZID={zone_name}:{local.strftime('%Y%m%dT%H%M%S')}"


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _param(value: str) -> str:
    """A parameter value: quoted, with the characters a quoted value cannot hold dropped."""
    return '"' + "".join(c for c in value if c not in '"\r\n') + '"'


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > _LINE:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)

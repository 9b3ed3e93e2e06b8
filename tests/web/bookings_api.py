"""What the booking API tests share: the demo stores with their hours and designers, a
booking body, and a minimal RFC 5545 reader to check the invitations with."""

from __future__ import annotations

from typing import Any, Final

from services.backend import Backend
from services.demo import DEMO_CALENDARS, DEMO_STORES

# NOW (designs_api) is Tuesday 2026-11-24 12:00 in Shanghai; on Wednesday at 10:00 only
# one Xuhui designer is at work (the others start at noon): a slot one booking fills
ONE_DESIGNER: Final = "2026-11-25T10:00:00+08:00"
THREE_DESIGNERS: Final = "2026-11-25T14:00:00+08:00"


def with_demo_stores(backend: Backend) -> None:
    """The demo stores with their hours and designers."""
    for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True):
        backend.stores.put(store)
        backend.bookings.put_calendar(calendar)


def visit(start: str = ONE_DESIGNER, **changes: Any) -> dict[str, Any]:
    """A store visit at Xuhui."""
    return {
        "store_id": "sh-xuhui",
        "kind": "store_visit",
        "start": start,
        "name": "李伟",
        "phone": "138 0013 8000",
        **changes,
    }


def parse_ics(text: str) -> list[tuple[str, dict[str, str], str]]:
    """The content lines of an iCalendar text: name, parameters, value. Checks what RFC 5545
    asks of the text: CRLF line ends, lines of at most 75 octets, folding, balanced
    BEGIN/END."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in physical)
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    parsed, open_ = [], []
    for line in logical:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        assert name.isupper(), line
        found = dict(p.split("=", 1) for p in params)
        if name == "BEGIN":
            open_.append(value)
        elif name == "END":
            assert open_.pop() == value
        parsed.append((name, found, value))
    assert not open_
    return parsed

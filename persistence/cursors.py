"""Opaque list cursors: the (moment, id) of the last row of a page, newest first, so the next
page starts strictly after it."""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import UTC, datetime

from kernel.problems import Problem
from services.errors import InvalidInput
from services.problems import ServiceProblem

__all__ = ["make_cursor", "read_cursor"]


def make_cursor(at: datetime, row_id: str) -> str:
    """An opaque cursor after the row (``at``, ``row_id``) in the list's order."""
    raw = json.dumps([at.isoformat(), row_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read_cursor(cursor: str, ids: re.Pattern[str]) -> tuple[datetime, str]:
    """The position a cursor names (``InvalidInput`` if it is not one of ours: its id must
    match ``ids``)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        moment, row_id = json.loads(raw)
        at = datetime.fromisoformat(moment)
        if at.tzinfo is None or not ids.fullmatch(row_id):
            raise ValueError(cursor)
        return at.astimezone(UTC), row_id  # out of range in UTC: refused here, not by SQL
    except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput(
            [Problem.of(ServiceProblem.INVALID_CURSOR, "cursor", value=cursor[:40])]
        ) from None

"""What booking and leads share: a store's calendar, and a notification to send (both written
by one transaction and sent later through the outbox)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sales.stores import Designer, Store

__all__ = ["Calendar", "Notification"]


@dataclass(frozen=True, slots=True)
class Calendar:
    """A store with its hours and its designers: what its slots are computed from."""

    store: Store
    designers: tuple[Designer, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Notification:
    """A message to send from ``due_at`` on (``message``: to, phone, subject, text, ics)."""

    kind: str  # confirmation, reminder, rescheduled, cancelled
    due_at: datetime
    message: dict[str, Any]

"""Send the notifications that are due (``millwork notify``): claim, deliver, mark sent; a
failed delivery is tried again later, and a claimed one is never sent by two senders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Final

from services.backend import Backend
from services.ports import Mailer

__all__ = ["LEASE", "RETRY_AFTER", "NotifyReport", "send_due"]

LEASE: Final = timedelta(minutes=5)  # a sender that takes longer loses its claim
RETRY_AFTER: Final = timedelta(minutes=5)
BATCH: Final = 50


@dataclass(frozen=True, slots=True)
class NotifyReport:
    """How many were sent and how many failed (due again later)."""

    sent: int
    failed: int


def send_due(*, backend: Backend, mailer: Mailer) -> NotifyReport:
    """Deliver every notification due now, a batch at a time."""
    sent = failed = 0
    while True:
        now = backend.clock.now()
        claimed = backend.outbox.claim(now, now + LEASE, BATCH)
        if not claimed:
            return NotifyReport(sent, failed)
        for item in claimed:
            try:
                mailer.deliver(item)
            except Exception as exc:
                backend.outbox.failed(item.id, f"{type(exc).__name__}: {exc}", now + RETRY_AFTER)
                failed += 1
            else:
                backend.outbox.sent(item.id, backend.clock.now())
                sent += 1

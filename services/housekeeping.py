"""Housekeeping: forget what no rule counts any more, so that the tables of a long-running
server stay the size of their live content (``millwork prune``, run daily from cron or a
systemd timer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Final

from services.accounts import FAILURE_WINDOW
from services.backend import Backend
from services.throttle import LIMITS

__all__ = ["KEEP_FOR", "KEYS_KEPT_FOR", "Pruned", "prune"]

# Kept a day past the longest window that counts them: enough to look into an incident.
KEEP_FOR: Final = timedelta(days=1)
# An Idempotency-Key's answer is replayed for a week: a client retrying a booking (a phone
# that lost its signal, a tab reopened) does so within minutes or hours, not weeks.
KEYS_KEPT_FOR: Final = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Pruned:
    """How many rows each kind of housekeeping removed."""

    sessions: int
    failed_log_ins: int
    throttle_events: int
    idempotency_keys: int


def prune(*, backend: Backend) -> Pruned:
    """Delete expired sessions, the failed log-ins and throttle events no window counts any
    more (older than the longest window plus ``KEEP_FOR``), and the answers kept under
    ``Idempotency-Key``s used more than ``KEYS_KEPT_FOR`` ago."""
    now = backend.clock.now()
    longest = max([FAILURE_WINDOW, *(limit.window for limit in LIMITS)])
    before = now - longest - KEEP_FOR
    return Pruned(
        sessions=backend.sessions.forget_expired(now),
        failed_log_ins=backend.accounts.forget_failures_before(before),
        throttle_events=backend.throttle.forget_before(before),
        idempotency_keys=backend.bookings.forget_keys_before(now - KEYS_KEPT_FOR),
    )

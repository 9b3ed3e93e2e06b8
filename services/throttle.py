"""Caps on costly acts per address: new anonymous visitors (each an account and a session),
sign-ups and numbers left as leads. Past the cap the act is refused with ``TooManyAttempts``
until the window has moved on (OWASP API6: unrestricted access to sensitive flows; ASVS
2.4.1 anti-automation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Final

from services.errors import TooManyAttempts
from services.ports import Clock, Throttle

__all__ = ["LIMITS", "NEW_LEAD", "NEW_VISITOR", "SIGN_UP", "Limit", "admit"]


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``times`` acts of ``kind`` per key within ``window``."""

    kind: str
    times: int
    window: timedelta


NEW_VISITOR: Final = Limit("new_visitor", 30, timedelta(hours=1))
SIGN_UP: Final = Limit("sign_up", 10, timedelta(hours=1))
NEW_LEAD: Final = Limit("new_lead", 20, timedelta(hours=1))  # numbers left, per address
LIMITS: Final = (NEW_VISITOR, SIGN_UP, NEW_LEAD)


def admit(limit: Limit, key: str, *, throttle: Throttle, clock: Clock) -> None:
    """Count one act of ``key`` under ``limit``, or refuse it (``TooManyAttempts``).

    The act is recorded first and then counted with those before it, so of any number of
    concurrent acts at most ``limit.times`` pass: the last of them to be recorded would see
    all the others. A refused act counts too (trying on and on keeps one refused)."""
    now = clock.now()
    since = now - limit.window
    throttle.record(limit.kind, key, now, forget_before=since)
    if throttle.count(limit.kind, key, since) > limit.times:
        raise TooManyAttempts(int(limit.window.total_seconds()))

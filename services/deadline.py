"""A wall-clock safety net for long computations, read through the ``Clock`` port: the core
takes it as a plain ``should_stop`` callable and never reads a clock itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from services.ports import Clock

__all__ = ["NESTING_SAFETY_NET", "deadline"]

NESTING_SAFETY_NET = timedelta(seconds=120)
"""How long the nesting of one batch may search before it settles for the best layout found.
Its work budget ends every benchmark search long before this (BENCHMARKS.md); the net is for
batches far larger than those."""


def deadline(clock: Clock, after: timedelta) -> Callable[[], bool]:
    """``True`` once ``after`` has passed on ``clock`` since this call."""
    end = clock.now() + after
    return lambda: clock.now() >= end

"""The system clock, the one adapter of a port that lives in the web layer (the catalog files
and the quote store are in ``persistence``). Tests hand the use cases a fixed clock instead
(``tests/fakes.py``)."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["SystemClock"]


class SystemClock:
    """The machine's clock, in UTC."""

    def now(self) -> datetime:
        """The current moment."""
        return datetime.now(UTC)

"""The adapters the command line and the web app hand the use cases: the system clock, the
catalog files, the quote store. Tests hand them fakes instead (``tests/fakes.py``)."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["SystemClock"]


class SystemClock:
    """The machine's clock, in UTC."""

    def now(self) -> datetime:
        """The current moment."""
        return datetime.now(UTC)

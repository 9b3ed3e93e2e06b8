"""The system clock, the one adapter of a port that lives in the web layer (the catalog files
and the stores are in ``persistence``), and the use cases' backend wired to the database.
Tests hand the use cases a fixed clock instead (``tests/fakes.py``)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from persistence.account_store import SqlAccounts, SqlSessions, SqlTokens
from persistence.booking_store import SqlBookings
from persistence.design_store import SqlDesigns
from persistence.lead_store import SqlLeads
from persistence.outbox_store import SqlOutbox
from persistence.quote_store import SqlQuoteStore
from persistence.store_directory import SqlStores
from persistence.throttle import SqlThrottle
from services.backend import Backend
from services.ports import CatalogSource, Clock

__all__ = ["SystemClock", "database_backend"]


class SystemClock:
    """The machine's clock, in UTC."""

    def now(self) -> datetime:
        """The current moment."""
        return datetime.now(UTC)


def database_backend(engine: Engine, catalogs: CatalogSource, clock: Clock) -> Backend:
    """The use cases' ports on the database behind ``engine`` (already migrated)."""
    return Backend(
        clock=clock,
        catalogs=catalogs,
        accounts=SqlAccounts(engine),
        sessions=SqlSessions(engine),
        tokens=SqlTokens(engine),
        designs=SqlDesigns(engine),
        stores=SqlStores(engine),
        quotes=SqlQuoteStore(engine),
        throttle=SqlThrottle(engine),
        bookings=SqlBookings(engine),
        outbox=SqlOutbox(engine),
        leads=SqlLeads(engine),
    )

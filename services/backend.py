"""Everything the account, design and quote use cases may reach outside the core, in one
value: the web app and the CLI build it from the database (``web/wiring.py``), the tests from
fakes or a test database."""

from __future__ import annotations

from dataclasses import dataclass

from services.ports import (
    AccountStore,
    Bookings,
    CatalogSource,
    Clock,
    DesignStore,
    Leads,
    Outbox,
    QuoteStore,
    SessionStore,
    StoreDirectory,
    Throttle,
    TokenStore,
)

__all__ = ["Backend"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Backend:
    """The ports, wired."""

    clock: Clock
    catalogs: CatalogSource
    accounts: AccountStore
    sessions: SessionStore
    tokens: TokenStore
    designs: DesignStore
    stores: StoreDirectory
    quotes: QuoteStore
    throttle: Throttle
    bookings: Bookings
    outbox: Outbox
    leads: Leads

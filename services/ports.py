"""The ports the use cases need: what they may ask of the world outside the pure core.

Each is a ``Protocol``, so an adapter (files, a database, the system clock) or a test's
in-memory fake (``tests/fakes.py``) fits without inheriting anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from catalog.catalog import Catalog
from pricing.price import PriceBook
from pricing.quote import Quote

__all__ = ["CatalogSource", "Clock", "QuoteStore"]


class Clock(Protocol):
    """Tells the time."""

    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        ...


class CatalogSource(Protocol):
    """The checked catalog and what the store sells at: one price list and its promotions."""

    def catalog(self) -> Catalog:
        """The catalog in force."""
        ...

    def price_book(self) -> PriceBook:
        """The price list and promotions in force."""
        ...


class QuoteStore(Protocol):
    """Issued quotes, numbered per year without gaps or duplicates, never changed once kept."""

    def issue(self, year: int, make: Callable[[str], Quote]) -> Quote:
        """Number, make and keep a new quote as one step, and return it.

        ``make`` gets the next number of ``year`` (``Q-2026-000042``) and returns the quote
        under that number. Quotes issued at the same moment get consecutive numbers; if
        ``make`` or keeping fails, nothing is kept and the number goes to the next quote.
        Other issues wait while ``make`` runs, so it should only freeze what is computed.
        """
        ...

    def get(self, number: str) -> Quote:
        """An issued quote exactly as it was issued (``NotFound`` if there is none)."""
        ...

"""The ports the use cases need: what they may ask of the world outside the pure core.

Each is a ``Protocol``, so an adapter (files, a database, the system clock) or a test's
in-memory fake (``tests/fakes.py``) fits without inheriting anything.
"""

from __future__ import annotations

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
    """Issued quotes, numbered without gaps and never changed once kept."""

    def next_number(self, year: int) -> str:
        """The number the next quote issued in ``year`` gets."""
        ...

    def add(self, quote: Quote) -> None:
        """Keep a new quote; a number already taken is refused (``QuoteNumberTaken``)."""
        ...

    def get(self, number: str) -> Quote:
        """An issued quote exactly as it was issued (``NotFound`` if there is none)."""
        ...

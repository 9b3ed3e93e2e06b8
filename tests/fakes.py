"""In-memory fakes of the services' ports (``services/ports.py``): use cases run against these
in the tests, with no files, database or clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from catalog.catalog import Catalog
from pricing.price import PriceBook
from pricing.quote import Quote, quote_number
from services.errors import NotFound, QuoteNumberTaken

__all__ = ["FixedCatalogs", "FixedClock", "InMemoryQuotes"]


@dataclass(slots=True)
class FixedClock:
    """A clock that says what it is told."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment


@dataclass(frozen=True, slots=True)
class FixedCatalogs:
    """One catalog and one price book, as loaded by the test."""

    catalog_: Catalog
    book: PriceBook

    def catalog(self) -> Catalog:
        return self.catalog_

    def price_book(self) -> PriceBook:
        return self.book


@dataclass(slots=True)
class InMemoryQuotes:
    """Issued quotes in a dict, numbered per year from 1."""

    kept: dict[str, Quote] = field(default_factory=dict)

    def next_number(self, year: int) -> str:
        return quote_number(year, 1 + sum(n.startswith(f"Q-{year}-") for n in self.kept))

    def add(self, quote: Quote) -> None:
        if quote.number in self.kept:
            raise QuoteNumberTaken(quote.number)
        self.kept[quote.number] = quote

    def get(self, number: str) -> Quote:
        try:
            return self.kept[number]
        except KeyError:
            raise NotFound("quote", number) from None

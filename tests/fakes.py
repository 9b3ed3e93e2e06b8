"""In-memory fakes of the services' ports (``services/ports.py``): use cases run against these
in the tests, with no files, database or clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from catalog.catalog import Catalog
from pricing.price import PriceBook
from pricing.quote import Quote, quote_number
from services.errors import NotFound
from services.ports import QuoteSource

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
    """Issued quotes in a dict, numbered per year from 1; a failed issue uses no number."""

    kept: dict[str, Quote] = field(default_factory=dict)
    last: dict[int, int] = field(default_factory=dict)  # year -> last sequence issued

    sources: dict[str, QuoteSource | None] = field(default_factory=dict)

    def issue(
        self, year: int, make: Callable[[str], Quote], source: QuoteSource | None = None
    ) -> Quote:
        sequence = self.last.get(year, 0) + 1
        number = quote_number(year, sequence)
        quote = make(number)
        if quote.number != number:
            raise ValueError(f"asked to make quote {number}, got {quote.number}")
        self.kept[number], self.last[year] = quote, sequence
        self.sources[number] = source
        return quote

    def get(self, number: str) -> Quote:
        try:
            return self.kept[number]
        except KeyError:
            raise NotFound("quote", number) from None

    def source(self, number: str) -> QuoteSource | None:
        self.get(number)
        return self.sources[number]

    def of_design(self, design_id: str) -> list[str]:
        return [n for n, s in self.sources.items() if s is not None and s.design_id == design_id]

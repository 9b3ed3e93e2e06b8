"""Quotes: an immutable snapshot of a design revision and its price.

An issued quote never changes: it carries its own lines, promotions, totals and the catalog
and price-list versions it used, so re-reading it after a price change shows the old totals.
Re-quoting makes a new quote with a new number. Its JSON form is written and read at the edge
(``persistence.pricing_json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

from configurator.model.design import Design
from pricing.price import Price

__all__ = ["Parties", "Quote", "issue_quote", "quote_number"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Parties:
    """Who a quote is made out to and by, as they were named when it was issued (a quote of
    a design file from the CLI names nobody)."""

    customer: str | None = None  # the design's owner
    store: str | None = None  # the store looking after the design: name and city
    issued_by: str | None = None  # the designer, manager or customer who asked for it

    @property
    def issued_online(self) -> bool:
        """The customer asked for the quote themselves (on the site): the services name the
        issuer as the customer then; a document names no member of staff for it."""
        return self.issued_by is not None and self.issued_by == self.customer


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A frozen quote: number, when, until when, for which design, at which price."""

    number: str
    issued_at: datetime
    valid_until: datetime
    design: Design
    price: Price
    drawings: Mapping[str, str]  # name -> SVG, frozen with the quote
    parties: Parties = Parties()

    @property
    def design_name(self) -> str:
        """The name the design was given."""
        return self.design.name


def quote_number(year: int, sequence: int) -> str:
    """The human number of a quote.

    Examples
    --------
    >>> quote_number(2026, 123)
    'Q-2026-000123'
    """
    return f"Q-{year}-{sequence:06d}"


def issue_quote(  # noqa: PLR0913 - keyword-only after what it freezes
    design: Design,
    price: Price,
    *,
    number: str,
    issued_at: datetime,
    validity_days: int,
    drawings: Mapping[str, str],
    parties: Parties | None = None,
) -> Quote:
    """Freeze ``price`` and ``drawings`` for ``design``, made out to ``parties``."""
    return Quote(
        number=number,
        issued_at=issued_at,
        valid_until=issued_at + timedelta(days=validity_days),
        design=design,
        price=price,
        drawings=MappingProxyType(dict(drawings)),
        parties=parties or Parties(),
    )

"""Rows to frozen domain objects and back: the one place that knows both shapes."""

from __future__ import annotations

from persistence.pricing_json import quote_from_json, quote_to_json
from persistence.tables import QuoteRow
from pricing.quote import Quote

__all__ = ["quote_of", "quote_row"]


def quote_row(quote: Quote, *, year: int, sequence: int) -> QuoteRow:
    """The row that keeps ``quote``: its whole snapshot, and the columns lists search on."""
    return QuoteRow(
        number=quote.number,
        year=year,
        sequence=sequence,
        issued_at=quote.issued_at,
        valid_until=quote.valid_until,
        design_name=quote.design_name,
        catalog_version=quote.price.catalog_version,
        price_list_version=quote.price.price_list_version,
        currency=quote.price.currency.value,
        total=quote.price.total,
        snapshot=quote_to_json(quote),
    )


def quote_of(row: QuoteRow) -> Quote:
    """The quote exactly as it was issued, read from its snapshot (the columns are copies)."""
    return quote_from_json(row.snapshot)

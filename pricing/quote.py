"""Quotes: an immutable snapshot of a design revision and its price.

An issued quote never changes: it carries its own lines, promotions, totals and the catalog
and price-list versions it used, so re-reading it after a price change shows the old totals.
Re-quoting makes a new quote with a new number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from pricing.lines import QuoteLine
from pricing.price import Price

__all__ = [
    "Quote",
    "issue_quote",
    "price_to_dict",
    "quote_from_dict",
    "quote_number",
    "quote_to_dict",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A frozen quote: number, when, until when, for which design, at which price."""

    number: str
    issued_at: datetime
    valid_until: datetime
    design_name: str
    design: Mapping[str, Any]
    price: Mapping[str, Any]
    drawings: Mapping[str, str]  # name -> SVG, frozen with the quote


def quote_number(year: int, sequence: int) -> str:
    """The human number of a quote.

    Examples
    --------
    >>> quote_number(2026, 123)
    'Q-2026-000123'
    """
    return f"Q-{year}-{sequence:06d}"


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _line(x: QuoteLine, discount: Decimal) -> dict[str, Any]:
    return {
        "key": x.key,
        "cabinet": x.cabinet,
        "category": x.category.value,
        "item": x.item,
        "description": x.description,
        "description_zh": x.description_zh,
        "quantity": f"{x.quantity}",
        "unit": x.unit,
        "rate": _money(x.rate),
        "amount": _money(x.amount),
        "discount": _money(discount),
        "formula": x.formula,
    }


def price_to_dict(price: Price) -> dict[str, Any]:
    """The price as JSON-ready data, amounts as decimal strings (``"12345.00"``)."""
    return {
        "currency": price.currency.value,
        "method": price.method.value,
        "region": price.region,
        "lines": [_line(x, price.line_discounts.get(x.key, Decimal(0))) for x in price.lines],
        "gifts": [_line(x, Decimal(0)) for x in price.gifts],
        "promotions": {
            "applied": [
                {
                    "id": a.id,
                    "name": a.name,
                    "name_zh": a.name_zh,
                    "discount": _money(a.discount),
                    "detail": a.detail.value,
                    "params": dict(a.params),
                }
                for a in price.applied
            ],
            "not_applied": [
                {
                    "id": n.id,
                    "name": n.name,
                    "name_zh": n.name_zh,
                    "reason": n.reason.value,
                    "params": dict(n.params),
                }
                for n in price.not_applied
            ],
        },
        "subtotal": _money(price.subtotal),
        "discount": _money(price.discount),
        "tax_included": _money(price.tax_included),
        "vat_rate": f"{price.vat_rate}",
        "total": _money(price.total),
        "deposit": _money(price.deposit),
        "balance": _money(price.balance),
        "price_list_version": price.price_list_version,
        "catalog_version": price.catalog_version,
        "problems": [p.as_dict() for p in price.problems],
    }


def issue_quote(
    design: Mapping[str, Any],
    price: Price,
    *,
    number: str,
    issued_at: datetime,
    validity_days: int,
    drawings: Mapping[str, str],
) -> Quote:
    """Freeze ``price`` and ``drawings`` for ``design`` (the document, as submitted)."""
    return Quote(
        number=number,
        issued_at=issued_at,
        valid_until=issued_at + timedelta(days=validity_days),
        design_name=str(design.get("name", "")),
        design=design,
        price=price_to_dict(price),
        drawings=dict(drawings),
    )


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """The quote as JSON-ready data."""
    return {
        "number": quote.number,
        "issued_at": quote.issued_at.isoformat(),
        "valid_until": quote.valid_until.isoformat(),
        "design_name": quote.design_name,
        "design": dict(quote.design),
        "price": dict(quote.price),
        "drawings": dict(quote.drawings),
    }


def quote_from_dict(data: Mapping[str, Any]) -> Quote:
    """Read a quote back exactly as it was issued."""
    return Quote(
        number=data["number"],
        issued_at=datetime.fromisoformat(data["issued_at"]),
        valid_until=datetime.fromisoformat(data["valid_until"]),
        design_name=data["design_name"],
        design=data["design"],
        price=data["price"],
        drawings=data.get("drawings", {}),
    )

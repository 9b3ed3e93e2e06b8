"""Prices and quotes as JSON data, and back: the one place that maps them.

Amounts are decimal strings with two places (``"12345.00"``), or with every digit when a value
has more (a rate of ``"0.125"``), so reading back gives exactly the value written. Promotion
outcomes are codes with their params; their wording is the web layer's. Derived values
(``formula``, ``design_name``) are written for readers and ignored when read back.

``price_to_json`` may take a ``kernel.memo.Memo``: a line's JSON but for its discount is then
remembered per line object (the evaluation memo hands back the same line objects for the
cabinets an edit did not change), so a live edit writes only the changed cabinets' lines anew.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from catalog.price_list import Method
from configurator.model.document import parse_design, to_document
from kernel.memo import Memo, no_memo
from kernel.money import Currency, round_amount
from kernel.problems import Param, Problem, ProblemCode, Severity
from pricing.lines import Category, QuoteLine
from pricing.minimum import MinimumDetail, MinimumTopUp
from pricing.price import Price
from pricing.promotion_kinds import AppliedDetail, NotAppliedReason
from pricing.promotions import Applied, NotApplied
from pricing.quote import Parties, Quote

__all__ = ["price_from_json", "price_to_json", "quote_from_json", "quote_to_json"]


def _money(value: Decimal) -> str:
    """``"12345.00"``; all the digits when two places would lose some."""
    return f"{value:.2f}" if round_amount(value) == value else f"{value:f}"


def _params(data: Mapping[str, Param]) -> Mapping[str, Param]:
    return MappingProxyType(dict(data))


def _line_to_json(x: QuoteLine, discount: Decimal, memo: Memo = no_memo) -> dict[str, Any]:
    """The line's JSON. With a memo, everything but the discount is remembered under the line
    object's identity, not its value: ``Decimal("1.0") == Decimal("1.00")``, but they are
    written differently. The remembered value holds the line, so while it is remembered no
    other object can have its id."""
    kept, template = memo(("line json", id(x)), lambda: (x, _line_template(x)))
    data = (template if kept is x else _line_template(x)).copy()
    data["discount"] = _money(discount)  # its place is kept: the key is in the template
    return data


def _line_template(x: QuoteLine) -> MappingProxyType[str, Any]:
    """A line's JSON with a placeholder discount, read-only: it may be shared."""
    return MappingProxyType(
        {
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
            "discount": "",
            "formula": x.formula,
            "note": x.note,
        }
    )


def _line_from_json(data: Mapping[str, Any]) -> QuoteLine:
    return QuoteLine(
        key=data["key"],
        cabinet=data["cabinet"],
        category=Category(data["category"]),
        item=data["item"],
        description=data["description"],
        description_zh=data["description_zh"],
        quantity=Decimal(data["quantity"]),
        unit=data["unit"],
        rate=Decimal(data["rate"]),
        amount=Decimal(data["amount"]),
        note=data.get("note", ""),
    )


def _problem_from_json(data: Mapping[str, Any]) -> Problem:
    return Problem.of(
        ProblemCode.named(data["code"]),
        data["path"],
        Severity(data["severity"]),
        **_params(data["params"]),
    )


def price_to_json(price: Price, *, memo: Memo = no_memo) -> dict[str, Any]:
    """The price as JSON-ready data, amounts as decimal strings (``"12345.00"``); ``memo``
    may remember each line's JSON (the answer is the same with or without it)."""
    discounts, zero = price.line_discounts, Decimal(0)
    return {
        "currency": price.currency.value,
        "method": price.method.value,
        "region": price.region,
        "lines": [_line_to_json(x, discounts.get(x.key, zero), memo) for x in price.lines],
        "gifts": [_line_to_json(x, zero, memo) for x in price.gifts],
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
        "minimum": None
        if price.minimum is None
        else {
            "amount": _money(price.minimum.amount),
            "detail": price.minimum.detail.value,
            "params": dict(price.minimum.params),
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


def price_from_json(data: Mapping[str, Any]) -> Price:
    """Read a price back exactly as ``price_to_json`` wrote it (extra keys are ignored)."""
    promotions = data["promotions"]
    return Price(
        currency=Currency(data["currency"]),
        method=Method(data["method"]),
        region=data["region"],
        lines=tuple(_line_from_json(x) for x in data["lines"]),
        line_discounts=MappingProxyType({x["key"]: Decimal(x["discount"]) for x in data["lines"]}),
        gifts=tuple(_line_from_json(x) for x in data["gifts"]),
        applied=tuple(
            Applied(
                id=a["id"],
                name=a["name"],
                name_zh=a["name_zh"],
                discount=Decimal(a["discount"]),
                detail=AppliedDetail(a["detail"]),
                params=_params(a["params"]),
            )
            for a in promotions["applied"]
        ),
        not_applied=tuple(
            NotApplied(
                id=n["id"],
                name=n["name"],
                name_zh=n["name_zh"],
                reason=NotAppliedReason(n["reason"]),
                params=_params(n["params"]),
            )
            for n in promotions["not_applied"]
        ),
        minimum=_minimum_from_json(data.get("minimum")),  # absent in quotes before it
        subtotal=Decimal(data["subtotal"]),
        discount=Decimal(data["discount"]),
        total=Decimal(data["total"]),
        tax_included=Decimal(data["tax_included"]),
        vat_rate=Decimal(data["vat_rate"]),
        deposit=Decimal(data["deposit"]),
        balance=Decimal(data["balance"]),
        price_list_version=data["price_list_version"],
        catalog_version=data["catalog_version"],
        problems=tuple(_problem_from_json(p) for p in data["problems"]),
    )


def _minimum_from_json(data: Mapping[str, Any] | None) -> MinimumTopUp | None:
    if data is None:
        return None
    return MinimumTopUp(
        amount=Decimal(data["amount"]),
        detail=MinimumDetail(data["detail"]),
        params=_params(data["params"]),
    )


def quote_to_json(quote: Quote) -> dict[str, Any]:
    """The quote as JSON-ready data: its design as a document v1, its price as above."""
    return {
        "number": quote.number,
        "issued_at": quote.issued_at.isoformat(),
        "valid_until": quote.valid_until.isoformat(),
        "design_name": quote.design_name,
        "design": to_document(quote.design),
        "price": price_to_json(quote.price),
        "drawings": dict(quote.drawings),
        "customer": quote.parties.customer,
        "store": quote.parties.store,
        "issued_by": quote.parties.issued_by,
    }


def quote_from_json(data: Mapping[str, Any]) -> Quote:
    """Read a quote back exactly as it was issued.

    Raises
    ------
    configurator.model.errors.InvalidDesign
        If the stored design document cannot be read.
    """
    return Quote(
        number=data["number"],
        issued_at=datetime.fromisoformat(data["issued_at"]),
        valid_until=datetime.fromisoformat(data["valid_until"]),
        design=parse_design(data["design"]),
        price=price_from_json(data["price"]),
        drawings=MappingProxyType(dict(data.get("drawings", {}))),
        parties=Parties(  # quotes issued before they named anyone read back naming nobody
            customer=data.get("customer"),
            store=data.get("store"),
            issued_by=data.get("issued_by"),
        ),
    )

"""Prices and quotes survive their JSON form exactly, and every part of them is frozen."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from catalog.price_list import Method
from persistence.price_files import load_price_list, load_promotions
from persistence.pricing_json import (
    price_from_json,
    price_to_json,
    quote_from_json,
    quote_to_json,
)
from pricing.lines import QuoteLine
from pricing.price import Price, PriceBook, price_design
from pricing.promotions import Customer
from pricing.quote import Quote
from tests.builders import a_build
from tests.strategies import CATALOG, cabinets

BEDROOM = Path(__file__).parents[2] / "examples" / "bedroom.json"
NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


def through_json(data: dict[str, Any]) -> Any:
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_a_quote_reads_back_equal_to_the_one_issued(bedroom_quote: Quote) -> None:
    again = quote_from_json(through_json(quote_to_json(bedroom_quote)))
    assert again == bedroom_quote
    assert again.price.applied and again.price.not_applied  # the promotions are in it too
    assert quote_to_json(again) == quote_to_json(bedroom_quote)


def test_the_json_shape(bedroom_quote: Quote) -> None:
    data = quote_to_json(bedroom_quote)
    assert data["design_name"] == "Master bedroom" and data["design"]["cabinets"][0]["id"] == "W1"
    price = data["price"]
    for key in ("subtotal", "discount", "tax_included", "total", "deposit", "balance"):
        assert re.fullmatch(r"-?\d+\.\d\d", price[key]), key
    assert all(re.fullmatch(r"\d+\.\d\d", x["rate"]) for x in price["lines"])
    applied = {a["id"]: a for a in price["promotions"]["applied"]}
    assert applied["MEMBER-5"]["detail"] == "member_percent"
    assert applied["MEMBER-5"]["params"] == {"percent": "0.05", "base": "3772.26"}
    not_applied = {n["id"]: n for n in price["promotions"]["not_applied"]}
    assert not_applied["WELCOME300"]["reason"] == "spend_more"  # the bedroom is under ¥5,000
    assert not_applied["WELCOME300"]["params"] == {"more": "1227.74", "off": "300.00"}


def test_rates_with_more_than_two_places_keep_every_digit(bedroom_quote: Quote) -> None:
    price = bedroom_quote.price
    odd = price.lines[0]._replace(rate=Decimal("0.125"))
    changed = dataclasses.replace(price, lines=(odd, *price.lines[1:]))
    data = price_to_json(changed)
    assert data["lines"][0]["rate"] == "0.125"
    assert price_from_json(through_json(data)) == changed


@given(
    cabinet=cabinets(),
    member=st.booleans(),
    coupon=st.sampled_from([None, "WELCOME300", "BOGUS"]),
    method=st.sampled_from(list(Method)),
    day=st.dates(min_value=datetime(2025, 6, 1).date(), max_value=datetime(2028, 1, 1).date()),  # noqa: DTZ001
)
def test_any_price_reads_back_equal(
    cabinet: dict[str, Any], member: bool, coupon: str | None, method: Method, day: Any
) -> None:
    book = PriceBook(price_list=load_price_list(CATALOG), promotions=load_promotions())
    price = price_design(
        a_build(CATALOG, cabinet),
        CATALOG,
        book,
        now=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        customer=Customer(member=member, coupon=coupon),
        method=method,
    )
    assert price_from_json(through_json(price_to_json(price))) == price


def frozen_parts(value: object, path: str = "") -> list[str]:
    """Where ``value`` holds something that can change in place (empty when none)."""
    if isinstance(value, str | int | float | Decimal | Enum | datetime | type(None)):
        return []
    if isinstance(value, MappingProxyType):
        return [p for k, v in value.items() for p in frozen_parts(v, f"{path}[{k!r}]")]
    if isinstance(value, tuple):  # tuples and QuoteLine named tuples
        return [p for i, v in enumerate(value) for p in frozen_parts(v, f"{path}[{i}]")]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            return [f"{path}: {type(value).__name__} is not frozen"]
        return [
            p
            for f in dataclasses.fields(value)
            for p in frozen_parts(getattr(value, f.name), f"{path}.{f.name}")
        ]
    return [f"{path}: {type(value).__name__}"]


def test_a_quote_is_frozen_all_the_way_down(bedroom_quote: Quote) -> None:
    assert frozen_parts(bedroom_quote) == []
    assert frozen_parts(quote_from_json(through_json(quote_to_json(bedroom_quote)))) == []
    assert isinstance(bedroom_quote.price.lines[0], QuoteLine)
    assert isinstance(bedroom_quote.price, Price)

"""The whole price: properties over designs, tax, deposit, and quotes that never change."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from catalog.catalog import Catalog
from catalog.price_list import Method, PriceList
from configurator.model.document import parse_design
from persistence.pricing_json import quote_from_json, quote_to_json
from pricing.price import Price, PriceBook, price_design
from pricing.promotion_kinds import Promotions
from pricing.promotions import Customer
from pricing.quote import issue_quote
from tests.builders import a_build, a_cabinet, a_document
from tests.strategies import CATALOG, cabinets

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
SHELVES = {
    "sections": [
        {
            "width_mm": None,
            "items": [{"kind": "shelf", "at_mm": 600}, {"kind": "shelf", "at_mm": 1200}],
        }
    ]
}


def priced(
    catalog: Catalog,
    book: PriceBook,
    *cabs: dict[str, Any],
    customer: Customer | None = None,
    method: Method | None = None,
) -> Price:
    return price_design(
        a_build(catalog, *cabs), catalog, book, now=NOW, customer=customer, method=method
    )


def test_totals_add_up_with_tax_and_deposit(
    catalog: Catalog, price_list: PriceList, promotions: Promotions
) -> None:
    book = PriceBook(price_list=price_list, promotions=promotions)
    price = priced(
        catalog,
        book,
        a_cabinet(id="A", width_mm=1600),
        a_cabinet(id="B", width_mm=1600, offset_mm=1600),
        customer=Customer(member=True, coupon="WELCOME300"),
    )
    assert price.subtotal == sum(x.amount for x in price.lines)
    assert price.total == price.subtotal - price.discount
    assert price.discount == sum(a.discount for a in price.applied)
    assert price.tax_included == (price.total * Decimal("0.13") / Decimal("1.13")).quantize(
        Decimal("0.01")
    )
    assert price.deposit % 100 == 0 and price.deposit >= price.total * Decimal("0.3")
    assert price.balance == price.total - price.deposit


@given(
    cabinet=cabinets(),
    member=st.booleans(),
    coupon=st.sampled_from([None, "WELCOME300", "BOGUS"]),
    method=st.sampled_from(list(Method)),
)
def test_properties_over_random_designs(
    cabinet: dict[str, Any], member: bool, coupon: str | None, method: Method
) -> None:
    from persistence.price_files import load_price_list, load_promotions

    book = PriceBook(price_list=load_price_list(CATALOG), promotions=load_promotions())
    customer = Customer(member=member, coupon=coupon)
    price = priced(CATALOG, book, cabinet, customer=customer, method=method)
    again = priced(CATALOG, book, cabinet, customer=customer, method=method)
    assert price == again  # deterministic
    assert price.total == sum(x.amount for x in price.lines) - sum(price.line_discounts.values())
    assert Decimal(0) <= price.discount <= price.subtotal  # promotions never raise a total
    assert all(x.amount == x.amount.quantize(Decimal("0.01")) for x in price.lines)


@given(width=st.integers(1201, 1498), extra=st.integers(1, 200))
def test_price_grows_with_width(width: int, extra: int) -> None:
    """Same interior, both widths non-standard (1200 and 1500 are standard widths, priced
    without the 1.15 non-standard coefficient, so 1500 costs less than 1351), unfolded."""
    from persistence.price_files import load_price_list

    book = PriceBook(
        price_list=load_price_list(CATALOG), promotions=Promotions(stacking=(), items=())
    )
    wider = min(width + extra, 1499)
    narrow = priced(CATALOG, book, a_cabinet(width_mm=width, interior=SHELVES))
    wide = priced(CATALOG, book, a_cabinet(width_mm=wider, interior=SHELVES))
    assert wide.subtotal >= narrow.subtotal


def test_a_dearer_material_costs_more(catalog: Catalog, price_list: PriceList) -> None:
    book = PriceBook(price_list=price_list, promotions=Promotions(stacking=(), items=()))
    white = priced(catalog, book, a_cabinet(width_mm=1600, carcass_material="PB18_WHITE"))
    birch = priced(catalog, book, a_cabinet(width_mm=1600, carcass_material="PLY18_BIRCH"))
    assert birch.total > white.total


def test_an_issued_quote_keeps_its_totals_after_a_price_change(
    catalog: Catalog, price_list: PriceList, promotions: Promotions
) -> None:
    # given a quote issued with this price list, kept as its JSON snapshot
    document = a_document(a_cabinet(width_mm=1600))
    book = PriceBook(price_list=price_list, promotions=promotions)
    price = priced(catalog, book, *document["cabinets"])
    quote = issue_quote(
        parse_design(document),
        price,
        number="Q-2026-000001",
        issued_at=NOW,
        validity_days=price_list.quote_validity_days,
        drawings={},
    )
    kept = json.dumps(quote_to_json(quote))
    # when the board gets dearer
    dearer = replace(
        price_list,
        version="2026.12-P2",
        board=MappingProxyType({k: v * 2 for k, v in price_list.board.items()}),
    )
    repriced = priced(
        catalog, PriceBook(price_list=dearer, promotions=promotions), *document["cabinets"]
    )
    # then the issued quote, read back, shows the old totals; a new price shows the new ones
    again = quote_from_json(json.loads(kept))
    assert again == quote and again.price.total == price.total
    assert again.price.price_list_version == price_list.version != dearer.version
    assert repriced.total > price.total


def test_price_list_outside_its_dates_is_flagged(
    catalog: Catalog, price_list: PriceList, promotions: Promotions
) -> None:
    book = PriceBook(price_list=price_list, promotions=promotions)
    late = price_design(
        a_build(catalog, a_cabinet()), catalog, book, now=datetime(2028, 1, 1, tzinfo=UTC)
    )
    assert "price_list_not_valid" in [p.code for p in late.problems]

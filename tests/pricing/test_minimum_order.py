"""The minimum order (issue 11): no discount takes an order below it. The top-up comes last,
on what the customer would pay, and says how it applied (a detail code with its numbers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from pricing.lines import Category
from pricing.minimum import MINIMUM_KEY, MinimumDetail
from pricing.price import Price, PriceBook, price_design
from pricing.promotion_kinds import (
    CategoryDiscount,
    Coupon,
    FlashPrice,
    MemberDiscount,
    Promotion,
    PromotionKind,
    Promotions,
    ThresholdDiscount,
)
from pricing.promotions import Customer
from tests.builders import a_build, a_cabinet
from tests.pricing.test_promotions import terms
from tests.strategies import CATALOG, cabinets

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
FILLER = a_cabinet(template="filler", width_mm=100, height_mm=2400, depth_mm=100)
NONE = Promotions(stacking=(), items=())


MEMBER_5 = MemberDiscount(terms=terms("MEMBER"), percent=Decimal("0.05"))


def priced(
    catalog: Catalog, price_list: PriceList, promotions: Promotions, member: bool = False
) -> Price:
    book = PriceBook(price_list=price_list, promotions=promotions)
    build = a_build(catalog, FILLER)
    return price_design(build, catalog, book, now=NOW, customer=Customer(member=member))


def test_a_small_order_is_topped_up_to_the_minimum(catalog: Catalog, price_list: PriceList) -> None:
    """The filler costs 318.39 (tests/pricing/test_costing.py): 2681.61 up to 3000."""
    price = priced(catalog, price_list, NONE)
    assert price.lines[-1].key == MINIMUM_KEY
    assert price.lines[-1].amount == Decimal("2681.61")
    assert (price.subtotal, price.discount, price.total) == (
        Decimal("3000.00"),
        Decimal(0),
        Decimal("3000.00"),
    )
    assert price.minimum is not None
    assert price.minimum.detail is MinimumDetail.TOPPED_UP
    assert dict(price.minimum.params) == {
        "minimum": "3000.00",
        "order": "318.39",
        "top_up": "2681.61",
    }


def test_a_discount_does_not_take_a_topped_up_order_below_the_minimum(
    catalog: Catalog, price_list: PriceList
) -> None:
    """Issue 11: the top-up was a line the member's 5 % then came off, 3000 -> 2850. Now the
    5 % comes off the filler's 318.39 (15.92), and 302.47 is topped up by 2697.53."""
    price = priced(catalog, price_list, Promotions(stacking=(), items=(MEMBER_5,)), member=True)
    assert price.discount == Decimal("15.92")
    assert price.total == Decimal("3000.00")
    assert price.line_discounts[MINIMUM_KEY] == 0  # the top-up earns no discount
    assert price.minimum is not None
    assert price.minimum.detail is MinimumDetail.TOPPED_UP_AFTER_DISCOUNTS
    assert dict(price.minimum.params) == {
        "minimum": "3000.00",
        "order": "302.47",
        "top_up": "2697.53",
        "discount": "15.92",
    }


def test_an_order_over_the_minimum_after_its_discounts_has_no_top_up(
    catalog: Catalog, price_list: PriceList
) -> None:
    low = replace(price_list, min_order=Decimal("300.00"))
    price = priced(catalog, low, Promotions(stacking=(), items=(MEMBER_5,)), member=True)
    assert price.total == Decimal("302.47") and price.minimum is None
    assert MINIMUM_KEY not in [x.key for x in price.lines]


money = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("60000"), places=2)
fraction = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1"), places=2)


@st.composite
def promotions(draw: st.DrawFn) -> Promotions:
    """Any mix of discounts, generous or not, in any stacking order."""
    offers: list[Promotion] = []
    if draw(st.booleans()):
        category = draw(st.sampled_from([c.value for c in Category]))
        offers.append(
            CategoryDiscount(terms=terms("CAT"), category=category, percent=draw(fraction))
        )
    if draw(st.booleans()):
        spends = sorted(draw(st.lists(money, min_size=1, max_size=3, unique=True)))
        tiers = tuple((s, draw(money)) for s in spends)
        offers.append(ThresholdDiscount(terms=terms("STEPS"), tiers=tiers))
    if draw(st.booleans()):
        amount = draw(st.none() | money)
        percent = draw(fraction) if amount is None else None
        offers.append(
            Coupon(
                terms=terms("COUPON"),
                code="C",
                amount=amount,
                percent=percent,
                min_spend=draw(money),
            )
        )
    if draw(st.booleans()):
        offers.append(MemberDiscount(terms=terms("MEMBER"), percent=draw(fraction)))
    if draw(st.booleans()):
        offers.append(FlashPrice(terms=terms("FLASH"), item="HANDLE_320", price=draw(money)))
    stacking = tuple(draw(st.permutations(list(PromotionKind))))
    return Promotions(stacking=stacking, items=tuple(offers))


@given(
    cabinet=cabinets(),
    offer=promotions(),
    minimum=money,
    member=st.booleans(),
)
def test_no_basket_and_no_promotion_ends_below_the_minimum(
    cabinet: dict[str, Any], offer: Promotions, minimum: Decimal, member: bool
) -> None:
    from persistence.price_files import load_price_list

    price_list = replace(load_price_list(CATALOG), min_order=minimum)
    book = PriceBook(price_list=price_list, promotions=offer)
    customer = Customer(member=member, coupon="C")
    price = price_design(a_build(CATALOG, cabinet), CATALOG, book, now=NOW, customer=customer)
    assert price.total >= minimum  # the payable total never ends below the minimum
    assert price.total == price.subtotal - price.discount
    assert price.subtotal == sum(x.amount for x in price.lines)
    topped = [x for x in price.lines if x.key == MINIMUM_KEY]
    if price.minimum is None:
        assert topped == []
    else:  # topped up exactly to the minimum, the top-up worded with its numbers
        assert price.total == minimum
        assert [x.amount for x in topped] == [price.minimum.amount]
        assert Decimal(str(price.minimum.params["top_up"])) == price.minimum.amount
        assert (price.discount > 0) == (
            price.minimum.detail is MinimumDetail.TOPPED_UP_AFTER_DISCOUNTS
        )


def test_the_top_up_is_kept_in_a_quote_and_worded_for_the_customer(
    catalog: Catalog, price_list: PriceList
) -> None:
    from persistence.pricing_json import price_from_json, price_to_json
    from web.views import price_view

    price = priced(catalog, price_list, Promotions(stacking=(), items=(MEMBER_5,)), member=True)
    assert price_from_json(price_to_json(price)) == price
    shown = price_view(price, "zh-CN")["minimum"]
    assert shown["detail"] == "minimum_topped_up_after_discounts"
    assert shown["message"] == (
        "优惠 ¥15.92 后订单金额 ¥302.47，低于最低订单金额 ¥3,000.00，补足 ¥2,697.53，"
        "按最低订单金额支付"
    )
    assert (
        price_view(priced(catalog, replace(price_list, min_order=Decimal(0)), NONE))["minimum"]
        is None
    )

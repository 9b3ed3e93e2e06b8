"""Every promotion type, table-driven with totals worked out by hand, and bad data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.money import allocate_amounts
from pricing.lines import Category, QuoteLine
from pricing.promotion_data import parse_promotions
from pricing.promotion_kinds import (
    AppliedDetail,
    Basket,
    Benefit,
    CategoryDiscount,
    Coupon,
    FlashPrice,
    Gift,
    MemberDiscount,
    NotAppliedReason,
    Promotion,
    PromotionKind,
    Promotions,
    Terms,
    ThresholdDiscount,
)
from pricing.promotions import Customer, apply_promotions

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
SPAN = {
    "valid_from": datetime(2026, 1, 1, tzinfo=UTC),
    "valid_until": datetime(2026, 12, 31, tzinfo=UTC),
}


def a_line(
    key: str,
    amount: str,
    category: Category = Category.BOARD,
    *,
    item: str = "X",
    quantity: str = "1",
) -> QuoteLine:
    q = Decimal(quantity)
    return QuoteLine(
        key=key,
        cabinet="C",
        category=category,
        item=item,
        description=key,
        description_zh=key,
        quantity=q,
        unit="pcs",
        rate=Decimal(amount) / q,
        amount=Decimal(amount),
    )


def terms(ident: str, **changes: Any) -> Terms:
    return Terms(**{"id": ident, "name": ident, "name_zh": ident, **SPAN, **changes})


def offer(*items: Promotion) -> Promotions:
    return Promotions(stacking=tuple(PromotionKind), items=items)


LINES = [
    a_line("board", "9000.00"),
    a_line("hw", "1000.00", Category.HARDWARE),
    a_line("handles", "180.00", Category.HARDWARE, item="HANDLE_320", quantity="4"),
]
STEPS = ThresholdDiscount(
    terms=terms("THRESHOLD", group="order"),
    tiers=((Decimal(5000), Decimal(300)), (Decimal(10000), Decimal(800))),
)
COUPON = Coupon(
    terms=terms("COUPON", group="order"),
    code="SAVE100",
    amount=Decimal(100),
    min_spend=Decimal(5000),
    max_uses=10,
    per_customer=1,
)
FLASH = FlashPrice(terms=terms("FLASH"), item="HANDLE_320", price=Decimal(29))
HARDWARE_10 = CategoryDiscount(terms=terms("CATEGORY"), category="hardware", percent=Decimal("0.1"))
MEMBER_5 = MemberDiscount(terms=terms("MEMBER"), percent=Decimal("0.05"))
GIFT = Gift(terms=terms("GIFT"), threshold=Decimal(10000), item="HANDLE_160", quantity=4)
NAMES = {
    "HANDLE_160": ("Bar handle, 160 mm", "拉手 160mm"),
    "HANDLE_320": ("Bar handle, 320 mm", "拉手 320mm"),
}
HANDLE_160 = {"item": "HANDLE_160", "item_name": "Bar handle, 160 mm", "item_name_zh": "拉手 160mm"}
HANDLE_320 = {"item": "HANDLE_320", "item_name": "Bar handle, 320 mm", "item_name_zh": "拉手 320mm"}


@pytest.mark.parametrize(
    ("promotions", "customer", "discount", "applied"),
    [
        pytest.param([STEPS], None, "800.00", ["THRESHOLD"], id="steps-10180-gets-800"),
        pytest.param(
            [HARDWARE_10],
            None,
            "118.00",
            ["CATEGORY"],
            id="10pct-of-1180-hardware",
        ),
        pytest.param(
            [FLASH],
            None,
            "64.00",
            ["FLASH"],
            id="flash-4-handles-45-to-29",
        ),
        pytest.param(
            [MEMBER_5],
            Customer(member=True),
            "509.00",
            ["MEMBER"],
            id="member-5pct-of-10180",
        ),
        pytest.param([MEMBER_5], None, "0.00", [], id="member-not-a-member"),
        pytest.param(
            [HARDWARE_10, MEMBER_5],
            Customer(member=True),
            "621.10",
            ["CATEGORY", "MEMBER"],
            id="member-on-sale-price: 118 + 5% of 10062 = 503.10",
        ),
        pytest.param(
            [COUPON], Customer(coupon="save100"), "100.00", ["COUPON"], id="coupon-code-any-case"
        ),
        pytest.param(
            [STEPS, COUPON],
            Customer(coupon="SAVE100"),
            "800.00",
            ["THRESHOLD"],
            id="coupon-not-combinable-with-threshold",
        ),
        pytest.param(
            [GIFT],
            None,
            "0.00",
            ["GIFT"],
            id="gift-adds-no-discount",
        ),
    ],
)
def test_promotion_types(
    promotions: list[Promotion], customer: Customer | None, discount: str, applied: list[str]
) -> None:
    outcome = apply_promotions(LINES, offer(*promotions), now=NOW, customer=customer)
    assert outcome.discount == Decimal(discount)
    assert [a.id for a in outcome.applied] == applied
    assert sum(outcome.line_discounts.values()) == outcome.discount


def reasons(
    lines: list[QuoteLine], *items: Promotion, customer: Customer | None = None
) -> list[tuple[str, NotAppliedReason, dict[str, Any]]]:
    outcome = apply_promotions(lines, offer(*items), now=NOW, customer=customer, names=NAMES)
    return [(n.id, n.reason, dict(n.params)) for n in outcome.not_applied]


def test_what_did_not_apply_and_why() -> None:
    small = [a_line("board", "4680.00")]
    more_300 = {"more": "320.00", "off": "300"}
    assert reasons(small, STEPS) == [("THRESHOLD", NotAppliedReason.SPEND_MORE, more_300)]
    assert reasons(LINES, STEPS) == []  # the top step reached: nothing further to say
    mid = [a_line("board", "6000.00")]
    more_800 = {"more": "4000.00", "off": "800"}
    assert reasons(mid, STEPS) == [("THRESHOLD", NotAppliedReason.NEXT_TIER, more_800)]
    assert reasons(LINES, STEPS, COUPON, customer=Customer(coupon="SAVE100")) == [
        ("COUPON", NotAppliedReason.NOT_COMBINABLE, {"other": "THRESHOLD"})
    ]
    assert reasons(small, COUPON, customer=Customer(coupon="SAVE100")) == [
        ("COUPON", NotAppliedReason.SPEND_MORE, {"more": "320.00", "off": "100"})
    ]
    used = Customer(coupon="SAVE100", coupon_uses={"SAVE100": 10})
    assert reasons(LINES, COUPON, customer=used) == [
        ("COUPON", NotAppliedReason.USED_UP, {"max": 10})
    ]
    mine = Customer(coupon="SAVE100", customer_uses={"SAVE100": 1})
    assert reasons(LINES, COUPON, customer=mine) == [
        ("COUPON", NotAppliedReason.ALREADY_USED, {"max": 1})
    ]
    assert reasons(LINES, MEMBER_5) == [("MEMBER", NotAppliedReason.MEMBERS_ONLY, {})]
    assert reasons(small, GIFT) == [
        (
            "GIFT",
            NotAppliedReason.SPEND_MORE_GIFT,
            {"more": "5320.00", **HANDLE_160, "quantity": 4},
        )
    ]
    no_handles = FlashPrice(terms=terms("F"), item="HANDLE_999", price=Decimal(1))
    assert reasons(LINES, no_handles) == [("F", NotAppliedReason.NO_ITEM, {"item": "HANDLE_999"})]
    late = MemberDiscount(
        terms=terms("LATE", valid_from=datetime(2027, 1, 1, tzinfo=UTC)), percent=Decimal("0.1")
    )
    assert reasons(LINES, late) == [("LATE", NotAppliedReason.NOT_STARTED, {"date": "2027-01-01"})]


@pytest.mark.parametrize(
    ("promotion", "customer", "detail", "params"),
    [
        pytest.param(
            FLASH,
            None,
            AppliedDetail.FLASH_PRICE,
            {**HANDLE_320, "price": "29"},
            id="flash",
        ),
        pytest.param(
            HARDWARE_10,
            None,
            AppliedDetail.CATEGORY_PERCENT,
            {"category": "hardware", "percent": "0.1", "base": "1180.00"},
            id="category",
        ),
        pytest.param(
            STEPS,
            None,
            AppliedDetail.THRESHOLD_TIER,
            {"spend": "10000", "off": "800"},
            id="threshold",
        ),
        pytest.param(
            COUPON,
            Customer(coupon="SAVE100"),
            AppliedDetail.COUPON,
            {"code": "SAVE100"},
            id="coupon",
        ),
        pytest.param(
            MEMBER_5,
            Customer(member=True),
            AppliedDetail.MEMBER_PERCENT,
            {"percent": "0.05", "base": "10180.00"},
            id="member",
        ),
        pytest.param(GIFT, None, AppliedDetail.GIFT, {**HANDLE_160, "quantity": 4}, id="gift"),
    ],
)
def test_what_applied_says_how_as_data(
    promotion: Promotion,
    customer: Customer | None,
    detail: AppliedDetail,
    params: dict[str, Any],
) -> None:
    outcome = apply_promotions(LINES, offer(promotion), now=NOW, customer=customer, names=NAMES)
    [applied] = outcome.applied
    assert (applied.detail, dict(applied.params)) == (detail, params)


def test_a_gift_is_a_free_line() -> None:
    outcome = apply_promotions(LINES, offer(GIFT), now=NOW)
    [gift] = outcome.gifts
    assert (gift.key, gift.item, gift.quantity, gift.amount) == (
        "gift/GIFT",
        "HANDLE_160",
        Decimal(4),
        Decimal(0),
    )


def test_a_gift_line_and_hint_name_the_item_as_the_catalog_does() -> None:
    [gift] = apply_promotions(LINES, offer(GIFT), now=NOW, names=NAMES).gifts
    assert (gift.description, gift.description_zh) == (
        "Gift: 4 x Bar handle, 160 mm",
        "赠品：拉手 160mm x 4",
    )
    [unnamed] = apply_promotions(LINES, offer(GIFT), now=NOW).gifts
    assert unnamed.description == "Gift: 4 x HANDLE_160"  # an item the catalog lacks: its code


def test_an_expired_or_unknown_coupon_is_a_clear_problem() -> None:
    old = Coupon(
        terms=terms(
            "OLD",
            valid_from=datetime(2025, 1, 1, tzinfo=UTC),
            valid_until=datetime(2025, 12, 31, tzinfo=UTC),
        ),
        code="OLD",
        amount=Decimal(50),
    )
    outcome = apply_promotions(LINES, offer(old), now=NOW, customer=Customer(coupon="old"))
    assert [p.code for p in outcome.problems] == ["coupon_expired"]
    assert outcome.not_applied[0].reason == "expired" and outcome.discount == 0
    unknown = apply_promotions(LINES, offer(old), now=NOW, customer=Customer(coupon="NOPE"))
    assert [p.code for p in unknown.problems] == ["unknown_coupon"]


def test_a_percentage_coupon_short_of_its_minimum_says_the_percentage() -> None:
    tenth = Coupon(
        terms=terms("TENTH"), code="TENTH", percent=Decimal("0.1"), min_spend=Decimal(20000)
    )
    outcome = apply_promotions(LINES, offer(tenth), now=NOW, customer=Customer(coupon="tenth"))
    [skipped] = outcome.not_applied
    assert skipped.reason == "spend_more_percent"
    assert dict(skipped.params) == {"more": "9820.00", "percent": "0.1"}


def test_expired_promotions_do_not_apply() -> None:
    gone = MemberDiscount(
        terms=terms("GONE", valid_until=datetime(2026, 6, 1, tzinfo=UTC)), percent=Decimal("0.5")
    )
    outcome = apply_promotions(LINES, offer(gone), now=NOW, customer=Customer(member=True))
    assert outcome.discount == 0 and outcome.not_applied[0].reason == "expired"


def test_a_discount_never_exceeds_what_is_left() -> None:
    huge = Coupon(terms=terms("ALL"), code="ALL", amount=Decimal(999999))
    outcome = apply_promotions(LINES, offer(huge), now=NOW, customer=Customer(coupon="ALL"))
    assert outcome.discount == Decimal("10180.00")


amount = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("50000"), places=2)


@given(
    values=st.lists(amount, min_size=1, max_size=8),
    member=st.booleans(),
    coupon=st.sampled_from([None, "SAVE100"]),
)
def test_promotions_never_raise_a_total_and_shares_add_up(
    values: list[Decimal], member: bool, coupon: str | None
) -> None:
    lines = [
        a_line(f"l{i}", str(v), Category.HARDWARE if i % 2 else Category.BOARD)
        for i, v in enumerate(values)
    ]
    everything = offer(
        STEPS,
        COUPON,
        CategoryDiscount(terms=terms("HW-15"), category="hardware", percent=Decimal("0.15")),
        MEMBER_5,
    )
    outcome = apply_promotions(
        lines, everything, now=NOW, customer=Customer(member=member, coupon=coupon)
    )
    subtotal = sum(values, Decimal(0))
    assert Decimal(0) <= outcome.discount <= subtotal
    assert sum(outcome.line_discounts.values()) == outcome.discount
    for x in lines:
        assert Decimal(0) <= outcome.line_discounts[x.key] <= x.amount


@given(
    nets=st.lists(amount | st.just(Decimal("0.00")), min_size=1, max_size=12),
    off=amount,
)
def test_a_spread_is_the_allocation_of_what_is_left_given_its_total_or_not_or_over_all(
    nets: list[Decimal], off: Decimal
) -> None:
    total = sum(nets, Decimal(0))
    basket = Basket(lines=(), net={f"l{i}": v for i, v in enumerate(nets)}, total=total)
    keys = list(basket.net)
    defined = [str(x) for x in allocate_amounts(min(off, total), nets)] if total else []
    assert [str(x) for x in basket.spread(off, keys).values()] == defined
    assert [str(x) for x in basket.spread(off, keys, weight=basket.total).values()] == defined
    assert [str(x) for x in basket.spread_all(off).values()] == defined


@dataclass(frozen=True)
class _Watcher:
    """A promotion that notes the total its basket was given and the sum of what its basket
    says is left, then takes ``off`` over every line."""

    kind: ClassVar[PromotionKind] = PromotionKind.MEMBER
    terms: Terms
    off: Decimal
    seen: list[tuple[str, str]]

    def apply(self, basket: Basket) -> Benefit:
        self.seen.append((str(basket.total), str(sum(basket.net.values(), Decimal(0)))))
        return Benefit(
            shares=basket.spread_all(self.off), detail=AppliedDetail.MEMBER_PERCENT, params={}
        )


@given(
    values=st.lists(st.decimals(min_value=0, max_value=5000, places=3), min_size=1, max_size=8),
    offs=st.lists(amount, min_size=1, max_size=4),
    flash=st.booleans(),
)
def test_a_basket_total_is_what_its_lines_have_left_digit_for_digit(
    values: list[Decimal], offs: list[Decimal], flash: bool
) -> None:
    seen: list[tuple[str, str]] = []
    watchers = [
        cast(Promotion, _Watcher(terms=terms(f"W{i}"), off=off, seen=seen))
        for i, off in enumerate(offs)
    ]
    cheaper = FlashPrice(terms=terms("F"), item="X", price=Decimal("0.5"))
    lines = [a_line(f"l{i}", str(v)) for i, v in enumerate(values)]
    apply_promotions(lines, offer(*watchers, *([cheaper] if flash else [])), now=NOW)
    assert len(seen) == len(offs)
    for total, left in seen:
        assert total == left


BASE: dict[str, Any] = {
    "id": "P",
    "kind": "member",
    "name": "n",
    "name_zh": "n",
    "valid_from": SPAN["valid_from"],
    "valid_until": SPAN["valid_until"],
    "percent": "0.05",
}


@pytest.mark.parametrize(
    ("change", "code", "path"),
    [
        ({"percent": "-0.05"}, "out_of_range", "promotion[0].percent"),
        ({"percent": "1.5"}, "out_of_range", "promotion[0].percent"),
        ({"percent": 0.05}, "wrong_type", "promotion[0].percent"),
        ({"kind": "bogo"}, "invalid_value", "promotion[0].kind"),
        ({"kind": "coupon", "code": "X", "amount": "-5"}, "out_of_range", "promotion[0].amount"),
        (
            {"kind": "threshold", "tiers": [["5000", "300"], ["1000", "100"]]},
            "invalid_value",
            "promotion[0].tiers",
        ),
        ({"kind": "threshold", "tiers": []}, "out_of_range", "promotion[0].tiers"),
        (
            {"valid_until": datetime(2025, 1, 1, tzinfo=UTC)},
            "out_of_range",
            "promotion[0].valid_until",
        ),
        ({"valid_from": datetime(2026, 1, 1)}, "wrong_type", "promotion[0].valid_from"),  # noqa: DTZ001
    ],
)
def test_bad_promotion_data_is_a_problem_naming_the_key(
    change: dict[str, Any], code: str, path: str
) -> None:
    _, problems = parse_promotions({"stacking": ["member"], "promotion": [{**BASE, **change}]})
    assert [(p.code, p.path.split(":", 1)[1]) for p in problems][:1] == [(code, path)]


def test_overlapping_exclusive_promotions_are_refused() -> None:
    a = {**BASE, "exclusive": True}
    b = {**BASE, "id": "Q", "exclusive": True}
    _, problems = parse_promotions({"stacking": ["member"], "promotion": [a, b]})
    assert [p.code for p in problems] == ["overlapping_exclusive"]
    apart = {
        **b,
        "valid_from": datetime(2027, 1, 1, tzinfo=UTC),
        "valid_until": datetime(2027, 2, 1, tzinfo=UTC),
    }
    assert parse_promotions({"stacking": ["member"], "promotion": [a, apart]})[1] == []


def test_the_demo_promotions_parse(promotions: Promotions) -> None:
    assert {p.kind for p in promotions.items} == set(PromotionKind)
    assert promotions.stacking == tuple(PromotionKind)
    assert all(type(k) is PromotionKind for k in promotions.stacking)
    coupon = next(p for p in promotions.items if isinstance(p, Coupon))
    assert coupon.code == "WELCOME300" and coupon.amount == Decimal(300)
    assert coupon.terms.group == "order" and coupon.min_spend == Decimal(5000)

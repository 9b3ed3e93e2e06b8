"""The kinds of promotion, each a small frozen type with shared ``Terms`` (who, when, which
group) and one method, ``apply(basket)``, in the spirit of django-oscar's condition and
benefit: it returns either the ``Benefit`` (what it takes off, and how, as a code with
numbers) or why it is ``Unmet``. Nothing here is worded: the message catalogue at the edge
renders the codes. ``pricing.promotions`` applies them in stacking order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import ClassVar, TypeAlias

from kernel.money import Money, allocate_amounts, quantize
from kernel.problems import Param
from pricing.lines import Category, QuoteLine

__all__ = [
    "AppliedDetail",
    "Basket",
    "Benefit",
    "CategoryDiscount",
    "Coupon",
    "FlashPrice",
    "Gift",
    "MemberDiscount",
    "NotAppliedReason",
    "Promotion",
    "PromotionKind",
    "Promotions",
    "Terms",
    "ThresholdDiscount",
    "Unmet",
    "frozen_params",
]


class PromotionKind(StrEnum):
    """The kinds of promotion, as the promotions file and its stacking order name them."""

    FLASH = "flash"
    CATEGORY = "category"
    THRESHOLD = "threshold"
    COUPON = "coupon"
    MEMBER = "member"
    GIFT = "gift"


class NotAppliedReason(StrEnum):
    """Why a promotion did not apply; the params each reason carries are listed."""

    EXPIRED = "expired"  # date
    NOT_STARTED = "not_started"  # date
    NOT_COMBINABLE = "not_combinable"  # other (the promotion that took the group)
    NO_ITEM = "no_item"  # item (an item or category code)
    SPEND_MORE = "spend_more"  # more, off
    SPEND_MORE_PERCENT = "spend_more_percent"  # more, percent (a percentage coupon)
    NEXT_TIER = "next_tier"  # more, off
    USED_UP = "used_up"  # max
    ALREADY_USED = "already_used"  # max
    MEMBERS_ONLY = "members_only"
    SPEND_MORE_GIFT = "spend_more_gift"  # more, item, quantity


class AppliedDetail(StrEnum):
    """How an applied promotion took its discount; the params each detail carries are listed.
    Amounts and percentages are decimal strings (``"1180.00"``, ``"0.10"``)."""

    FLASH_PRICE = "flash_price"  # item, price
    CATEGORY_PERCENT = "category_percent"  # category, percent, base
    THRESHOLD_TIER = "threshold_tier"  # spend, off
    COUPON = "coupon"  # code
    MEMBER_PERCENT = "member_percent"  # percent, base
    GIFT = "gift"  # item, quantity


def frozen_params(**params: Param) -> Mapping[str, Param]:
    """The numbers of an outcome, read-only."""
    return MappingProxyType(params)


@dataclass(frozen=True, slots=True, kw_only=True)
class Terms:
    """What every promotion has: its id and names, its validity window, and the exclusive
    ``group`` it belongs to (only the first applicable promotion of a group applies)."""

    id: str
    name: str
    name_zh: str
    valid_from: datetime
    valid_until: datetime
    group: str | None = None
    exclusive: bool = False

    def active(self, now: datetime) -> bool:
        """Whether ``now`` is inside the validity window."""
        return self.valid_from <= now <= self.valid_until


@dataclass(frozen=True, slots=True, kw_only=True)
class Basket:
    """What a promotion sees: the lines, what is still to pay on each (after the promotions
    before it) and in all (``total``: the sum of ``net``, kept by whoever makes the basket,
    as a design's hundreds of lines are not added up again for each promotion), and who is
    buying."""

    lines: tuple[QuoteLine, ...]
    net: Mapping[str, Decimal]
    total: Decimal
    member: bool = False
    coupon_uses: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    customer_uses: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    names: Mapping[str, tuple[str, str]] = field(default_factory=lambda: MappingProxyType({}))

    def named(self, item: str) -> dict[str, str]:
        """``item`` with its catalog names (en, zh) as params: customers read the hints and
        gift lines, and a product code means nothing to them (the code itself is kept)."""
        en, zh = self.names.get(item, (item, item))
        return {"item": item, "item_name": en, "item_name_zh": zh}

    def spread(
        self, amount: Decimal, keys: Sequence[str], *, weight: Decimal | None = None
    ) -> Mapping[str, Decimal]:
        """``amount`` over ``keys`` in proportion to their net amounts (largest remainder);
        ``weight``: what is still to pay on them, where the caller has added it up (a design
        has hundreds of lines)."""
        weights = [self.net[k] for k in keys]
        if weight is None:
            weight = sum(weights, Decimal(0))
        if not keys or weight <= 0:
            return MappingProxyType({})
        parts = allocate_amounts(min(amount, weight), weights, weight=weight)
        return MappingProxyType(dict(zip(keys, parts, strict=True)))

    def spread_all(self, amount: Decimal) -> Mapping[str, Decimal]:
        """``spread`` over every line (the weights are the net amounts as they are)."""
        if self.total <= 0:
            return MappingProxyType({})
        weights = list(self.net.values())
        parts = allocate_amounts(min(amount, self.total), weights, weight=self.total)
        return MappingProxyType(dict(zip(self.net, parts, strict=True)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Unmet:
    """A promotion's condition is not met: the reason and its numbers."""

    reason: NotAppliedReason
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True, kw_only=True)
class Benefit:
    """What an applicable promotion takes off each line (by key), how (``detail`` and its
    numbers), a free line it adds, and what a further step would give (``upsell``)."""

    shares: Mapping[str, Decimal]
    detail: AppliedDetail
    params: Mapping[str, Param]
    gift: QuoteLine | None = None
    upsell: Unmet | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FlashPrice:
    """限时秒杀: ``item`` at ``price`` each."""

    kind: ClassVar[PromotionKind] = PromotionKind.FLASH
    terms: Terms
    item: str
    price: Decimal

    def apply(self, basket: Basket) -> Benefit | Unmet:
        """The difference to the flash price on every line of the item that costs more."""
        shares = {
            x.key: quantize(Money((x.rate - self.price) * x.quantity)).amount
            for x in basket.lines
            if x.item == self.item and x.rate > self.price
        }
        if not shares:
            return Unmet(reason=NotAppliedReason.NO_ITEM, params=frozen_params(item=self.item))
        return Benefit(
            shares=MappingProxyType(shares),
            detail=AppliedDetail.FLASH_PRICE,
            params=frozen_params(**basket.named(self.item), price=str(self.price)),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CategoryDiscount:
    """``percent`` (a fraction) off what is left to pay on the lines of ``category``."""

    kind: ClassVar[PromotionKind] = PromotionKind.CATEGORY
    terms: Terms
    category: str
    percent: Decimal

    def apply(self, basket: Basket) -> Benefit | Unmet:
        """The percentage of the category's net amount, spread over its lines."""
        keys = [
            x.key for x in basket.lines if x.category == self.category and basket.net[x.key] > 0
        ]
        if not keys:
            return Unmet(reason=NotAppliedReason.NO_ITEM, params=frozen_params(item=self.category))
        base = sum((basket.net[k] for k in keys), Decimal(0))
        cut = quantize(Money(base * self.percent)).amount
        return Benefit(
            shares=basket.spread(cut, keys, weight=base),
            detail=AppliedDetail.CATEGORY_PERCENT,
            params=frozen_params(category=self.category, percent=str(self.percent), base=str(base)),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ThresholdDiscount:
    """满减: ``tiers`` of (spend, off), ascending; the highest tier reached applies."""

    kind: ClassVar[PromotionKind] = PromotionKind.THRESHOLD
    terms: Terms
    tiers: tuple[tuple[Decimal, Decimal], ...]

    def apply(self, basket: Basket) -> Benefit | Unmet:
        """The highest tier reached, spread over every line; the next tier as an upsell."""
        total = basket.total
        reached = [(spend, off) for spend, off in self.tiers if total >= spend]
        if not reached:
            spend, off = self.tiers[0]
            return Unmet(
                reason=NotAppliedReason.SPEND_MORE,
                params=frozen_params(more=str(spend - total), off=str(off)),
            )
        spend, off = reached[-1]
        higher = [(s, o) for s, o in self.tiers if s > total]
        upsell = None
        if higher:  # say what the next step would give, as shops do
            s, o = higher[0]
            upsell = Unmet(
                reason=NotAppliedReason.NEXT_TIER,
                params=frozen_params(more=str(s - total), off=str(o)),
            )
        return Benefit(
            shares=basket.spread_all(off),
            detail=AppliedDetail.THRESHOLD_TIER,
            params=frozen_params(spend=str(spend), off=str(off)),
            upsell=upsell,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Coupon:
    """A code the customer enters: ``amount`` off (or ``percent`` of the total) from a
    ``min_spend``, at most ``max_uses`` redemptions in all and ``per_customer`` each."""

    kind: ClassVar[PromotionKind] = PromotionKind.COUPON
    terms: Terms
    code: str
    amount: Decimal | None = None
    percent: Decimal | None = None
    min_spend: Decimal = Decimal(0)
    max_uses: int | None = None
    per_customer: int | None = None

    def apply(self, basket: Basket) -> Benefit | Unmet:
        """The coupon's amount, spread over every line, if uses are left and the spend is met."""
        used = basket.coupon_uses.get(self.code, 0)
        mine = basket.customer_uses.get(self.code, 0)
        if self.max_uses is not None and used >= self.max_uses:
            return Unmet(reason=NotAppliedReason.USED_UP, params=frozen_params(max=self.max_uses))
        if self.per_customer is not None and mine >= self.per_customer:
            return Unmet(
                reason=NotAppliedReason.ALREADY_USED, params=frozen_params(max=self.per_customer)
            )
        total = basket.total
        if total < self.min_spend:
            more = str(self.min_spend - total)
            if self.amount is None:
                return Unmet(
                    reason=NotAppliedReason.SPEND_MORE_PERCENT,
                    params=frozen_params(more=more, percent=str(self.percent or Decimal(0))),
                )
            return Unmet(
                reason=NotAppliedReason.SPEND_MORE,
                params=frozen_params(more=more, off=str(self.amount)),
            )
        amount = self.amount or quantize(Money(total * (self.percent or Decimal(0)))).amount
        return Benefit(
            shares=basket.spread_all(amount),
            detail=AppliedDetail.COUPON,
            params=frozen_params(code=self.code),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberDiscount:
    """会员折上折: ``percent`` (a fraction) off what is left, for members."""

    kind: ClassVar[PromotionKind] = PromotionKind.MEMBER
    terms: Terms
    percent: Decimal

    def apply(self, basket: Basket) -> Benefit | Unmet:
        """The percentage of everything still to pay, spread over every line."""
        if not basket.member:
            return Unmet(reason=NotAppliedReason.MEMBERS_ONLY)
        total = basket.total
        cut = quantize(Money(total * self.percent)).amount
        return Benefit(
            shares=basket.spread_all(cut),
            detail=AppliedDetail.MEMBER_PERCENT,
            params=frozen_params(percent=str(self.percent), base=str(total)),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Gift:
    """满送: ``quantity`` of ``item`` free from a spend of ``threshold``."""

    kind: ClassVar[PromotionKind] = PromotionKind.GIFT
    terms: Terms
    threshold: Decimal
    item: str
    quantity: int

    def apply(self, basket: Basket) -> Benefit | Unmet:
        """A free line; it takes nothing off."""
        total = basket.total
        if total < self.threshold:
            return Unmet(
                reason=NotAppliedReason.SPEND_MORE_GIFT,
                params=frozen_params(
                    more=str(self.threshold - total),
                    **basket.named(self.item),
                    quantity=self.quantity,
                ),
            )
        named = basket.named(self.item)
        gift = QuoteLine(
            key=f"gift/{self.terms.id}",
            cabinet=None,
            category=Category.GIFT,
            item=self.item,
            description=f"Gift: {self.quantity} x {named['item_name']}",
            description_zh=f"赠品：{named['item_name_zh']} x {self.quantity}",
            quantity=Decimal(self.quantity),
            unit="pcs",
            rate=Decimal(0),
            amount=Decimal(0),
            note="free",
        )
        return Benefit(
            shares=MappingProxyType({}),
            detail=AppliedDetail.GIFT,
            params=frozen_params(**named, quantity=self.quantity),
            gift=gift,
        )


Promotion: TypeAlias = (
    FlashPrice | CategoryDiscount | ThresholdDiscount | Coupon | MemberDiscount | Gift
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Promotions:
    """The promotions on offer and the order their kinds stack in."""

    stacking: tuple[PromotionKind, ...]
    items: tuple[Promotion, ...]

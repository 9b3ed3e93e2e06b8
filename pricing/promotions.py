"""Promotions: pure, composable, each with a validity window and its own explanation.

Kinds (applied in the price list's declared stacking order): ``flash`` (限时秒杀, a lower price
for an item), ``category`` (a percentage off a category), ``threshold`` (满减, stepped),
``coupon`` (a code with a minimum spend, uses and per-customer limits), ``member`` (会员折上折,
a percentage off what is left), ``gift`` (满送, free items above a spend). Within an exclusive
``group`` only the first applicable promotion applies. A discount is never more than what is
left to pay, so promotions never raise a total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType

from kernel.money import Money, allocate_amounts, quantize
from kernel.problems import Param, Problem, Severity
from pricing.lines import Category, QuoteLine, fmt_money
from pricing.problems import PricingProblem

__all__ = [
    "Applied",
    "Customer",
    "NotApplied",
    "Outcome",
    "Promotion",
    "Promotions",
    "apply_promotions",
]

KINDS = ("flash", "category", "threshold", "coupon", "member", "gift")


@dataclass(frozen=True, slots=True, kw_only=True)
class Promotion:
    """One promotion; which fields matter depends on ``kind``."""

    id: str
    kind: str
    name: str
    name_zh: str
    valid_from: datetime
    valid_until: datetime
    group: str | None = None
    exclusive: bool = False
    item: str | None = None
    price: Decimal | None = None
    category: str | None = None
    percent: Decimal | None = None
    tiers: tuple[tuple[Decimal, Decimal], ...] = ()
    code: str | None = None
    amount: Decimal | None = None
    min_spend: Decimal = Decimal(0)
    max_uses: int | None = None
    per_customer: int | None = None
    threshold: Decimal | None = None
    quantity: int = 0

    def active(self, now: datetime) -> bool:
        """Whether ``now`` is inside the validity window."""
        return self.valid_from <= now <= self.valid_until


@dataclass(frozen=True, slots=True, kw_only=True)
class Promotions:
    """The promotions on offer and the order they stack in."""

    stacking: tuple[str, ...]
    items: tuple[Promotion, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Applied:
    """A promotion that applied: how much it took off, explained."""

    id: str
    name: str
    name_zh: str
    discount: Decimal
    detail: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NotApplied:
    """A promotion that did not apply, and why (``reason`` code and its numbers)."""

    id: str
    name: str
    name_zh: str
    reason: str
    params: Mapping[str, Param] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What the promotions did: discount per line key, gifts, and the explanations."""

    applied: tuple[Applied, ...]
    not_applied: tuple[NotApplied, ...]
    line_discounts: Mapping[str, Decimal]
    gifts: tuple[QuoteLine, ...]
    problems: tuple[Problem, ...]

    @property
    def discount(self) -> Decimal:
        """Everything the promotions took off."""
        return sum((a.discount for a in self.applied), Decimal(0))


@dataclass(slots=True)
class _State:
    """Running net amounts per line while promotions apply in order."""

    net: dict[str, Decimal]
    applied: list[Applied] = field(default_factory=list)
    not_applied: list[NotApplied] = field(default_factory=list)
    gifts: list[QuoteLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum(self.net.values(), Decimal(0))

    def take(self, promo: Promotion, shares: Mapping[str, Decimal], detail: str) -> None:
        """Take ``shares`` off the lines (never below zero) and record the promotion."""
        taken = Decimal(0)
        for key, share in shares.items():
            cut = min(share, self.net[key])
            self.net[key] -= cut
            taken += cut
        if taken > 0:
            self.applied.append(
                Applied(
                    id=promo.id,
                    name=promo.name,
                    name_zh=promo.name_zh,
                    discount=taken,
                    detail=detail,
                )
            )
            if promo.group:
                self.groups[promo.group] = promo.id

    def skip(self, promo: Promotion, reason: str, **params: Param) -> None:
        self.not_applied.append(
            NotApplied(
                id=promo.id,
                name=promo.name,
                name_zh=promo.name_zh,
                reason=reason,
                params=MappingProxyType(params),
            )
        )

    def spread(self, amount: Decimal, keys: Sequence[str]) -> dict[str, Decimal]:
        """``amount`` over ``keys`` in proportion to their net amounts (largest remainder)."""
        weights = [self.net[k] for k in keys]
        if not keys or sum(weights) <= 0:
            return {}
        parts = allocate_amounts(min(amount, sum(weights, Decimal(0))), weights)
        return dict(zip(keys, parts, strict=True))


@dataclass(frozen=True, slots=True, kw_only=True)
class Customer:
    """Who is buying: member or not, the coupon code entered, the delivery region, and how
    often the coupon was redeemed before, in all and by this customer (the caller's records:
    the core keeps none)."""

    member: bool = False
    coupon: str | None = None
    region: str | None = None
    coupon_uses: Mapping[str, int] = field(default_factory=dict)
    customer_uses: Mapping[str, int] = field(default_factory=dict)


def apply_promotions(
    lines: Sequence[QuoteLine],
    promotions: Promotions,
    *,
    now: datetime,
    customer: Customer | None = None,
) -> Outcome:
    """Apply every promotion in stacking order to ``lines``."""
    who = customer or Customer()
    state = _State(net={x.key: x.amount for x in lines})
    entered = (who.coupon or "").strip().upper() or None
    known = {p.code for p in promotions.items if p.kind == "coupon"}
    if entered and entered not in known:
        state.problems.append(
            Problem.of(PricingProblem.UNKNOWN_COUPON, "coupon", Severity.WARNING, value=entered)
        )
    order = {kind: i for i, kind in enumerate(promotions.stacking)}
    for promo in sorted(promotions.items, key=lambda p: (order.get(p.kind, len(order)), p.id)):
        context = _Context(
            lines=lines,
            now=now,
            member=who.member,
            coupon=entered,
            coupon_uses=who.coupon_uses,
            customer_uses=who.customer_uses,
        )
        _apply_one(promo, state, context)
    return Outcome(
        applied=tuple(state.applied),
        not_applied=tuple(state.not_applied),
        line_discounts=MappingProxyType({x.key: x.amount - state.net[x.key] for x in lines}),
        gifts=tuple(state.gifts),
        problems=tuple(state.problems),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Context:
    lines: Sequence[QuoteLine]
    now: datetime
    member: bool
    coupon: str | None
    coupon_uses: Mapping[str, int]
    customer_uses: Mapping[str, int]


def _apply_one(promo: Promotion, state: _State, ctx: _Context) -> None:
    if promo.kind == "coupon" and promo.code != ctx.coupon:
        return  # coupons a customer did not enter are not worth mentioning
    if not promo.active(ctx.now):
        expired = ctx.now > promo.valid_until
        state.skip(
            promo,
            "expired" if expired else "not_started",
            date=(promo.valid_until if expired else promo.valid_from).date().isoformat(),
        )
        if promo.kind == "coupon":
            state.problems.append(
                Problem.of(
                    PricingProblem.COUPON_EXPIRED if expired else PricingProblem.COUPON_NOT_STARTED,
                    "coupon",
                    Severity.WARNING,
                    value=promo.code,
                )
            )
        return
    if promo.group and promo.group in state.groups:
        state.skip(promo, "not_combinable", other=state.groups[promo.group])
        return
    KIND_RULES[promo.kind](promo, state, ctx)


def _flash(promo: Promotion, state: _State, ctx: _Context) -> None:
    price = promo.price or Decimal(0)
    shares = {
        x.key: quantize(Money((x.rate - price) * x.quantity)).amount
        for x in ctx.lines
        if x.item == promo.item and x.rate > price
    }
    if not shares:
        state.skip(promo, "no_item", item=promo.item or "")
        return
    state.take(promo, shares, f"{promo.item} at {fmt_money(price)}")


def _category(promo: Promotion, state: _State, ctx: _Context) -> None:
    keys = [x.key for x in ctx.lines if x.category == promo.category and state.net[x.key] > 0]
    base = sum((state.net[k] for k in keys), Decimal(0))
    if not keys:
        state.skip(promo, "no_item", item=promo.category or "")
        return
    cut = quantize(Money(base * (promo.percent or Decimal(0)))).amount
    state.take(promo, state.spread(cut, keys), f"{promo.percent:%} of {fmt_money(base)}")


def _threshold(promo: Promotion, state: _State, ctx: _Context) -> None:
    total = state.total
    reached = [(spend, off) for spend, off in promo.tiers if total >= spend]
    if not reached:
        spend, off = promo.tiers[0]
        state.skip(promo, "spend_more", more=str(spend - total), off=str(off))
        return
    spend, off = reached[-1]
    state.take(
        promo, state.spread(off, list(state.net)), f"满 {fmt_money(spend)} 减 {fmt_money(off)}"
    )
    higher = [(s, o) for s, o in promo.tiers if s > total]
    if higher:  # say what the next step would give, as shops do
        s, o = higher[0]
        state.skip(promo, "next_tier", more=str(s - total), off=str(o))


def _coupon(promo: Promotion, state: _State, ctx: _Context) -> None:
    used = ctx.coupon_uses.get(promo.code or "", 0)
    mine = ctx.customer_uses.get(promo.code or "", 0)
    if promo.max_uses is not None and used >= promo.max_uses:
        state.skip(promo, "used_up", max=promo.max_uses)
    elif promo.per_customer is not None and mine >= promo.per_customer:
        state.skip(promo, "already_used", max=promo.per_customer)
    elif state.total < promo.min_spend:
        state.skip(
            promo,
            "spend_more",
            more=str(promo.min_spend - state.total),
            off=str(promo.amount or ""),
        )
    else:
        amount = promo.amount or quantize(Money(state.total * (promo.percent or Decimal(0)))).amount
        state.take(promo, state.spread(amount, list(state.net)), f"coupon {promo.code}")


def _member(promo: Promotion, state: _State, ctx: _Context) -> None:
    if not ctx.member:
        state.skip(promo, "members_only")
        return
    cut = quantize(Money(state.total * (promo.percent or Decimal(0)))).amount
    state.take(
        promo, state.spread(cut, list(state.net)), f"{promo.percent:%} off {fmt_money(state.total)}"
    )


def _gift(promo: Promotion, state: _State, ctx: _Context) -> None:
    if state.total < (promo.threshold or Decimal(0)):
        state.skip(
            promo,
            "spend_more_gift",
            more=str((promo.threshold or 0) - state.total),
            item=promo.item or "",
            quantity=promo.quantity,
        )
        return
    state.gifts.append(
        QuoteLine(
            key=f"gift/{promo.id}",
            cabinet=None,
            category=Category.GIFT,
            item=promo.item or "",
            description=f"Gift: {promo.quantity} x {promo.item}",
            description_zh=f"赠品：{promo.item} x {promo.quantity}",
            quantity=Decimal(promo.quantity),
            unit="pcs",
            rate=Decimal(0),
            amount=Decimal(0),
            note="free",
        )
    )
    state.applied.append(
        Applied(
            id=promo.id,
            name=promo.name,
            name_zh=promo.name_zh,
            discount=Decimal(0),
            detail=f"{promo.quantity} x {promo.item}",
        )
    )


KIND_RULES = MappingProxyType(
    {
        "flash": _flash,
        "category": _category,
        "threshold": _threshold,
        "coupon": _coupon,
        "member": _member,
        "gift": _gift,
    }
)

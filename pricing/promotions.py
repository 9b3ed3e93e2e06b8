"""Promotions: pure, composable, each with a validity window and its own explanation.

Kinds (applied in the price list's declared stacking order): ``flash`` (限时秒杀, a lower price
for an item), ``category`` (a percentage off a category), ``threshold`` (满减, stepped),
``coupon`` (a code with a minimum spend, uses and per-customer limits), ``member`` (会员折上折,
a percentage off what is left), ``gift`` (满送, free items above a spend). Within an exclusive
``group`` only the first applicable promotion applies. A discount is never more than what is
left to pay, so promotions never raise a total.

The kinds themselves are in ``pricing.promotion_kinds``; this module applies them in order
and records what each did, as codes with numbers (worded at the edge).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from operator import sub
from types import MappingProxyType

from kernel.problems import Param, Problem, Severity
from pricing.lines import QuoteLine
from pricing.problems import PricingProblem
from pricing.promotion_kinds import (
    AppliedDetail,
    Basket,
    Benefit,
    Coupon,
    NotAppliedReason,
    Promotion,
    Promotions,
    Terms,
    Unmet,
    frozen_params,
)

__all__ = [
    "Applied",
    "Customer",
    "NotApplied",
    "Outcome",
    "apply_promotions",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Applied:
    """A promotion that applied: how much it took off, and how (``detail`` and its numbers)."""

    id: str
    name: str
    name_zh: str
    discount: Decimal
    detail: AppliedDetail
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True, kw_only=True)
class NotApplied:
    """A promotion that did not apply, and why (``reason`` and its numbers)."""

    id: str
    name: str
    name_zh: str
    reason: NotAppliedReason
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))


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
    """Running net amounts per line, and their sum, while promotions apply in order."""

    net: dict[str, Decimal]
    total: Decimal
    applied: list[Applied] = field(default_factory=list)
    not_applied: list[NotApplied] = field(default_factory=list)
    gifts: list[QuoteLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)

    def take(self, terms: Terms, benefit: Benefit) -> None:
        """Take the benefit's shares off the lines (never below zero) and record it; a gift
        is recorded even though it takes nothing off."""
        taken = Decimal(0)
        net = self.net
        for key, share in benefit.shares.items():  # often every line of the design
            have = net[key]
            cut = have if have < share else share  # ``min(share, have)`` without its call
            net[key] = have - cut
            taken += cut
        self.total -= taken
        if benefit.gift is not None:
            self.gifts.append(benefit.gift)
        if taken > 0 or benefit.gift is not None:
            self.applied.append(
                Applied(
                    id=terms.id,
                    name=terms.name,
                    name_zh=terms.name_zh,
                    discount=taken,
                    detail=benefit.detail,
                    params=benefit.params,
                )
            )
            if terms.group and benefit.gift is None:
                self.groups[terms.group] = terms.id
        if benefit.upsell is not None:
            self.skip(terms, benefit.upsell)

    def skip(self, terms: Terms, unmet: Unmet) -> None:
        self.not_applied.append(
            NotApplied(
                id=terms.id,
                name=terms.name,
                name_zh=terms.name_zh,
                reason=unmet.reason,
                params=unmet.params,
            )
        )


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
    names: Mapping[str, tuple[str, str]] | None = None,
) -> Outcome:
    """Apply every promotion in stacking order to ``lines``; ``names``: the catalog's (en,
    zh) name of each item code, for the hints and gift lines customers read."""
    who = customer or Customer()
    amounts = {x.key: x.amount for x in lines}
    state = _State(net=dict(amounts), total=sum(amounts.values(), Decimal(0)))
    entered = (who.coupon or "").strip().upper() or None
    known = {p.code for p in promotions.items if isinstance(p, Coupon)}
    if entered and entered not in known:
        state.problems.append(
            Problem.of(PricingProblem.UNKNOWN_COUPON, "coupon", Severity.WARNING, value=entered)
        )
    order = {kind: i for i, kind in enumerate(promotions.stacking)}
    snapshot = tuple(lines)
    catalog_names = MappingProxyType(dict(names or {}))
    # each basket sees the running amounts read-only, not a copy: a promotion reads them
    # before its benefit is taken off, and keeps no basket (hundreds of lines, six promotions)
    running = MappingProxyType(state.net)
    for promo in sorted(
        promotions.items, key=lambda p: (order.get(p.kind, len(order)), p.terms.id)
    ):
        if isinstance(promo, Coupon) and promo.code != entered:
            continue  # coupons a customer did not enter are not worth mentioning
        basket = Basket(
            lines=snapshot,
            net=running,
            total=state.total,
            member=who.member,
            coupon_uses=who.coupon_uses,
            customer_uses=who.customer_uses,
            names=catalog_names,
        )
        _apply_one(promo, state, basket, now)
    return Outcome(
        applied=tuple(state.applied),
        not_applied=tuple(state.not_applied),
        # what each line had less what it has left: ``net`` keeps ``amounts``' keys in order
        line_discounts=MappingProxyType(
            dict(zip(amounts, map(sub, amounts.values(), state.net.values()), strict=True))
        ),
        gifts=tuple(state.gifts),
        problems=tuple(state.problems),
    )


def _apply_one(promo: Promotion, state: _State, basket: Basket, now: datetime) -> None:
    terms = promo.terms
    if not terms.active(now):
        expired = now > terms.valid_until
        day = (terms.valid_until if expired else terms.valid_from).date().isoformat()
        reason = NotAppliedReason.EXPIRED if expired else NotAppliedReason.NOT_STARTED
        state.skip(terms, Unmet(reason=reason, params=frozen_params(date=day)))
        if isinstance(promo, Coupon):
            state.problems.append(
                Problem.of(
                    PricingProblem.COUPON_EXPIRED if expired else PricingProblem.COUPON_NOT_STARTED,
                    "coupon",
                    Severity.WARNING,
                    value=promo.code,
                )
            )
        return
    if terms.group and terms.group in state.groups:
        state.skip(
            terms,
            Unmet(
                reason=NotAppliedReason.NOT_COMBINABLE,
                params=frozen_params(other=state.groups[terms.group]),
            ),
        )
        return
    result = promo.apply(basket)
    if isinstance(result, Unmet):
        state.skip(terms, result)
    else:
        state.take(terms, result)

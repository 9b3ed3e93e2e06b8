"""The price of a design: lines, promotions, totals, the VAT share, deposit and balance.

Prices are tax-inclusive: the VAT share is ``total x rate / (1 + rate)``, rounded once (the
tax line's named rounding point). The deposit (定金) is a percentage rounded up to the price
list's step, or a fixed amount, never more than the total; the balance (尾款) is the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from types import MappingProxyType

from catalog.catalog import Catalog
from catalog.price_list import DepositRule, Method, PriceList
from configurator.build.design_build import DesignBuild
from kernel.memo import Memo, no_memo
from kernel.money import Currency, Money, quantize
from kernel.problems import Problem, Severity
from pricing.costing import cost_design
from pricing.lines import QuoteLine
from pricing.minimum import MINIMUM_KEY, MinimumTopUp, minimum_line, top_up
from pricing.problems import PricingProblem
from pricing.promotion_kinds import Promotions
from pricing.promotions import Applied, Customer, NotApplied, apply_promotions

__all__ = ["Price", "PriceBook", "deposit_for", "price_design", "vat_share"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Price:
    """Everything the consumer and the store see about the price of one design."""

    currency: Currency
    method: Method
    region: str
    lines: tuple[QuoteLine, ...]
    line_discounts: Mapping[str, Decimal]
    gifts: tuple[QuoteLine, ...]
    applied: tuple[Applied, ...]
    not_applied: tuple[NotApplied, ...]
    minimum: MinimumTopUp | None  # the top-up to the minimum order, last, if any
    subtotal: Decimal
    discount: Decimal
    total: Decimal
    tax_included: Decimal
    vat_rate: Decimal
    deposit: Decimal
    balance: Decimal
    price_list_version: str
    catalog_version: str
    problems: tuple[Problem, ...]


def vat_share(total: Decimal, rate: Decimal) -> Decimal:
    """The VAT inside a tax-inclusive total.

    Examples
    --------
    >>> vat_share(Decimal("1130.00"), Decimal("0.13"))
    Decimal('130.00')
    """
    return quantize(Money(total * rate / (1 + rate))).amount


def deposit_for(total: Decimal, rule: DepositRule) -> Decimal:
    """The deposit on ``total``.

    Examples
    --------
    >>> deposit_for(Decimal("12345.00"), DepositRule(kind="percent", value=Decimal("0.3"),
    ...                                              round_to=Decimal(100)))
    Decimal('3800')
    """
    if total <= 0:
        return Decimal(0)
    if rule.kind == "fixed":
        return min(rule.value, total)
    steps = (total * rule.value / rule.round_to).to_integral_value(rounding=ROUND_CEILING)
    return min(steps * rule.round_to, total)


@dataclass(frozen=True, slots=True, kw_only=True)
class PriceBook:
    """What a store sells at: one price-list version and the promotions on offer."""

    price_list: PriceList
    promotions: Promotions


def price_design(  # noqa: PLR0913 - keyword-only after the three it prices with
    build: DesignBuild,
    catalog: Catalog,
    book: PriceBook,
    *,
    now: datetime,
    customer: Customer | None = None,
    method: Method | None = None,
    memo: Memo = no_memo,
) -> Price:
    """Cost ``build``, apply the promotions active at ``now``, top up to the minimum order
    what is still under it, and add up; the customer's region picks installation and
    delivery rates (the price list's default otherwise). ``memo``: as for ``cost_design``,
    for this catalog and book only."""
    price_list, who = book.price_list, customer or Customer()
    region = who.region or price_list.region
    lines = cost_design(build, catalog, price_list, method=method, region=region, memo=memo)
    names = {code: (item.name, item.name_zh) for code, item in catalog.hardware.items()}
    outcome = apply_promotions(lines, book.promotions, now=now, customer=who, names=names)
    line_discounts = outcome.line_discounts
    subtotal = sum((x.amount for x in lines), Decimal(0))
    topped = top_up(subtotal, outcome.discount, price_list.min_order) if build.cabinets else None
    if topped is not None:
        lines.append(minimum_line(topped, price_list.min_order))
        line_discounts = MappingProxyType({**line_discounts, MINIMUM_KEY: Decimal(0)})
        subtotal += topped.amount
    total = subtotal - outcome.discount
    problems = list(outcome.problems)
    if not price_list.is_valid_on(now.date()):
        problems.append(
            Problem.of(
                PricingProblem.PRICE_LIST_NOT_VALID,
                "price_list",
                Severity.WARNING,
                version=price_list.version,
                valid_from=price_list.valid_from.isoformat(),
                valid_until=price_list.valid_until.isoformat(),
            )
        )
    deposit = deposit_for(total, price_list.deposit)
    return Price(
        currency=price_list.currency,
        method=method or price_list.method,
        region=region,
        lines=tuple(lines),
        line_discounts=line_discounts,
        gifts=outcome.gifts,
        applied=outcome.applied,
        not_applied=outcome.not_applied,
        minimum=topped,
        subtotal=subtotal,
        discount=outcome.discount,
        total=total,
        tax_included=vat_share(total, price_list.vat_rate),
        vat_rate=price_list.vat_rate,
        deposit=deposit,
        balance=total - deposit,
        price_list_version=price_list.version,
        catalog_version=catalog.version,
        problems=tuple(problems),
    )

"""The minimum order (最低订单金额): an order that comes to less than the price list's minimum
after its discounts is topped up to it, so that no promotion takes an order below it.

The top-up is worked out last, on what the customer would pay: promotions apply to the lines
the design costs (a top-up is no spend and earns no discount), then, if the order is still
under the minimum, a ``minimum`` line makes up the difference. What happened is a detail code
with its numbers (worded at the edge, ``web.messages``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from kernel.problems import Param
from pricing.lines import Category, QuoteLine, fmt_money, line

__all__ = ["MINIMUM_KEY", "MinimumDetail", "MinimumTopUp", "minimum_line", "top_up"]

MINIMUM_KEY = "order/minimum"


class MinimumDetail(StrEnum):
    """How the minimum order applied; params: ``minimum``, ``order`` (what the order came
    to), ``top_up``, and ``discount`` where discounts took it under."""

    TOPPED_UP = "minimum_topped_up"
    TOPPED_UP_AFTER_DISCOUNTS = "minimum_topped_up_after_discounts"


@dataclass(frozen=True, slots=True, kw_only=True)
class MinimumTopUp:
    """What the minimum order added to an order, and why (``detail`` and its numbers)."""

    amount: Decimal
    detail: MinimumDetail
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))


def top_up(subtotal: Decimal, discount: Decimal, minimum: Decimal) -> MinimumTopUp | None:
    """The top-up an order of ``subtotal`` less ``discount`` needs to reach ``minimum``.

    Examples
    --------
    >>> top_up(Decimal("3100.00"), Decimal("155.00"), Decimal("3000.00")).amount
    Decimal('55.00')
    >>> top_up(Decimal("3100.00"), Decimal("0"), Decimal("3000.00")) is None
    True
    """
    order = subtotal - discount
    if order >= minimum:
        return None
    params: dict[str, Param] = {
        "minimum": f"{minimum:.2f}",
        "order": f"{order:.2f}",
        "top_up": f"{minimum - order:.2f}",
    }
    detail = MinimumDetail.TOPPED_UP
    if discount > 0:
        detail = MinimumDetail.TOPPED_UP_AFTER_DISCOUNTS
        params["discount"] = f"{discount:.2f}"
    return MinimumTopUp(amount=minimum - order, detail=detail, params=MappingProxyType(params))


def minimum_line(topped: MinimumTopUp, minimum: Decimal) -> QuoteLine:
    """The order line that makes up the difference."""
    return line(
        MINIMUM_KEY,
        cabinet=None,
        category=Category.MINIMUM,
        item="minimum",
        names=(f"Minimum order {fmt_money(minimum)}", f"最低订单金额 {fmt_money(minimum)}"),
        quantity=Decimal(1),
        unit="order",
        rate=topped.amount,
    )

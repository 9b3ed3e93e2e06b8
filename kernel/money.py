"""Money on ``Decimal``: one ``quantize`` and one ``allocate``.

Amounts are never floats. Rounding happens only where a caller names it, through ``quantize``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum

__all__ = ["Currency", "Money", "allocate", "allocate_amounts", "quantize", "round_amount"]


class Currency(StrEnum):
    """ISO 4217 currencies the catalog may price in."""

    CNY = "CNY"
    EUR = "EUR"
    USD = "USD"


_MINOR_UNIT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency.

    Examples
    --------
    >>> Money(Decimal("10.50"), Currency.CNY) + Money(Decimal("0.25"), Currency.CNY)
    Money(amount=Decimal('10.75'), currency=<Currency.CNY: 'CNY'>)
    """

    amount: Decimal
    currency: Currency = Currency.CNY

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError(f"Money needs a Decimal amount, got {type(self.amount).__name__}")
        if not self.amount.is_finite():
            raise ValueError(f"Money amount is not finite: {self.amount}")

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        given: object = factor  # checked at run time too: a float must never slip in
        if isinstance(given, bool) or not isinstance(given, Decimal | int):
            raise TypeError(f"Money can be multiplied by Decimal or int, not {factor!r}")
        return Money(self.amount * factor, self.currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


def quantize(money: Money) -> Money:
    """Round to the currency's minor unit, halves up: the one rounding function.

    Examples
    --------
    >>> quantize(Money(Decimal("2.345"))).amount
    Decimal('2.35')
    """
    return Money(round_amount(money.amount), money.currency)


def round_amount(amount: Decimal) -> Decimal:
    """``quantize`` on a bare amount, for hot loops that build ``Money`` later.

    Examples
    --------
    >>> round_amount(Decimal("-2.345"))
    Decimal('-2.35')
    """
    return amount.quantize(_MINOR_UNIT, ROUND_HALF_UP)  # positional: a keyword costs twice the time


def allocate(total: Money, weights: Sequence[Decimal]) -> list[Money]:
    """Split ``total`` over ``weights`` so that the parts sum exactly to ``total``.

    Each part is rounded towards zero to the minor unit; the leftover minor units go to the
    parts with the largest remainders (ties: earliest index). Never loses or creates a cent.

    Examples
    --------
    >>> [m.amount for m in allocate(Money(Decimal("1.00")), [Decimal(1)] * 3)]
    [Decimal('0.34'), Decimal('0.33'), Decimal('0.33')]
    """
    return [Money(amount, total.currency) for amount in allocate_amounts(total.amount, weights)]


def allocate_amounts(
    total: Decimal, weights: Sequence[Decimal], *, weight: Decimal | None = None
) -> list[Decimal]:
    """``allocate`` on a bare amount: the one implementation, for hot loops; ``weight``: the
    weights' sum, where the caller has added them up already."""
    if not weights:
        raise ValueError("allocate needs at least one weight")
    if weight is None:
        weight = sum(weights, Decimal(0))
    if min(weights) < 0 or weight == 0:
        raise ValueError(f"weights must be non-negative with a positive sum: {list(weights)}")
    whole = round_amount(total)
    ratio = whole / weight
    exact = [w * ratio for w in weights]
    floored = [e.quantize(_MINOR_UNIT, ROUND_DOWN) for e in exact]  # positional: see above
    leftover = int((whole - sum(floored, Decimal(0))) / _MINOR_UNIT)
    if leftover:
        step = _MINOR_UNIT if leftover > 0 else -_MINOR_UNIT
        # largest remainder first; the sort is stable, so ties keep the earliest index first.
        # Every remainder has the total's sign (weights are not negative): the largest are
        # the highest of a positive total's and the lowest of a negative one's, no abs()
        behind = [e - f for e, f in zip(exact, floored, strict=True)]
        order = sorted(range(len(weights)), key=behind.__getitem__, reverse=whole > 0)
        for i in order[: abs(leftover)]:
            floored[i] += step
    return floored

"""Money on ``Decimal``: one ``quantize`` and one ``allocate``.

Amounts are never floats. Rounding happens only where a caller names it, through ``quantize``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import groupby

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
    texts = list(map(str, weights))  # each weight by its text: see _worked_once
    times = Counter(texts)
    down, behind = _worked_once(texts, weights, whole / weight)
    # exact: every part and partial sum is no larger than ``whole``, which has 28 digits at most
    floored = sum((down[text] * n for text, n in times.items()), Decimal(0))
    leftover = int((whole - floored) / _MINOR_UNIT)
    step = _MINOR_UNIT if leftover > 0 else -_MINOR_UNIT
    share = dict(down)
    tied, left = _step_up(share, step, abs(leftover), behind, times, highest=whole > 0)
    parts = list(map(share.__getitem__, texts))
    if tied:  # equal remainders where the leftover ends: the earliest weights take it
        for i in [i for i, text in enumerate(texts) if text in tied][:left]:
            parts[i] += step
    return parts


def _worked_once(
    texts: Sequence[str], weights: Sequence[Decimal], ratio: Decimal
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Each distinct weight's share, rounded towards zero, and its remainder, by its text.

    A design's lines repeat their amounts (equal cabinets, equal items), and equal weights
    get equal shares: each is worked out once. Told apart by their text, not their value: a
    new Decimal's hash costs several times its text, and equal texts are equal Decimals, a
    zero's sign too (equal values with other texts are merely worked out twice)."""
    down: dict[str, Decimal] = {}
    behind: dict[str, Decimal] = {}
    for text, w in dict(zip(texts, weights, strict=True)).items():
        exact = w * ratio
        down[text] = floor = exact.quantize(_MINOR_UNIT, ROUND_DOWN)  # positional: see above
        behind[text] = exact - floor
    return down, behind


def _step_up(
    share: dict[str, Decimal],
    step: Decimal,
    left: int,
    behind: Mapping[str, Decimal],
    times: Mapping[str, int],
    *,
    highest: bool,
) -> tuple[set[str], int]:
    """Give ``left`` steps to the largest remainders (``times`` weights have each text), a
    whole run of equal remainders at a time, the highest first if ``highest`` (every
    remainder has the total's sign: a negative total's largest are the lowest); the run the
    steps end in, and how many of its weights still take one (ties: the earliest)."""
    ranked = sorted(behind, key=behind.__getitem__, reverse=highest)
    for _, run in groupby(ranked if left else (), key=behind.__getitem__):
        equal = list(run)
        many = sum(times[text] for text in equal)
        if many > left:
            return set(equal), left
        for text in equal:
            share[text] += step
        left -= many
        if not left:
            break
    return set(), 0

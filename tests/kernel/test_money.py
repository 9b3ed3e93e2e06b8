from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.money import Currency, Money, allocate, allocate_amounts, quantize, round_amount

amounts = st.decimals(min_value=Decimal("-100000"), max_value=Decimal("100000"), places=2)
weights = st.lists(
    st.decimals(min_value=Decimal(0), max_value=Decimal(1000), places=3), min_size=1, max_size=12
).filter(lambda w: sum(w) > 0)


def test_money_rejects_a_float_amount() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        Money(1.5)  # type: ignore[arg-type]


def test_money_rejects_nan() -> None:
    with pytest.raises(ValueError, match="finite"):
        Money(Decimal("NaN"))


def test_money_cannot_mix_currencies() -> None:
    with pytest.raises(ValueError, match="mix"):
        Money(Decimal(1), Currency.CNY) + Money(Decimal(1), Currency.EUR)


def test_money_multiplies_by_decimal_or_int_only() -> None:
    assert (Money(Decimal("2.50")) * 3).amount == Decimal("7.50")
    assert (Money(Decimal("2.50")) - Money(Decimal("0.50"))).amount == Decimal("2.00")
    with pytest.raises(TypeError):
        Money(Decimal(1)) * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(Decimal(1)) * True


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("2.345", "2.35"),
        ("2.344", "2.34"),
        ("-2.345", "-2.35"),
        ("0.005", "0.01"),
    ],
)
def test_quantize_rounds_half_up_to_the_cent(amount: str, expected: str) -> None:
    assert quantize(Money(Decimal(amount))).amount == Decimal(expected)


def test_allocate_gives_the_leftover_cent_to_the_largest_remainder() -> None:
    parts = allocate(Money(Decimal("100.00")), [Decimal(1), Decimal(1), Decimal(1)])
    assert [p.amount for p in parts] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


def test_allocate_of_a_negative_total_adds_up() -> None:
    parts = allocate(Money(Decimal("-0.05")), [Decimal(1), Decimal(2)])
    assert sum(p.amount for p in parts) == Decimal("-0.05")


def test_allocate_refuses_weights_that_sum_to_zero() -> None:
    with pytest.raises(ValueError, match="weights"):
        allocate(Money(Decimal(1)), [Decimal(0)])
    with pytest.raises(ValueError, match="weight"):
        allocate(Money(Decimal(1)), [])


@given(total=amounts, shares=weights)
def test_allocated_parts_add_up_exactly(total: Decimal, shares: list[Decimal]) -> None:
    parts = allocate(Money(total), shares)
    assert sum((p.amount for p in parts), Decimal(0)) == total
    assert len(parts) == len(shares)
    assert all(p.amount == p.amount.quantize(Decimal("0.01")) for p in parts)


@given(total=amounts, shares=weights)
def test_allocated_parts_are_within_a_cent_of_the_exact_share(
    total: Decimal, shares: list[Decimal]
) -> None:
    parts = allocate(Money(total), shares)
    weight_sum = sum(shares)
    for part, weight in zip(parts, shares, strict=True):
        assert abs(part.amount - total * weight / weight_sum) < Decimal("0.01")


def _allocated_by_definition(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """``allocate_amounts`` as first written (every remainder sorted by size, then index)."""
    whole = round_amount(total)
    exact = [w * (whole / sum(weights, Decimal(0))) for w in weights]
    floored = [e.quantize(Decimal("0.01"), rounding=ROUND_DOWN) for e in exact]
    leftover = int((whole - sum(floored, Decimal(0))) / Decimal("0.01"))
    step = Decimal("0.01") if leftover >= 0 else Decimal("-0.01")
    order = sorted(range(len(weights)), key=lambda i: (-abs(exact[i] - floored[i]), i))
    for i in order[: abs(leftover)]:
        floored[i] += step
    return floored


@given(
    total=amounts | st.decimals(min_value=-100, max_value=100, places=4),
    shares=weights
    | st.lists(
        st.sampled_from([Decimal(0), Decimal(1), Decimal(3), Decimal("7.5")]), min_size=1
    ).filter(lambda w: sum(w) > 0)
    # equal weights written alike and not (1, 1.0, 1.00), zeros of either sign, long lists
    | st.lists(
        st.sampled_from(
            [Decimal(s) for s in ("0", "-0", "0.00", "1", "1.0", "1.00", "2", "0.5", "3", "7.50")]
        ),
        min_size=1,
        max_size=60,
    ).filter(lambda w: sum(w) > 0),
)
def test_allocation_is_the_one_defined_ties_to_the_earliest(
    total: Decimal, shares: list[Decimal]
) -> None:
    defined = [str(x) for x in _allocated_by_definition(total, shares)]
    assert [str(x) for x in allocate_amounts(total, shares)] == defined
    summed = sum(shares, Decimal(0))  # a caller that has the sum already
    assert [str(x) for x in allocate_amounts(total, shares, weight=summed)] == defined


def test_equal_weights_written_differently_tie_by_index() -> None:
    # 1 and 1.0 are worked out apart but their remainders tie: the earliest two take a cent
    parts = allocate_amounts(Decimal("0.02"), [Decimal(1), Decimal("1.0"), Decimal(1)])
    assert [str(x) for x in parts] == ["0.01", "0.01", "0.00"]
    parts = allocate_amounts(Decimal("-0.02"), [Decimal(1), Decimal("1.0"), Decimal(1)])
    assert [str(x) for x in parts] == ["-0.01", "-0.01", "-0.00"]

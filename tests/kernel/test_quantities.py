"""The one rounding of quantities: halves up, through the float's shortest decimal form."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.quantities import AREA_STEP_M2, LENGTH_STEP_M, area_m2, metres, round_quantity

STEPS = st.sampled_from([AREA_STEP_M2, LENGTH_STEP_M])
QUANTITIES = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(QUANTITIES, STEPS)
def test_round_quantity_is_repr_quantized_halves_up(value: float, step: Decimal) -> None:
    assert round_quantity(value, step) == Decimal(repr(value)).quantize(step, ROUND_HALF_UP)


@given(QUANTITIES, QUANTITIES, STEPS)
def test_round_quantity_is_monotone(a: float, b: float, step: Decimal) -> None:
    low, high = sorted((a, b))
    assert round_quantity(low, step) <= round_quantity(high, step)


@given(st.floats(min_value=0, max_value=1e8, allow_nan=False), STEPS)
def test_round_quantity_is_within_half_a_step(value: float, step: Decimal) -> None:
    assert abs(round_quantity(value, step) - Decimal(repr(value))) <= step / 2


@given(st.integers(min_value=0, max_value=10**9))
def test_area_and_metres_take_millimetres(mm: int) -> None:
    assert area_m2(mm) == round_quantity(mm / 1e6, AREA_STEP_M2)
    assert metres(mm) == round_quantity(mm / 1000, LENGTH_STEP_M)


@pytest.mark.parametrize(
    ("mm", "expected"),
    [(725, "0.73"), (1225, "1.23"), (5, "0.01"), (4.999, "0.00"), (-1225, "-1.23")],
)
def test_metres_round_ties_up_where_half_even_would_not(mm: float, expected: str) -> None:
    assert metres(mm) == Decimal(expected)


@pytest.mark.parametrize(
    ("mm2", "expected"), [(500, "0.001"), (2_400_500, "2.401"), (1_000_500, "1.001")]
)
def test_areas_round_ties_up(mm2: float, expected: str) -> None:
    assert area_m2(mm2) == Decimal(expected)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_round_quantity_refuses_non_finite(bad: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        round_quantity(bad, LENGTH_STEP_M)

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.problems import Problem, Severity, has_errors
from kernel.units import format_mm, round_mm


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.05, "0.1"),
        (2398.4, "2398.4"),
        (2398.45, "2398.5"),
        (-0.05, "-0.1"),
        (600.0, "600.0"),
    ],
)
def test_round_mm_rounds_halves_away_from_zero(value: float, expected: str) -> None:
    assert round_mm(value) == Decimal(expected)


def test_round_mm_refuses_nan() -> None:
    with pytest.raises(ValueError, match="finite"):
        round_mm(math.nan)


@given(st.floats(min_value=-1e5, max_value=1e5, allow_nan=False))
def test_formatted_length_is_within_half_a_step(value: float) -> None:
    assert abs(float(format_mm(value)) - value) <= 0.05 + 1e-9


def test_problem_as_dict_and_severity() -> None:
    p = Problem(code="x", path="a", params={"n": 1}, severity=Severity.WARNING)
    assert p.as_dict() == {"code": "x", "severity": "warning", "path": "a", "params": {"n": 1}}
    assert not has_errors([p])
    assert has_errors([p, Problem(code="y")])

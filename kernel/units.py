"""Lengths in millimetres: the one tolerance and the one rounding point.

The model computes in float millimetres; user parameters are whole millimetres; values that
leave the model (cut lists, labels, DXF) are rounded to 0.1 mm by ``round_mm`` and nowhere else.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["ABS_TOL_MM", "EXPORT_STEP_MM", "format_mm", "isclose_mm", "round_mm"]

ABS_TOL_MM = 0.01
"""Two lengths closer than this are the same length (far below any saw's precision)."""

EXPORT_STEP_MM = Decimal("0.1")
"""Resolution of every exported dimension."""


def isclose_mm(a: float, b: float) -> bool:
    """Tell whether two lengths are equal within ``ABS_TOL_MM``.

    Examples
    --------
    >>> isclose_mm(600.0, 600.004)
    True
    >>> isclose_mm(600.0, 600.1)
    False
    """
    return math.isclose(a, b, rel_tol=0.0, abs_tol=ABS_TOL_MM)


def round_mm(value: float) -> Decimal:
    """Round a model length to the export resolution, halves away from zero.

    Going through ``repr`` keeps the float's shortest decimal form, so 0.05 rounds up as a
    person would expect rather than down as its binary value would.

    Examples
    --------
    >>> round_mm(581.25)
    Decimal('581.3')
    >>> round_mm(2363.9999999)
    Decimal('2364.0')
    """
    if not math.isfinite(value):
        raise ValueError(f"length is not finite: {value!r}")
    return Decimal(repr(value)).quantize(EXPORT_STEP_MM, rounding=ROUND_HALF_UP)


def format_mm(value: float) -> str:
    """Format a model length for export: rounded, without a trailing ``.0``.

    Examples
    --------
    >>> format_mm(2364.0)
    '2364'
    >>> format_mm(396.75)
    '396.8'
    """
    rounded = round_mm(value)
    if rounded == rounded.to_integral_value():
        return str(rounded.quantize(Decimal(1)))
    return str(rounded)

"""Quantities on a quote or a factory report: areas in m² and lengths in metres, rounded once.

The model measures in float millimetres (``kernel.units``); a quantity that is priced or
printed (board area, metres of edge band, of rail, of groove) leaves the model through
``area_m2`` or ``metres``, which round with ``round_quantity`` and nowhere else.

Halves round up (away from zero), as money (``kernel.money.quantize``) and exported lengths
(``kernel.units.round_mm``) do: one rule across the engine, the one a person checking a quote
by hand applies, and never two answers for the same area in two places. ``ROUND_HALF_EVEN``
(``Decimal``'s default) would pull a tie to the even digit: 1.225 m down to 1.22 m but 1.235 m
up to 1.24 m. The float goes through ``repr``, its shortest decimal form, so the tie is the
decimal a person reads (0.725), not its binary neighbour (0.72499999999999997...).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["AREA_STEP_M2", "LENGTH_STEP_M", "area_m2", "metres", "round_quantity"]

AREA_STEP_M2 = Decimal("0.001")
"""Resolution of every area (m²) on a quote line or report: 1000 mm²."""

LENGTH_STEP_M = Decimal("0.01")
"""Resolution of every length in metres on a quote line or report: 10 mm."""

_MM2_PER_M2 = 1e6
_MM_PER_M = 1000.0


def round_quantity(value: float, step: Decimal) -> Decimal:
    """Round a quantity to ``step``, halves up (away from zero): the one rounding function.

    Examples
    --------
    >>> round_quantity(0.725, LENGTH_STEP_M)
    Decimal('0.73')
    >>> round_quantity(1.0005, AREA_STEP_M2)
    Decimal('1.001')

    Both are ties that ``ROUND_HALF_EVEN`` would round down, to 0.72 and 1.000; and the
    float 0.725 is really 0.72499999999999997..., which ``f"{0.725:.2f}"`` prints as 0.72:
    >>> Decimal("0.725").quantize(LENGTH_STEP_M), f"{0.725:.2f}"
    (Decimal('0.72'), '0.72')
    """
    if not math.isfinite(value):
        raise ValueError(f"quantity is not finite: {value!r}")
    return Decimal(repr(value)).quantize(step, ROUND_HALF_UP)  # positional: twice as fast


def area_m2(mm2: float) -> Decimal:
    """An area given in mm², in m² to ``AREA_STEP_M2``.

    Examples
    --------
    >>> area_m2(1200 * 2400)
    Decimal('2.880')
    >>> area_m2(500.0)  # a tie: half of the 0.001 m² step
    Decimal('0.001')
    """
    return round_quantity(mm2 / _MM2_PER_M2, AREA_STEP_M2)


def metres(mm: float) -> Decimal:
    """A length given in mm, in metres to ``LENGTH_STEP_M``.

    Examples
    --------
    >>> metres(2450 + 2450 + 150 + 150)
    Decimal('5.20')
    >>> metres(1225)  # a tie: ROUND_HALF_EVEN would give 1.22
    Decimal('1.23')
    """
    return round_quantity(mm / _MM_PER_M, LENGTH_STEP_M)

"""Construction rules as small pure functions (DOMAIN.md A6-A8, A10, A16)."""

from __future__ import annotations

import math

from kernel.units import ABS_TOL_MM

__all__ = [
    "clear_of",
    "connector_count",
    "fixing_positions",
    "hinge_count",
    "nearest_free",
    "pin_row",
    "share",
    "spread",
]


FILL_TOL_MM = 0.5
"""Sizes all given (whole mm) fill their row when they miss it by less than this: half the
millimetre a user gives sizes in, so only a real millimetre over or short is a mismatch."""


def spread(count: int, start: float, end: float) -> list[float]:
    """``count`` positions from ``start`` to ``end`` inclusive, evenly spaced.

    Examples
    --------
    >>> spread(3, 80, 2000)
    [80.0, 1040.0, 2000.0]
    >>> spread(1, 0, 10)
    [5.0]
    """
    if count == 1:
        return [(start + end) / 2]
    step = (end - start) / (count - 1)
    return [start + i * step for i in range(count)]


def pin_row(start: float, end: float, *, pitch: float, margin: float) -> list[float]:
    """Positions of a balanced 32 mm system row between ``start`` and ``end``.

    The first hole is as far from ``start`` as the last is from ``end`` (A7 "balanced
    panel"), and neither is closer than ``margin``.

    Examples
    --------
    >>> pin_row(0, 300, pitch=32, margin=64)
    [70.0, 102.0, 134.0, 166.0, 198.0, 230.0]
    """
    span = end - start - 2 * margin
    if span < 0:
        return []
    steps = math.floor(span / pitch)
    first = start + (end - start - steps * pitch) / 2
    return [first + i * pitch for i in range(steps + 1)]


def hinge_count(height_mm: float, weight_kg: float, width_mm: float) -> int:
    """Hinges for a door: the larger of the count by height and by weight (A8).

    By height: 2 up to 900 mm, 3 to 1500, 4 to 2000, 5 to 2400, then one per 500 mm more.
    By weight (Blum): 2 up to 6 kg, 3 up to 12 kg, then one more per started 6 kg.
    One more for doors wider than 600 mm.

    Examples
    --------
    >>> hinge_count(2364, 16.8, 450)
    5
    >>> hinge_count(700, 3.4, 400)
    2
    >>> hinge_count(700, 3.4, 620)
    3
    >>> hinge_count(2400, 10, 450), hinge_count(2401, 10, 450), hinge_count(2901, 10, 450)
    (5, 6, 7)
    """
    by_height = 2 + sum(1 for limit in (900, 1500, 2000) if height_mm > limit)
    if height_mm > 2400:
        by_height += math.ceil((height_mm - 2400) / 500)
    by_weight = (
        2 if weight_kg <= 6 else 3 if weight_kg <= 12 else 3 + math.ceil((weight_kg - 12) / 6)
    )
    return max(by_height, by_weight) + (1 if width_mm > 600 else 0)


def connector_count(joint_mm: float, *, spacing_mm: float) -> int:
    """Cam connectors along a joint: one per started ``spacing_mm``, at least two.

    Examples
    --------
    >>> connector_count(560, spacing_mm=250)
    3
    >>> connector_count(300, spacing_mm=250)
    2
    """
    return max(2, math.ceil(joint_mm / spacing_mm))


def fixing_positions(
    start: float, end: float, *, end_mm: float, max_pitch_mm: float
) -> list[float]:
    """Fixings along a joint from ``start`` to ``end`` (B9, like backs): the first ``end_mm``
    from each end, more while the pitch exceeds ``max_pitch_mm``. A joint too short for that
    gets two, a quarter of its length from each end.

    Examples
    --------
    >>> fixing_positions(0, 600, end_mm=100, max_pitch_mm=300)
    [100.0, 300.0, 500.0]
    >>> fixing_positions(0, 500, end_mm=100, max_pitch_mm=300)
    [100.0, 400.0]
    >>> fixing_positions(0, 62, end_mm=100, max_pitch_mm=300)
    [15.5, 46.5]
    """
    margin = min(end_mm, (end - start) / 4)
    span = end - start - 2 * margin
    count = 2 + max(0, math.ceil(span / max_pitch_mm - 1e-9) - 1)
    return spread(count, start + margin, end - margin)


def clear_of(positions: list[float], taken: list[float], *, clearance: float) -> list[float]:
    """``positions``, each moved ``clearance`` past a ``taken`` one it comes closer to than
    that (towards the side of the joint it stands on), so that two bores never meet.

    Examples
    --------
    >>> clear_of([100.0, 280.0, 460.0], [50.0, 280.0, 510.0], clearance=32)
    [100.0, 312.0, 460.0]
    """
    out = []
    for p in positions:
        for q in taken:
            if abs(q - p) < clearance:
                p = q + clearance if p >= q else q - clearance
                break
        out.append(p)
    return out


def nearest_free(
    p: float, taken: list[tuple[float, float]], *, lo: float, hi: float
) -> float | None:
    """The place nearest ``p`` from ``lo`` to ``hi`` at least ``r`` from every ``c`` of the
    ``(c, r)`` in ``taken`` (``p`` itself when it is); ``None`` when there is none.

    Examples
    --------
    >>> nearest_free(55.75, [(50.0, 7.5), (60.0, 32.0)], lo=20, hi=203)
    28.0
    >>> nearest_free(100.0, [(90.0, 8.0)], lo=20, hi=203)
    100.0
    >>> nearest_free(30.0, [(30.0, 32.0)], lo=20, hi=60) is None
    True
    """

    candidates = [p, *(c + side * r for c, r in taken for side in (-1, 1))]
    # nearest first (a stable sort: ties keep their order), so usually only ``p`` is tested
    candidates.sort(key=lambda y: abs(y - p))
    for y in candidates:
        if lo <= y <= hi and all(abs(y - c) >= r - ABS_TOL_MM for c, r in taken):
            return y
    return None


def share(
    total: float,
    fixed: list[float | None],
    *,
    gap: float,
    margins: list[float] | None = None,
) -> list[float] | None:
    """Sizes for a row of pieces separated by ``gap``: fixed ones as given, ``None`` ones
    sharing the rest equally, or, given each piece's ``margins``, so that size plus margin
    comes out equal. ``None`` when the fixed ones leave no room.

    Examples
    --------
    >>> share(1564, [800, None], gap=18)
    [800.0, 746.0]
    >>> share(1000, [600, 600], gap=0) is None
    True
    >>> share(1000, [None, None, None], gap=0, margins=[20, 10, 20])
    [330.0, 340.0, 330.0]
    """
    free = total - gap * (len(fixed) - 1) - sum(f for f in fixed if f is not None)
    open_count = sum(1 for f in fixed if f is None)
    if (
        free < -ABS_TOL_MM
        or (open_count and free <= 0)
        or (not open_count and abs(free) > FILL_TOL_MM)
    ):
        return None
    if margins is None:
        return [float(f) if f is not None else free / open_count for f in fixed]
    open_margins = [m for f, m in zip(fixed, margins, strict=True) if f is None]
    each = (free + sum(open_margins)) / open_count if open_count else 0.0
    sizes = [float(f) if f is not None else each - m for f, m in zip(fixed, margins, strict=True)]
    return None if open_count and min(sizes) <= 0 else sizes

"""Check that a sheet layout is guillotine-cuttable in at most three stages (non-exact).

Stage 1 cuts run along the sheet's length (x) and split it into strips, stage 2 cuts run
across, stage 3 along again; after the third stage each cell may hold one piece at most,
which a final trim frees. A layout that needs its first cut across the sheet is checked the
same way with x and y exchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from kernel.units import ABS_TOL_MM

__all__ = ["Rect", "stages_needed"]

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def _slabs(rects: Sequence[Rect], axis: int) -> list[list[Rect]] | None:
    """Split along ``axis`` (0: cuts at x positions, 1: at y) wherever no piece crosses."""
    if not rects:
        return []
    ordered = sorted(rects, key=lambda r: r[axis])
    groups: list[list[Rect]] = [[ordered[0]]]
    reach = ordered[0][axis + 2]
    for r in ordered[1:]:
        if r[axis] >= reach - ABS_TOL_MM:  # touching (within the tolerance) is not crossing
            groups.append([r])
        else:
            groups[-1].append(r)
        reach = max(reach, r[axis + 2])
    return groups


def _fits(rects: Sequence[Rect], axis: int, stages: int) -> bool:
    if len(rects) <= 1:
        return True
    if stages == 0:
        return False
    groups = _slabs(rects, axis)
    assert groups is not None
    if len(groups) == 1:  # nothing to cut in this direction: the stage is wasted
        return _fits(rects, 1 - axis, stages - 1) if stages > 1 else False
    return all(_fits(g, 1 - axis, stages - 1) for g in groups)


def stages_needed(rects: Sequence[Rect], *, limit: int = 4) -> int | None:
    """The fewest guillotine stages (first cuts in either direction) that free every piece,
    or ``None`` if ``limit`` stages do not."""
    for stages in range(limit + 1):
        if _fits(rects, 1, stages) or _fits(rects, 0, stages):
            return stages
    return None

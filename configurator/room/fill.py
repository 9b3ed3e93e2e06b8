"""Fill a wall: free spans along a wall, and cabinet widths plus a filler that fill one exactly.

The browser offers it; the CLI prints it. Widths come from the template's standard widths
(cheapest to make); when no combination fits, equal non-standard widths within the template's
range fill the span, and the proposal says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild
from configurator.model.design import OpeningKind, WallPlacement
from configurator.room.geometry import walls

__all__ = ["Fill", "free_spans", "propose_fill"]

MIN_SPAN_MM = 100.0
MAX_MODULE_MM = 1200  # one carcass carried through a door and fitted by two people


@dataclass(frozen=True, slots=True, kw_only=True)
class Fill:
    """Cabinet widths left to right along the span, then the filler (0: none needed)."""

    template: str
    widths: tuple[int, ...]
    filler_mm: int
    standard: bool

    @property
    def total_mm(self) -> int:
        """What the proposal fills."""
        return sum(self.widths) + self.filler_mm


def free_spans(build: DesignBuild, wall: int) -> list[tuple[float, float]]:
    """Intervals along ``wall`` (mm from its start) with no cabinet against it and no door or
    pass-through in it."""
    design = build.design
    length = walls(design.room)[wall].length
    taken: list[tuple[float, float]] = []
    for placed in build.cabinets:
        spec = placed.cabinet.spec
        if isinstance(spec.placement, WallPlacement) and spec.placement.wall == wall:
            taken.append((spec.placement.offset_mm, spec.placement.offset_mm + spec.width_mm))
    for opening in design.room.openings:
        if opening.wall == wall and opening.kind is not OpeningKind.WINDOW:
            taken.append((opening.offset_mm, opening.offset_mm + opening.width_mm))
    spans = []
    cursor = 0.0
    for start, end in sorted(taken):
        if start - cursor >= MIN_SPAN_MM:
            spans.append((cursor, start))
        cursor = max(cursor, end)
    if length - cursor >= MIN_SPAN_MM:
        spans.append((cursor, length))
    return spans


def propose_fill(
    span_mm: float, template: str, catalog: Catalog, *, max_module_mm: int = MAX_MODULE_MM
) -> Fill | None:
    """The fewest ``template`` cabinets (each at most ``max_module_mm``), then the narrowest
    filler, that fill ``span_mm`` exactly (whole mm, rounded down). A span narrower than any
    cabinet gets a filler alone if one fits; ``None`` when nothing does."""
    tpl = catalog.template(template)
    filler = catalog.template("filler").width
    span = math.floor(span_mm)
    widest = min(tpl.width.max, max_module_mm)
    widths = sorted((w for w in tpl.standard_widths if tpl.width.min <= w <= widest), reverse=True)
    best = _standard(span, widths, filler_min=filler.min, filler_max=filler.max)
    if best is not None:
        return Fill(template=template, widths=best, filler_mm=span - sum(best), standard=True)
    if span < tpl.width.min:
        fits = filler.min <= span <= filler.max
        return Fill(template=template, widths=(), filler_mm=span, standard=True) if fits else None
    # equal widths: as many modules as the cap asks, but never narrower than the template
    count = max(1, min(math.ceil(span / widest), span // tpl.width.min))
    if span / count > tpl.width.max:
        return None
    base, extra = divmod(span, count)
    return Fill(
        template=template,
        widths=tuple(base + (1 if i < extra else 0) for i in range(count)),
        filler_mm=0,
        standard=False,
    )


def _standard(
    span: int, widths: list[int], *, filler_min: int, filler_max: int
) -> tuple[int, ...] | None:
    """Fewest standard widths leaving no gap or a gap a filler closes (unbounded knapsack)."""
    fewest: list[tuple[int, ...] | None] = [None] * (span + 1)
    fewest[0] = ()
    for total in range(1, span + 1):
        for w in widths:
            prev = fewest[total - w] if total >= w else None
            here = fewest[total]
            if prev is not None and (here is None or len(prev) + 1 < len(here)):
                fewest[total] = (*prev, w)
    options = [
        (len(combo), span - total, combo)
        for total, combo in enumerate(fewest)
        if combo and (span - total == 0 or filler_min <= span - total <= filler_max)
    ]
    if not options:
        return None
    return tuple(sorted(min(options)[2], reverse=True))

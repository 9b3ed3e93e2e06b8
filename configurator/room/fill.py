"""Fill a span: the widths of a template's cabinets, and at most one small filler, that fill a
stretch of wall exactly.

Widths come from the template's own standard widths (no non-standard surcharge) and its own
range, never from one cap for all templates (DOMAIN.md A12). The options are ranked: a filler
only to close a small remainder, then the fewest cabinets, then equal widths (or nearly so),
then the narrowest filler. Where no standard combination fits, equal non-standard widths
(with the surcharge) come last. A span narrower than the template's narrowest cabinet gets
nothing: a filler alone fills no wall.

Where a span is along the wall, and what height it leaves, is the rules' business
(``configurator.rules.fill``): they know what a cabinet may not stand in front of.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from catalog.catalog import Catalog
from catalog.templates import ModuleTemplate

__all__ = ["SLACK_MM", "SMALL_FILLER_MM", "Fill", "fill_options", "propose_fill"]

SMALL_FILLER_MM = 100  # a filler up to this wide closes a remainder; a wider one is a last resort
SLACK_MM = 10  # left open, scribed on site: built-ins are ordered 5-10 mm narrower (DOMAIN A15)
MORE_CABINETS = 2  # options with up to this many more cabinets than the fewest are ranked too


@dataclass(frozen=True, slots=True, kw_only=True)
class Fill:
    """Cabinet widths left to right along the span, then the filler (0: none needed);
    ``standard``: every width is one of the template's standard widths. Up to ``SLACK_MM``
    of the span may be left open."""

    template: str
    widths: tuple[int, ...]
    filler_mm: int
    standard: bool

    @property
    def total_mm(self) -> int:
        """What the proposal fills."""
        return sum(self.widths) + self.filler_mm


def propose_fill(span_mm: float, template: str, catalog: Catalog) -> Fill | None:
    """The best way to fill ``span_mm`` with ``template`` cabinets (``None``: none fits)."""
    options = fill_options(span_mm, template, catalog)
    return options[0] if options else None


def fill_options(span_mm: float, template: str, catalog: Catalog, *, most: int = 4) -> list[Fill]:
    """Up to ``most`` ways of filling ``span_mm`` (whole mm, rounded down, less at most
    ``SLACK_MM``) with standard widths of ``template`` and at most one filler, best first,
    then the non-standard equal split if one fits. Empty when the span is narrower than the
    template's narrowest cabinet."""
    tpl = catalog.template(template)
    filler = catalog.template("filler").width
    span = math.floor(span_mm)
    if span < tpl.width.min:
        return []
    widths = sorted(w for w in tpl.standard_widths if tpl.width.contains(w))
    options = _standard(span, tpl, widths, (filler.min, filler.max))[:most]
    equal = _equal_split(span, tpl)
    if equal is not None and equal not in options:
        options.append(equal)
    return options


def _standard(
    span: int, tpl: ModuleTemplate, widths: list[int], filler: tuple[int, int]
) -> list[Fill]:
    """Standard-width options ranked as the module says."""
    if not widths:
        return []
    gaps = [*range(min(SLACK_MM, filler[0] - 1) + 1), *range(filler[0], filler[1] + 1)]
    most_cabinets = span // widths[0]
    # reach[k]: a bit set for every total that k standard widths make (Python ints as bitsets)
    mask = (1 << (span + 1)) - 1
    reach = [1]
    fewest: int | None = None
    found: list[tuple[tuple[int, ...], Fill]] = []
    for k in range(1, most_cabinets + 1):
        step = 0
        for w in widths:
            step |= reach[-1] << w
        reach.append(step & mask)
        if fewest is not None and k > fewest + MORE_CABINETS:
            break
        for gap in gaps:
            total = span - gap
            if total <= 0 or not (reach[k] >> total) & 1:
                continue
            fewest = k if fewest is None else fewest
            chosen = _near_equal(total, k, widths, reach)
            strip = gap if gap >= filler[0] else 0
            fill = Fill(template=tpl.code, widths=chosen, filler_mm=strip, standard=True)
            found.append(((*_rank(fill), gap), fill))
    found.sort(key=lambda pair: pair[0])
    return [fill for _, fill in found]


def _rank(fill: Fill) -> tuple[int, ...]:
    """Small filler first, then fewest cabinets, equal widths, nearly equal (none more than
    twice another), and the narrowest filler (then the least left open)."""
    widths = fill.widths
    spread = 0 if len(set(widths)) == 1 else 1 if max(widths) <= 2 * min(widths) else 2
    return (int(fill.filler_mm > SMALL_FILLER_MM), len(widths), spread, fill.filler_mm)


def _near_equal(total: int, count: int, widths: list[int], reach: list[int]) -> tuple[int, ...]:
    """``count`` standard widths summing to ``total`` (which ``reach`` says is possible), each
    as near the mean of what is left as a combination allows; widest first."""
    out = []
    left = total
    for k in range(count, 0, -1):
        mean = left / k
        w = min(
            (w for w in widths if w <= left and (reach[k - 1] >> (left - w)) & 1),
            key=lambda w: (abs(w - mean), -w),
        )
        out.append(w)
        left -= w
    return tuple(sorted(out, reverse=True))


def _equal_split(span: int, tpl: ModuleTemplate) -> Fill | None:
    """The fewest equal widths inside the template's range that fill ``span`` exactly (the
    last one a millimetre wider where the span does not divide)."""
    count = max(1, math.ceil(span / tpl.width.max))
    if span / count < tpl.width.min:
        return None
    base, extra = divmod(span, count)
    widths = tuple(base + (1 if i < extra else 0) for i in range(count))
    standard = all(w in tpl.standard_widths for w in widths)
    return Fill(template=tpl.code, widths=widths, filler_mm=0, standard=standard)

"""The fill proposals of a wall as the API and the CLI show them (JSON)."""

from __future__ import annotations

from typing import Any

from configurator.rules.fill import SpanOffer
from web.messages import fix_message, problem_view

__all__ = ["fill_view"]


def fill_view(
    offers: tuple[SpanOffer, ...], *, wall: int, template: str, language: str = "en"
) -> dict[str, Any]:
    """Each free span with its checked proposal (the cabinets' widths, height, filler, and
    the JSON Patch that adds them, with its words) or the problem that says why none."""
    spans = []
    for offer in offers:
        span = offer.span
        proposal = None
        if offer.fill is not None and offer.fix is not None:
            proposal = {
                "template": offer.fill.template,
                "widths_mm": list(offer.fill.widths),
                "filler_mm": offer.fill.filler_mm,
                "height_mm": offer.height_mm,
                "standard": offer.fill.standard,
                **offer.fix.as_dict(),
                "message": fix_message(offer.fix, language),
            }
        spans.append(
            {
                "start_mm": round(span.start_mm, 1),
                "end_mm": round(span.end_mm, 1),
                "top_mm": round(span.top_mm, 1),
                "limit": span.limit,
                "proposal": proposal,
                "problem": None if offer.problem is None else problem_view(offer.problem, language),
            }
        )
    return {"wall": wall, "template": template, "spans": spans}

"""JSON views of core values for the API and the CLI."""

from __future__ import annotations

from typing import Any

from catalog.catalog import Catalog
from configurator.model.document import MAX_PROBLEMS
from kernel.fields import at_most
from kernel.memo import Memo, no_memo
from persistence.pricing_json import price_to_json, quote_to_json
from pricing.price import Price
from pricing.quote import Quote
from services.evaluation import DesignReport
from web.messages import detail_message, minimum_message, problem_view, reason_message

__all__ = ["catalog_view", "evaluation_view", "price_view", "quote_view"]


def price_view(price: Price, language: str = "en", *, memo: Memo = no_memo) -> dict[str, Any]:
    """The price as the API and CLI show it: its JSON form, each applied and not-applied
    promotion and the minimum-order top-up with its ``message`` in ``language`` next to its
    code and params. ``memo`` may remember each line's JSON
    (``persistence.pricing_json.price_to_json``)."""
    data = price_to_json(price, memo=memo)
    promotions = data["promotions"]
    for entry, a in zip(promotions["applied"], price.applied, strict=True):
        entry["message"] = detail_message(a.detail, a.params, language)
    for entry, n in zip(promotions["not_applied"], price.not_applied, strict=True):
        entry["message"] = reason_message(n.reason, n.params, language)
    if price.minimum is not None:
        data["minimum"]["message"] = minimum_message(
            price.minimum.detail, price.minimum.params, language
        )
    return data


def evaluation_view(
    report: DesignReport, language: str = "en", *, memo: Memo = no_memo
) -> dict[str, Any]:
    """An evaluation as the API shows it: the first problems with their words, the price
    (``memo`` as for ``price_view``) and the parts summary."""
    return {
        "problems": [problem_view(p, language) for p in at_most(report.problems, MAX_PROBLEMS)],
        "price": price_view(report.price, language, memo=memo),
        "parts_summary": report.parts.as_dict(),
    }


def quote_view(quote: Quote, language: str = "en") -> dict[str, Any]:
    """A frozen quote as the API shows it: its JSON snapshot (``persistence.pricing_json``),
    the promotions' words in ``language``, and the names of its drawings (the drawings
    themselves are in its HTML and PDF)."""
    data = quote_to_json(quote)
    data["price"] = price_view(quote.price, language)
    data["drawings"] = list(quote.drawings)
    return data


def catalog_view(catalog: Catalog) -> dict[str, Any]:
    """The catalog as the browser needs it: templates, materials, edge bands, hardware."""
    return {
        "version": catalog.version,
        "currency": catalog.currency.value,
        "templates": [
            {
                "code": t.code,
                "name": t.name,
                "name_zh": t.name_zh,
                "fronts": t.fronts.value,
                "plinth": t.plinth.value,
                "width_mm": _range(t.width),
                "height_mm": _range(t.height),
                "depth_mm": _range(t.depth),
                "standard_widths_mm": list(t.standard_widths),
                "elevation_mm": t.elevation_mm,  # default underside height: what goes over what
                "corner": t.corner.value,  # "l": stands with its left side in the wall's end
                "carcass_materials": list(t.carcass_materials),
                "front_materials": list(t.front_materials),
                "load_class": t.load_class.value,
                "options": {
                    name: (
                        {"range": _range(o.range)}
                        if o.range
                        else {"choices": list(o.choices), "default": o.default}
                    )
                    for name, o in t.options.items()
                },
            }
            for t in catalog.templates.values()
        ],
        "materials": [
            {
                "code": m.code,
                "name": m.name,
                "name_zh": m.name_zh,
                "kind": m.kind.value,
                "thickness_mm": m.thickness_mm,
                "sheet_mm": [m.sheet_length_mm, m.sheet_width_mm],
                "large_sheet_mm": list(m.large_sheet_mm) if m.large_sheet_mm else None,
                "grained": m.grained,
                "color": m.color,
                "density_kg_m3": m.density_kg_m3,
                "modulus_mpa": m.modulus_mpa,
                "bands": {k.value: v for k, v in m.bands.items()},
            }
            for m in catalog.materials.values()
        ],
        "edge_bands": [
            {
                "code": b.code,
                "name": b.name,
                "thickness_mm": b.thickness_mm,
                "width_mm": b.width_mm,
                "color": b.color,
            }
            for b in catalog.edge_bands.values()
        ],
        "hardware": [
            {
                "code": h.code,
                "kind": h.kind.value,
                "name": h.name,
                "name_zh": h.name_zh,
                "unit": h.unit.value,
                "size_mm": h.size_mm,
            }
            for h in catalog.hardware.values()
        ],
    }


def _range(r: Any) -> dict[str, int]:
    return {"min": r.min, "max": r.max, "default": r.default}

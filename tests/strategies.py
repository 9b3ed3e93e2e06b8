"""Hypothesis strategies: random valid cabinets of every template."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from catalog.catalog import Catalog
from catalog.templates import FrontKind, ModuleTemplate, PlinthKind
from persistence.catalog_files import load_catalog

CATALOG: Catalog = load_catalog()
TEMPLATES = sorted(CATALOG.templates)


@st.composite
def cabinets(draw: st.DrawFn, template_code: str | None = None) -> dict[str, Any]:
    """A cabinet document entry that the catalog accepts, with a random valid interior."""
    code = template_code or draw(st.sampled_from(TEMPLATES))
    t = CATALOG.template(code)
    width = draw(st.integers(t.width.min, t.width.max))
    height = draw(st.integers(t.height.min, t.height.max))
    depth = draw(st.integers(t.depth.min, t.depth.max))
    options = draw(_options(t))
    cabinet: dict[str, Any] = {
        "id": "C1",
        "template": code,
        "wall": 0,
        "offset_mm": 0,
        "width_mm": width,
        "height_mm": height,
        "depth_mm": depth,
        "carcass_material": draw(st.sampled_from(t.carcass_materials)),
        "front_material": draw(st.sampled_from(t.front_materials)),
        "options": options,
        "interior": None,
    }
    if t.has_carcass and draw(st.booleans()):
        cabinet["interior"] = draw(_interior(t, cabinet))
    narrow = width < 400 or len((cabinet["interior"] or {}).get("sections", [])) > 1
    if t.fronts is FrontKind.DRAWERS and narrow:
        options["handle"] = "HANDLE_128"  # longer handles do not fit narrow drawer fronts
    return cabinet


@st.composite
def _options(draw: st.DrawFn, t: ModuleTemplate) -> dict[str, Any]:
    chosen: dict[str, Any] = {}
    for name, spec in t.options.items():
        if draw(st.booleans()):
            chosen[name] = (
                draw(st.integers(spec.range.min, spec.range.max))
                if spec.range
                else draw(st.sampled_from(spec.choices))
            )
    return chosen


def _inner(t: ModuleTemplate, cabinet: dict[str, Any]) -> tuple[float, float]:
    thickness = CATALOG.material(cabinet["carcass_material"]).thickness_mm
    plinth = 0.0
    if t.plinth is not PlinthKind.NONE:
        plinth = float(cabinet["options"].get("plinth_mm", t.options["plinth_mm"].default))
    return cabinet["width_mm"] - 2 * thickness, cabinet["height_mm"] - plinth - 2 * thickness


@st.composite
def _interior(draw: st.DrawFn, t: ModuleTemplate, cabinet: dict[str, Any]) -> dict[str, Any]:
    inner_w, inner_h = _inner(t, cabinet)
    thickness = CATALOG.material(cabinet["carcass_material"]).thickness_mm
    most = max(1, min(4, int((inner_w + thickness) // (250 + thickness))))
    count = draw(st.integers(1, most))
    share = (inner_w - (count - 1) * thickness) / count
    sections = []
    for i in range(count):
        fixed = i < count - 1 and draw(st.booleans())
        width = int(share) if fixed else None
        sections.append({"width_mm": width, "items": draw(_items(t, cabinet, inner_h=inner_h))})
    return {"sections": sections}


@st.composite
def _items(
    draw: st.DrawFn, t: ModuleTemplate, cabinet: dict[str, Any], *, inner_h: float
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    stack = 0.0
    if cabinet["depth_mm"] >= 400:
        if t.fronts is FrontKind.DRAWERS:
            count = draw(st.integers(0, max(0, min(5, int(inner_h // 160)))))
            return [{"kind": "drawer", "height_mm": None} for _ in range(count)]
        for _ in range(draw(st.integers(0, 2))):
            height = draw(st.integers(120, 300))
            if stack + height + 3 > inner_h - 150:
                break
            items.append({"kind": "drawer", "height_mm": height})
            stack += height + 3
    slots = list(range(int(stack) + 100, int(inner_h) - 80, 100))
    for at in sorted(
        draw(st.lists(st.sampled_from(slots), unique=True, max_size=6)) if slots else []
    ):
        kind = draw(st.sampled_from(["shelf", "fixed_shelf", "rail"]))
        items.append({"kind": kind, "at_mm": at})
    return items

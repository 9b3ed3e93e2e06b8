"""Hypothesis strategies: random valid cabinets of every template, and design documents."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from catalog.catalog import Catalog
from catalog.templates import CornerKind, FrontKind, ModuleTemplate, PlinthKind
from configurator.model.design import ObstacleKind, OpeningKind
from configurator.model.document import MAX_LENGTH_MM, MAX_PLAN_MM, SWINGS
from persistence.catalog_files import load_catalog

CATALOG: Catalog = load_catalog()
TEMPLATES = sorted(CATALOG.templates)
EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.json"))
EXAMPLE_DOCUMENTS = [json.loads(p.read_text()) for p in EXAMPLES]


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
    # a corner unit's interior is the catalog's (its arms and blind part)
    if t.has_carcass and t.corner is CornerKind.NONE and draw(st.booleans()):
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


_MM = st.integers(1, int(MAX_LENGTH_MM))
_PLAN = st.floats(-MAX_PLAN_MM, MAX_PLAN_MM, allow_nan=False, allow_infinity=False)


def _maybe(
    draw: st.DrawFn, target: dict[str, Any], key: str, values: st.SearchStrategy[Any]
) -> None:
    """Set ``target[key]`` to a drawn value, or leave the optional key out."""
    if draw(st.booleans()):
        target[key] = draw(values)


@st.composite
def _opening(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    opening: dict[str, Any] = {
        "id": ident,
        "kind": draw(st.sampled_from([k.value for k in OpeningKind])),
        "wall": draw(st.integers(0, 999)),
        "offset_mm": draw(st.integers(0, int(MAX_PLAN_MM))),
        "width_mm": draw(_MM),
        "height_mm": draw(_MM),
    }
    _maybe(draw, opening, "sill_mm", st.integers(0, int(MAX_LENGTH_MM)))
    _maybe(draw, opening, "swing", st.sampled_from(SWINGS))
    return opening


@st.composite
def _obstacle(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    obstacle: dict[str, Any] = {
        "id": ident,
        "kind": draw(st.sampled_from([k.value for k in ObstacleKind])),
        "outline_mm": draw(st.lists(st.tuples(_PLAN, _PLAN).map(list), min_size=3, max_size=5)),
    }
    _maybe(draw, obstacle, "bottom_mm", st.integers(0, int(MAX_LENGTH_MM)))
    _maybe(draw, obstacle, "top_mm", _MM)
    return obstacle


@st.composite
def _placed_cabinet(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    cabinet = draw(cabinets())
    cabinet["id"] = ident
    if draw(st.booleans()):
        del cabinet["wall"], cabinet["offset_mm"]
        angle = st.floats(-360, 360, allow_nan=False)
        cabinet["position"] = {"x_mm": draw(_PLAN), "y_mm": draw(_PLAN), "angle_deg": draw(angle)}
    _maybe(draw, cabinet, "elevation_mm", st.integers(0, int(MAX_LENGTH_MM)))
    if cabinet["interior"] is None and draw(st.booleans()):
        del cabinet["interior"]  # absent means the default interior, as null does
    return cabinet


@st.composite
def design_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A design document the parser accepts: an example, varied in its name, openings,
    obstacles and cabinets (placements, interiors and optional keys)."""
    doc = copy.deepcopy(draw(st.sampled_from(EXAMPLE_DOCUMENTS)))
    # any text but control and format characters and lone surrogates (the parser refuses them)
    name = draw(
        st.none() | st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs")), max_size=20)
    )
    if name is None:
        doc.pop("name", None)
    else:
        doc["name"] = name
    room = doc["room"]
    if draw(st.booleans()):
        room["openings"] = [draw(_opening(f"o{i}")) for i in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        room["obstacles"] = [draw(_obstacle(f"b{i}")) for i in range(draw(st.integers(0, 2)))]
    if draw(st.booleans()):
        doc["cabinets"] += [draw(_placed_cabinet(f"X{i}")) for i in range(draw(st.integers(1, 3)))]
    return doc

"""The JSON Schema of the design document v1, as the server publishes it.

``configurator.model.document.parse_design`` is the authority (it also checks what a schema cannot,
such as unique ids); this schema describes the same shape for editors and integrators, and the
tests keep the two in agreement.
"""

from __future__ import annotations

from typing import Any

from configurator.model.design import ItemKind, ObstacleKind, OpeningKind
from configurator.model.document import (
    CABINET_REQUIRED,
    MAX_CABINETS,
    MAX_CODE_LENGTH,
    MAX_DOCUMENT_BYTES,
    MAX_INTERIOR_ITEMS,
    MAX_ITEMS_PER_SECTION,
    MAX_LENGTH_MM,
    MAX_NAME_LENGTH,
    MAX_OBSTACLES,
    MAX_OPENINGS,
    MAX_OPTIONS,
    MAX_PLAN_MM,
    MAX_SECTIONS,
    MAX_VERTICES,
    MAX_WALL,
    SCHEMA_ID,
    SWINGS,
)

__all__ = ["TEXT_PATTERN", "design_schema"]

_ID = {"type": "string", "pattern": r"^[A-Za-z0-9_\-]{1,16}$"}
# Text, as the parser reads it: no control characters but tab and line breaks, no
# bidirectional controls (kernel.fields); unpaired surrogates are refused too, which a pattern
# cannot say in every regex dialect.
TEXT_PATTERN = (
    r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$"
)


def _text(max_length: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length, "pattern": TEXT_PATTERN}


def _list(items: dict[str, Any], max_items: int, min_items: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array", "items": items, "maxItems": max_items}
    if min_items:
        out["minItems"] = min_items
    return out


def _mm(description: str, low: float = 1) -> dict[str, Any]:
    return {
        "type": "integer",
        "minimum": low,
        "maximum": MAX_LENGTH_MM,
        "description": f"{description} (whole mm)",
    }


def _obj(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if description:
        out["description"] = description
    return out


_PLAN = {"type": "number", "minimum": -MAX_PLAN_MM, "maximum": MAX_PLAN_MM}
_POINT = _list(_PLAN, 2, 2)
_OUTLINE = _list(_POINT, MAX_VERTICES, 3)
_WALL = {
    "type": "integer",
    "minimum": 0,
    "maximum": MAX_WALL,
    "description": "wall index: from outline vertex i to vertex i+1",
}


def _item() -> dict[str, Any]:
    placed = _obj(
        {
            "kind": {"enum": [k.value for k in ItemKind if k is not ItemKind.DRAWER]},
            "at_mm": _mm(
                "height of a shelf's underside or a rail's top above the carcass' inner bottom", 0
            ),
        },
        ["kind", "at_mm"],
    )
    drawer = _obj(
        {
            "kind": {"const": ItemKind.DRAWER.value},
            "height_mm": {
                "anyOf": [_mm("drawer front height"), {"type": "null"}],
                "description": "null: share the front height (drawer units) "
                "or 200 mm (internal drawers)",
            },
        },
        ["kind"],
        "drawers stack from the bottom in list order",
    )
    return {"oneOf": [placed, drawer]}


def _cabinet() -> dict[str, Any]:
    section = _obj(
        {
            "width_mm": {
                "anyOf": [_mm("clear inner width"), {"type": "null"}],
                "description": "null: share what the other sections leave",
            },
            "items": _list(_item(), MAX_ITEMS_PER_SECTION),
            "doors": {
                "anyOf": [{"type": "integer", "minimum": 0, "maximum": 2}, {"type": "null"}],
                "description": "hinged doors over the section: 0 (open), 1 or 2; "
                "null or absent: one up to the widest door the catalog makes, else two",
            },
        },
        ["width_mm"],
    )
    properties = {
        "id": _ID,
        "template": _text(MAX_CODE_LENGTH),
        "wall": _WALL,
        "offset_mm": {
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_PLAN_MM,
            "description": "from the wall's start to the nearest side (whole mm); an L corner "
            "unit stands so that its left side reaches the wall's end, its second arm along "
            "the next wall",
        },
        "position": _obj(
            {
                "x_mm": _PLAN,
                "y_mm": _PLAN,
                "angle_deg": {"type": "number", "minimum": -360, "maximum": 360},
            },
            ["x_mm", "y_mm", "angle_deg"],
            "back-left corner; angle: direction of the back edge, left to right",
        ),
        "width_mm": _mm("overall width; an L corner unit's arm along its wall, from the corner"),
        "height_mm": _mm("overall height, plinth included"),
        "depth_mm": _mm("carcass depth; overlay fronts add their thickness"),
        "elevation_mm": _mm("underside above the floor; default by template", 0),
        "carcass_material": _text(MAX_CODE_LENGTH),
        "front_material": _text(MAX_CODE_LENGTH),
        "options": {
            "type": "object",
            "maxProperties": MAX_OPTIONS,
            "propertyNames": _text(MAX_CODE_LENGTH),
            "additionalProperties": {
                "anyOf": [
                    _text(MAX_CODE_LENGTH),
                    {"type": "integer", "minimum": -MAX_PLAN_MM, "maximum": MAX_PLAN_MM},
                ]
            },
            "description": "template options: plinth_mm, handle, hinge_side, "
            "door_count; corner units: arm_mm (an L unit's arm along the next wall, from the "
            "corner), blind_side, blind_mm, filler_mm (GET /api/v1/catalog lists each "
            "template's)",
        },
        "interior": {
            "anyOf": [
                {"type": "null"},
                _obj({"sections": _list(section, MAX_SECTIONS, 1)}, ["sections"]),
            ],
            "description": "null: the template's default interior",
        },
    }
    cabinet = _obj(properties, list(CABINET_REQUIRED))
    cabinet["oneOf"] = [
        {"required": ["wall", "offset_mm"], "not": {"required": ["position"]}},
        {
            "required": ["position"],
            "not": {"anyOf": [{"required": ["wall"]}, {"required": ["offset_mm"]}]},
        },
    ]
    return cabinet


def design_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the design document v1; lengths in mm.

    Limits the schema cannot state are in the description: the document's size in bytes and
    the interior items of all cabinets together."""
    opening = _obj(
        {
            "id": _ID,
            "kind": {"enum": [k.value for k in OpeningKind]},
            "wall": _WALL,
            "offset_mm": {"type": "integer", "minimum": 0, "maximum": MAX_PLAN_MM},
            "width_mm": _mm("width"),
            "height_mm": _mm("height"),
            "sill_mm": _mm("sill height above the floor", 0),
            "swing": {"enum": list(SWINGS)},
        },
        ["id", "kind", "wall", "offset_mm", "width_mm", "height_mm"],
    )
    obstacle = _obj(
        {
            "id": _ID,
            "kind": {"enum": [k.value for k in ObstacleKind]},
            "outline_mm": _OUTLINE,
            "bottom_mm": _mm("underside above the floor", 0),
            "top_mm": _mm("top above the floor"),
        },
        ["id", "kind", "outline_mm"],
    )
    room = _obj(
        {
            "outline_mm": {**_OUTLINE, "description": "inner wall faces, a simple polygon"},
            "ceiling_mm": _mm("ceiling height", 1000),
            "openings": _list(opening, MAX_OPENINGS),
            "obstacles": _list(obstacle, MAX_OBSTACLES),
        },
        ["outline_mm", "ceiling_mm"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Millwork design document v1",
        **_obj(
            {
                "schema": {"const": SCHEMA_ID},
                "name": _text(MAX_NAME_LENGTH),
                "room": room,
                "cabinets": _list(_cabinet(), MAX_CABINETS),
            },
            ["schema", "room", "cabinets"],
            f"at most {MAX_DOCUMENT_BYTES // 1024} KiB of JSON, and at most "
            f"{MAX_INTERIOR_ITEMS} interior items in all cabinets together",
        ),
    }

"""Keyword-only builders of design documents and models for the tests."""

from __future__ import annotations

from typing import Any

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, build_design
from configurator.model.document import SCHEMA_ID, parse_design

ROOM: dict[str, Any] = {
    "outline_mm": [[0, 0], [6000, 0], [6000, 4000], [0, 4000]],
    "ceiling_mm": 2800,
}


def a_cabinet(**overrides: Any) -> dict[str, Any]:
    """A cabinet document entry; defaults to a 1200 mm hinged wardrobe on wall 0."""
    cabinet: dict[str, Any] = {
        "id": "W1",
        "template": "wardrobe_hinged",
        "wall": 0,
        "offset_mm": 0,
        "width_mm": 1200,
        "height_mm": 2400,
        "depth_mm": 580,
        "carcass_material": "PB18_WHITE",
        "front_material": "PB18_OAK",
        "options": {},
        "interior": None,
    }
    cabinet.update(overrides)
    return cabinet


def a_document(*cabinets: dict[str, Any], room: dict[str, Any] | None = None) -> dict[str, Any]:
    """A design document holding ``cabinets`` (one default cabinet if none)."""
    return {
        "schema": SCHEMA_ID,
        "name": "test",
        "room": room or ROOM,
        "cabinets": list(cabinets) or [a_cabinet()],
    }


def a_build(catalog: Catalog, *cabinets: dict[str, Any]) -> DesignBuild:
    """Parse and build a design of ``cabinets``."""
    return build_design(parse_design(a_document(*cabinets)), catalog)

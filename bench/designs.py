"""Designs the benchmarks run on."""

from __future__ import annotations

from typing import Any

TEMPLATES = [
    ("wardrobe_hinged", 1600, 2400, 580),
    ("wardrobe_sliding", 1800, 2400, 660),
    ("shelving_open", 800, 2000, 350),
    ("drawer_unit", 600, 800, 500),
    ("base_cabinet", 600, 820, 560),
    ("top_box", 900, 450, 580),
    ("wardrobe_hinged", 1000, 2400, 580),
    ("filler", 100, 2400, 100),
]


def showroom(count: int = 30) -> dict[str, Any]:
    """A 30 x 4 m showroom with ``count`` cabinets of every template along its long walls;
    each top box stands on the sliding wardrobe four cabinets before it (on the same wall)."""
    cabinets: list[dict[str, Any]] = []
    offsets = {0: 50, 2: 50}  # 50 mm from the end walls: no door is hinged against one
    for i in range(count):
        template, width, height, depth = TEMPLATES[i % len(TEMPLATES)]
        wall = 0 if i % 2 == 0 else 2
        cabinet: dict[str, Any] = {
            "id": f"C{i + 1:02d}",
            "template": template,
            "wall": wall,
            "offset_mm": offsets[wall],
            "width_mm": width,
            "height_mm": height,
            "depth_mm": depth,
            "carcass_material": "PB18_WHITE",
            "front_material": "PB18_OAK" if i % 3 else "MDF18_GREY",
            "options": {},
            "interior": None,
        }
        under = cabinets[i - 4] if template == "top_box" and i >= 4 else None
        if under is not None:
            cabinet["offset_mm"] = under["offset_mm"]
            cabinet["elevation_mm"] = under["height_mm"]
        else:
            offsets[wall] += width + 10
        cabinets.append(cabinet)
    return {
        "schema": "millwork/design@1",
        "name": f"Showroom, {count} cabinets",
        "room": {"outline_mm": [[0, 0], [30000, 0], [30000, 4000], [0, 4000]], "ceiling_mm": 2900},
        "cabinets": cabinets,
    }

from __future__ import annotations

from typing import Any

import pytest

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, build_design
from configurator.build.placement import footprint
from configurator.model.document import parse_design
from tests.builders import a_cabinet, a_document

SQUARE_CCW = [[0, 0], [3600, 0], [3600, 3000], [0, 3000]]


def plan_box(build: DesignBuild) -> tuple[float, float, float, float]:
    placed = build.cabinets[0]
    env = placed.cabinet.envelope
    corners = footprint(placed.transform, width=env.hi[0], depth=env.hi[1])
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return (round(min(xs), 6), round(min(ys), 6), round(max(xs), 6), round(max(ys), 6))


def placed(catalog: Catalog, outline: list[list[int]], **cabinet: Any) -> DesignBuild:
    room = {"outline_mm": outline, "ceiling_mm": 2700}
    return build_design(parse_design(a_document(a_cabinet(**cabinet), room=room)), catalog)


@pytest.mark.parametrize(
    ("wall", "expected"),
    [
        # a 1000 wide, 580 + 18 deep wardrobe, 200 from each wall's start
        (0, (200, 0, 1200, 598)),
        (1, (3600 - 598, 200, 3600, 1200)),
        (2, (3600 - 1200, 3000 - 598, 3400, 3000)),
        (3, (0, 3000 - 1200, 598, 2800)),
    ],
)
def test_a_cabinet_stands_with_its_back_on_its_wall(
    catalog: Catalog, wall: int, expected: tuple[float, ...]
) -> None:
    build = placed(catalog, SQUARE_CCW, wall=wall, offset_mm=200, width_mm=1000)
    assert plan_box(build) == expected


def test_a_clockwise_outline_puts_the_cabinet_on_the_same_wall_inside_the_room(
    catalog: Catalog,
) -> None:
    clockwise = [[0, 0], [0, 3000], [3600, 3000], [3600, 0]]  # wall 0 is the left wall
    build = placed(catalog, clockwise, wall=0, offset_mm=200, width_mm=1000)
    assert plan_box(build) == (0, 200, 598, 1200)


def test_the_cabinet_frame_stays_right_handed_on_both_orientations(catalog: Catalog) -> None:
    for outline in (SQUARE_CCW, SQUARE_CCW[::-1]):
        t = placed(catalog, outline, wall=1, offset_mm=0, width_mm=1000).cabinets[0].transform
        det = t[0][0] * t[1][1] - t[0][1] * t[1][0]
        assert det == pytest.approx(1.0)


def test_a_free_position_puts_the_back_left_corner_there(catalog: Catalog) -> None:
    cab: dict[str, Any] = {
        "position": {"x_mm": 1000, "y_mm": 1000, "angle_deg": 90},
        "width_mm": 1000,
    }
    doc = a_document(a_cabinet(**cab))
    del doc["cabinets"][0]["wall"], doc["cabinets"][0]["offset_mm"]
    build = build_design(parse_design(doc), catalog)
    # the back edge runs from (1000, 1000) along +y, so the cabinet faces +x (its front is to
    # the right of the back edge's direction)
    assert plan_box(build) == (1000, 1000, 1000 + 598, 2000)


def test_wall_cabinets_hang_at_their_template_elevation_unless_the_design_says(
    catalog: Catalog,
) -> None:
    wall_cabinet: dict[str, Any] = {
        "template": "wall_cabinet",
        "width_mm": 600,
        "height_mm": 720,
        "depth_mm": 350,
    }
    default = placed(catalog, SQUARE_CCW, **wall_cabinet).cabinets[0].transform
    assert default[2][3] == 1450
    given = placed(catalog, SQUARE_CCW, elevation_mm=1600, **wall_cabinet).cabinets[0].transform
    assert given[2][3] == 1600
    wardrobe = placed(catalog, SQUARE_CCW).cabinets[0].transform
    assert wardrobe[2][3] == 0

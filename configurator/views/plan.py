"""The plan view: room, walls, openings with door swings, obstacles, cabinets with their ids
and overall sizes, and the walls' lengths; on A4 at a standard scale."""

from __future__ import annotations

import math

from shapely import Polygon, unary_union

from configurator.build.design_build import DesignBuild, PlacedCabinet
from configurator.model.design import ObstacleKind, OpeningKind
from configurator.room.geometry import Wall, door_swing, footprint_polygon, walls
from configurator.views.svg import Sheet, pick_scale

__all__ = ["render_plan_svg"]

WALL_MM = 120.0
DRAWING_BOX = (250.0, 150.0)  # paper mm left for the drawing on A4 landscape
CABINET_STYLE = "fill:#f3ead9;stroke:#000;stroke-width:0.35"
# Above the plan's cut plane (wall cabinets, top boxes): dashed, unfilled, drawn over the
# floor units they hang above, their id by the wall so that it clears the id under it.
CUT_PLANE_MM = 1200.0
OVERHEAD_STYLE = "fill:none;stroke:#000;stroke-width:0.3;stroke-dasharray:1.6 0.8"
OVERHEAD_LABEL_MM = 2.4  # paper mm from the wall to the overhead id's centre
WALL_STYLE = "fill:#9a9a9a;stroke:#000;stroke-width:0.3;fill-rule:evenodd"


class _View:
    """Model plan mm (y up) to paper mm (y down) at scale 1:n."""

    def __init__(self, bounds: tuple[float, float, float, float], n: int) -> None:
        x0, y0, x1, y1 = bounds
        self.n = n
        self.x0 = 18 + (DRAWING_BOX[0] - (x1 - x0) / n) / 2 - x0 / n
        self.y1 = y1
        self.top = 14 + (DRAWING_BOX[1] - (y1 - y0) / n) / 2

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (self.x0 + x / self.n, self.top + (self.y1 - y) / self.n)

    def poly(self, polygon: Polygon) -> list[tuple[float, float]]:
        return [self.p(x, y) for x, y in polygon.exterior.coords]


def render_plan_svg(build: DesignBuild) -> str:
    """The plan of ``build``'s room and cabinets as an SVG document (A4 landscape)."""
    room = build.design.room
    floor = Polygon(room.outline_mm)
    outer = floor.buffer(WALL_MM, join_style="mitre")
    x0, y0, x1, y1 = outer.bounds
    n = pick_scale(x1 - x0 + 1600, y1 - y0 + 1600, DRAWING_BOX)
    view = _View((x0 - 800, y0 - 800, x1 + 800, y1 + 800), n)
    sheet = Sheet(build.design.name or "Design", f"Plan 平面图  1:{n}  (mm)")
    ring = " ".join(
        f"M{' L'.join(f'{a:.2f},{b:.2f}' for a, b in view.poly(poly))} Z" for poly in (outer, floor)
    )
    sheet.path(ring, style=WALL_STYLE)
    room_walls = walls(room)
    _openings(sheet, view, build, room_walls)
    _cabinets(sheet, view, build)
    _obstacles(sheet, view, build)  # over the cabinets: beams are overhead, drawn dashed
    for wall in room_walls:
        a, b = view.p(*wall.start), view.p(*wall.end)
        # walls run with the room on their left; dimension lines go outside, on the right
        sheet.dimension(b, a, f"{wall.length:.0f}", offset=WALL_MM / n + 6)
    return sheet.render()


def _obstacles(sheet: Sheet, view: _View, build: DesignBuild) -> None:
    for obstacle in build.design.room.obstacles:
        beam = obstacle.kind is ObstacleKind.BEAM
        style = (
            "fill:none;stroke:#444;stroke-width:0.3;stroke-dasharray:2 1"
            if beam
            else "fill:#cfcfcf;stroke:#333;stroke-width:0.3"
        )
        shape = Polygon(obstacle.outline_mm)
        if not shape.is_valid:
            continue
        sheet.polygon(view.poly(shape), style=style)
        free = shape.difference(unary_union([footprint_polygon(p) for p in build.cabinets]))
        anchor = free.representative_point() if not free.is_empty else shape.centroid
        cx, cy = view.p(anchor.x, anchor.y)
        label = f"{obstacle.id} ▽{obstacle.bottom_mm:g}" if beam else obstacle.id
        sheet.text(cx, cy, label, size=2.0)


def _cabinets(sheet: Sheet, view: _View, build: DesignBuild) -> None:
    def overhead(placed: PlacedCabinet) -> bool:
        return placed.transform[2][3] >= CUT_PLANE_MM  # the underside's height

    for placed in sorted(build.cabinets, key=overhead):  # floor units first
        if overhead(placed):
            _overhead(sheet, view, placed)
            continue
        shape = footprint_polygon(placed)
        corners = view.poly(shape)
        # an L unit's outline runs arm B's end, its front, arm A's front, then the walls
        fronts = (1, 2) if placed.cabinet.outline is not None else (0,)
        sheet.polygon(corners[:-1], style=CABINET_STYLE)
        for i in fronts:
            sheet.line(corners[i], corners[i + 1], style="stroke:#000;stroke-width:0.7")
        # an L's centroid may lie outside it: its label goes on a point inside
        anchor = shape.centroid if placed.cabinet.outline is None else shape.representative_point()
        cx, cy = view.p(*anchor.coords[0])
        spec = placed.cabinet.spec
        env = placed.cabinet.envelope
        sheet.text(cx, cy - 1.6, spec.id, size=2.6, weight="bold")
        small = min(_side(corners[0], corners[1]), _side(corners[1], corners[2]))
        if small > 9:
            sheet.text(cx, cy + 1.6, f"{env.hi[0]:g}×{env.hi[1]:g}", size=1.8)


def _overhead(sheet: Sheet, view: _View, placed: PlacedCabinet) -> None:
    """A cabinet above the cut plane: its outline dashed, its id just in from the wall."""
    corners = view.poly(footprint_polygon(placed))
    sheet.polygon(corners[:-1], style=OVERHEAD_STYLE)
    (fx0, fy0), (fx1, fy1), (bx0, by0), (bx1, by1) = corners[:4]  # front edge, then back
    front, back = ((fx0 + fx1) / 2, (fy0 + fy1) / 2), ((bx0 + bx1) / 2, (by0 + by1) / 2)
    depth = math.dist(front, back)
    if depth == 0:
        return
    reach = min(OVERHEAD_LABEL_MM, depth / 2) / depth
    x = back[0] + (front[0] - back[0]) * reach
    y = back[1] + (front[1] - back[1]) * reach
    sheet.text(x, y + 0.7, placed.cabinet.spec.id, size=2.0, weight="bold")


def _side(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.dist(a, b)


def _openings(sheet: Sheet, view: _View, build: DesignBuild, room_walls: list[Wall]) -> None:
    for opening in build.design.room.openings:
        if opening.wall >= len(room_walls):
            continue
        wall = room_walls[opening.wall]
        start, end = opening.offset_mm, opening.offset_mm + opening.width_mm
        gap = [
            view.p(*wall.at(start, 1)),
            view.p(*wall.at(end, 1)),
            view.p(*wall.at(end, -WALL_MM - 1)),
            view.p(*wall.at(start, -WALL_MM - 1)),
        ]
        sheet.polygon(gap, style="fill:#fff;stroke:none")
        if opening.kind is OpeningKind.WINDOW:
            for depth in (-WALL_MM * 0.35, -WALL_MM * 0.65):
                sheet.line(
                    view.p(*wall.at(start, depth)),
                    view.p(*wall.at(end, depth)),
                    style="stroke:#2a6fb0;stroke-width:0.35",
                )
        swing = door_swing(wall, opening)
        if swing is not None:
            sheet.polygon(
                view.poly(swing),
                style="fill:none;stroke:#555;stroke-width:0.25;stroke-dasharray:1 0.8",
            )
        mx, my = view.p(*wall.at((start + end) / 2, 260))
        sheet.text(mx, my, opening.id, size=2.0)

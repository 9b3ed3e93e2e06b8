"""The elevation of one wall as seen from inside the room: its cabinets with their fronts
(solid, hinge sides marked) and interior (dashed: shelves, dividers, rails, drawer boxes),
openings and beams, and dimension lines; on A4 at a standard scale."""

from __future__ import annotations

import itertools

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, PlacedCabinet
from configurator.build.frame import make_frame
from configurator.build.interior import layout_sections
from configurator.build.parts import OpKind, Part, Role
from configurator.build.placement import orientation
from configurator.model.design import ItemKind, ObstacleKind, OpeningKind, WallPlacement
from configurator.room.geometry import Wall, walls
from configurator.views.svg import Sheet, pick_scale

__all__ = ["render_elevation_svg"]

DRAWING_BOX = (240.0, 150.0)
FRONTS = {
    Role.DOOR,
    Role.DOOR_STILE,
    Role.DOOR_RAIL,
    Role.DOOR_INFILL,
    Role.DRAWER_FRONT,
    Role.FILLER,
    Role.PLINTH,
}
INSIDE = {Role.SHELF, Role.FIXED_SHELF, Role.DIVIDER, Role.TOP, Role.BOTTOM, Role.DRAWER_SIDE}
FRONT_STYLE = "fill:{color};fill-opacity:0.35;stroke:#000;stroke-width:0.3"
DASHED = "fill:none;stroke:#666;stroke-width:0.2;stroke-dasharray:1.2 0.8"


class _View:
    """Wall coordinates (x from the drawing's left as seen from the room, z up) to paper."""

    def __init__(self, length: float, height: float, n: int) -> None:
        self.n = n
        self.left = 22 + (DRAWING_BOX[0] - length / n) / 2
        self.floor = 14 + DRAWING_BOX[1] - (DRAWING_BOX[1] - height / n) / 2

    def p(self, x: float, z: float) -> tuple[float, float]:
        return (self.left + x / self.n, self.floor - z / self.n)

    def rect(self, sheet: Sheet, x0: float, z0: float, x1: float, z1: float, style: str) -> None:
        a, b = self.p(x0, z1), self.p(x1, z0)
        sheet.rect(a[0], a[1], b[0] - a[0], b[1] - a[1], style=style)


def _left(wall: Wall, placed: PlacedCabinet, clockwise: bool) -> float:
    """Where the cabinet's left side is, in view x (the wall seen from inside the room)."""
    spec = placed.cabinet.spec
    assert isinstance(spec.placement, WallPlacement)
    offset = spec.placement.offset_mm
    return offset if clockwise else wall.length - offset - spec.width_mm


def render_elevation_svg(build: DesignBuild, catalog: Catalog, *, wall: int) -> str:
    """The elevation of wall ``wall`` as an SVG document (A4 landscape)."""
    room = build.design.room
    the_wall = walls(room)[wall]
    clockwise = orientation(room.outline_mm) < 0
    n = pick_scale(the_wall.length + 1400, room.ceiling_mm + 900, DRAWING_BOX)
    view = _View(the_wall.length, room.ceiling_mm, n)
    sheet = Sheet(build.design.name or "Design", f"Elevation 立面图  wall {wall}  1:{n}  (mm)")
    _room(sheet, view, build, the_wall, clockwise=clockwise)
    on_wall = [
        p
        for p in build.cabinets
        if isinstance(p.cabinet.spec.placement, WallPlacement)
        and p.cabinet.spec.placement.wall == wall
    ]
    drawn = []
    for placed in on_wall:
        arm = None if placed.cabinet.outline is None else "A"
        left = _left(the_wall, placed, clockwise)
        drawn.append((left, _cabinet(sheet, view, catalog, placed, left, arm), placed))
    for placed in _arm_b_walls(build, wall, clockwise):
        # arm B's far end is second_arm_mm from the corner at this wall's start
        left = the_wall.length - placed.cabinet.second_arm_mm
        drawn.append((left, _cabinet(sheet, view, catalog, placed, left, "B"), placed))
    _dimensions(sheet, view, the_wall, drawn)
    return sheet.render()


def _room(sheet: Sheet, view: _View, build: DesignBuild, wall: Wall, *, clockwise: bool) -> None:
    length, ceiling = wall.length, build.design.room.ceiling_mm
    sheet.line(view.p(-300, 0), view.p(length + 300, 0), style="stroke:#000;stroke-width:0.6")
    sheet.line(
        view.p(0, ceiling),
        view.p(length, ceiling),
        style="stroke:#000;stroke-width:0.3;stroke-dasharray:3 1.5",
    )
    for x in (0.0, length):
        sheet.line(view.p(x, 0), view.p(x, ceiling), style="stroke:#000;stroke-width:0.45")
    for opening in build.design.room.openings:
        if opening.wall != wall.index:
            continue
        a0 = opening.offset_mm if clockwise else length - opening.offset_mm - opening.width_mm
        color = "#dbe9f7" if opening.kind is OpeningKind.WINDOW else "#efe6da"
        view.rect(
            sheet,
            a0,
            opening.sill_mm,
            a0 + opening.width_mm,
            opening.sill_mm + opening.height_mm,
            f"fill:{color};stroke:#2a6fb0;stroke-width:0.3",
        )
        x, y = view.p(a0 + opening.width_mm / 2, opening.sill_mm + opening.height_mm / 2)
        sheet.text(x, y, f"{opening.id} {opening.width_mm:g}×{opening.height_mm:g}", size=2.0)
    for obstacle in build.design.room.obstacles:
        along = [
            (
                (px - wall.start[0]) * wall.direction[0] + (py - wall.start[1]) * wall.direction[1],
                (px - wall.start[0]) * wall.normal[0] + (py - wall.start[1]) * wall.normal[1],
            )
            for px, py in obstacle.outline_mm
        ]
        if min(d for _, d in along) > 1000 or obstacle.kind is ObstacleKind.SKIRTING:
            continue  # not in front of this wall
        a0 = max(0.0, min(a for a, _ in along))
        a1 = min(length, max(a for a, _ in along))
        if a1 <= a0:
            continue
        x0, x1 = (a0, a1) if clockwise else (length - a1, length - a0)
        top = obstacle.top_mm or ceiling
        view.rect(
            sheet,
            x0,
            obstacle.bottom_mm,
            x1,
            top,
            "fill:#ddd;fill-opacity:0.6;stroke:#444;stroke-width:0.3;stroke-dasharray:2 1",
        )
        x, y = view.p((x0 + x1) / 2, (obstacle.bottom_mm + top) / 2)
        sheet.text(x, y, f"{obstacle.id} ▽{obstacle.bottom_mm:g}", size=2.0)


def _arm_b_walls(build: DesignBuild, wall: int, clockwise: bool) -> list[PlacedCabinet]:
    """L units whose second arm stands along ``wall`` (the next wall of a counter-clockwise
    room; a clockwise room's L units are drawn on their own wall only)."""
    count = len(build.design.room.outline_mm)
    return [
        p
        for p in build.cabinets
        if p.cabinet.outline is not None
        and isinstance(p.cabinet.spec.placement, WallPlacement)
        and (p.cabinet.spec.placement.wall + 1) % count == wall
        and not clockwise
    ]


def _arm(placed: PlacedCabinet, arm: str) -> tuple[list[Part], int, float]:
    """An L unit's arm: its parts, the frame axis along its wall and its length there."""
    built = placed.cabinet
    parts = [p for p in built.parts if p.part_id.startswith(f"{built.spec.id}-{arm}-")]
    if arm == "A":
        return parts, 0, built.envelope.hi[0]
    return parts, 1, built.second_arm_mm


def _cabinet(
    sheet: Sheet,
    view: _View,
    catalog: Catalog,
    placed: PlacedCabinet,
    left: float,
    arm: str | None = None,
) -> float:
    """The cabinet, or one arm of an L unit (``A`` on its wall, ``B`` on the next: there
    the frame's y runs along the wall, the outline to the corner); how long it is along the
    wall."""
    built, bottom = placed.cabinet, placed.transform[2][3]
    env = built.envelope
    parts, axis, length = (list(built.parts), 0, env.hi[0]) if arm is None else _arm(placed, arm)
    view.rect(
        sheet,
        left,
        bottom,
        left + length,
        bottom + env.hi[2],
        "fill:#fff;stroke:#000;stroke-width:0.45",
    )
    for part in parts:
        x0, x1 = left + part.box.lo[axis], left + part.box.hi[axis]
        z0, z1 = bottom + part.box.lo[2], bottom + part.box.hi[2]
        if part.role in INSIDE and built.template.fronts.value != "none":
            view.rect(sheet, x0, z0, x1, z1, DASHED)
        elif part.role in INSIDE:
            view.rect(sheet, x0, z0, x1, z1, "fill:#f3ead9;stroke:#000;stroke-width:0.25")
        elif part.role in FRONTS:
            color = catalog.material(part.material).color
            view.rect(sheet, x0, z0, x1, z1, FRONT_STYLE.format(color=color))
            if part.role is Role.DOOR and built.template.fronts.value == "hinged":
                _hinge_mark(sheet, view, part, (x0, z0, x1, z1))
    _rails(sheet, view, catalog, placed, left)
    x, y = view.p(left + length / 2, bottom + env.hi[2])
    sheet.text(x, y + 2.6, built.spec.id, size=2.6, weight="bold")
    return length


def _hinge_mark(
    sheet: Sheet, view: _View, door: Part, outline: tuple[float, float, float, float]
) -> None:
    """Lines from the far corners meeting on the hinged edge; ``outline`` is x0, z0, x1, z1."""
    x0, z0, x1, z1 = outline
    cups = [op for op in door.operations if op.kind is OpKind.CUP]
    if not cups:
        return
    hinge_left = cups[0].v < door.width_mm / 2
    near, far = (x0, x1) if hinge_left else (x1, x0)
    mid = view.p(near, (z0 + z1) / 2)
    style = "stroke:#555;stroke-width:0.18;stroke-dasharray:1.5 1"
    sheet.line(view.p(far, z1), mid, style=style)
    sheet.line(view.p(far, z0), mid, style=style)


def _rails(sheet: Sheet, view: _View, catalog: Catalog, placed: PlacedCabinet, left: float) -> None:
    built, bottom = placed.cabinet, placed.transform[2][3]
    if built.interior is None:
        return
    f = make_frame(built.spec, built.template, catalog)
    _, ranges, problems = layout_sections(f, built.interior, path="")
    if problems:
        return
    for (x0, x1), section in zip(ranges, built.interior.sections, strict=True):
        for item in section.items:
            if item.kind is ItemKind.RAIL and item.at_mm is not None:
                z = bottom + f.zb + item.at_mm - f.k.rail_diameter_mm / 2
                sheet.line(
                    view.p(left + x0, z), view.p(left + x1, z), style="stroke:#444;stroke-width:0.5"
                )


def _dimensions(
    sheet: Sheet,
    view: _View,
    wall: Wall,
    cabinets: list[tuple[float, float, PlacedCabinet]],
) -> None:
    """The chain along the wall and each height; ``cabinets``: (left, length, cabinet)."""
    marks = {0.0, wall.length}
    for left, length, _ in cabinets:
        marks |= {left, left + length}
    chain = sorted(m for m in marks if 0 <= m <= wall.length)
    for a, b in itertools.pairwise(chain):
        if b - a >= 1:
            sheet.dimension(view.p(b, 0), view.p(a, 0), f"{b - a:.0f}", offset=7)
    sheet.dimension(view.p(wall.length, 0), view.p(0, 0), f"{wall.length:.0f}", offset=15)
    heights = sorted(
        {
            (round(p.transform[2][3]), round(p.transform[2][3] + p.cabinet.envelope.hi[2]))
            for _, _, p in cabinets
        }
    )
    for i, (z0, z1) in enumerate(heights):
        x = wall.length
        sheet.dimension(view.p(x, z0), view.p(x, z1), f"{z1 - z0}", offset=-(6 + 7 * i))

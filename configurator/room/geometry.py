"""The room as geometry (shapely): its floor polygon, walls, openings, door swings, obstacles,
and the plan footprint of each placed cabinet.

A clockwise outline is accepted as it is (walls keep their indices; the room is always the
outline's inside); a self-intersecting or degenerate outline is a problem, not a crash.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from shapely import Polygon
from shapely.affinity import rotate, translate
from shapely.validation import explain_validity

from configurator.build.design_build import PlacedCabinet
from configurator.build.placement import Point, apply, footprint, orientation
from configurator.model.design import Opening, OpeningKind, Room
from kernel.problems import Problem, ProblemCode
from kernel.quantities import area_m2

__all__ = [
    "WALL_STRIP_MM",
    "RoomProblem",
    "Wall",
    "check_room",
    "door_swing",
    "floor_polygon",
    "footprint_polygon",
    "opening_strip",
    "plan_polygon",
    "walls",
]


class RoomProblem(ProblemCode):
    """A room that cannot be used."""

    INVALID_ROOM = "invalid_room"


WALL_STRIP_MM = 50.0  # a cabinet this close to a wall counts as standing against it
MIN_WALL_MM = 10.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Wall:
    """Wall ``index`` from ``start`` to ``end``; ``normal`` points into the room."""

    index: int
    start: Point
    end: Point
    length: float
    direction: Point
    normal: Point

    def at(self, along: float, inward: float = 0.0) -> Point:
        """The plan point ``along`` the wall from its start and ``inward`` into the room."""
        return (
            self.start[0] + self.direction[0] * along + self.normal[0] * inward,
            self.start[1] + self.direction[1] * along + self.normal[1] * inward,
        )


def walls(room: Room) -> list[Wall]:
    """The room's walls in outline order."""
    sign = orientation(room.outline_mm)
    out = []
    points = room.outline_mm
    for i, start in enumerate(points):
        end = points[(i + 1) % len(points)]
        length = math.dist(start, end)
        ux, uy = (
            ((end[0] - start[0]) / length, (end[1] - start[1]) / length) if length else (1.0, 0.0)
        )
        out.append(
            Wall(
                index=i,
                start=start,
                end=end,
                length=length,
                direction=(ux, uy),
                normal=(-uy * sign, ux * sign),
            )
        )
    return out


def floor_polygon(room: Room) -> Polygon:
    """The room's floor as a polygon (possibly invalid: see ``check_room``)."""
    return Polygon(room.outline_mm)


def check_room(
    room: Room, floor: Polygon | None = None, room_walls: Sequence[Wall] | None = None
) -> list[Problem]:
    """Problems that make the room unusable: too few corners, no area, crossing walls.
    ``floor`` and ``room_walls``: its ``floor_polygon`` and ``walls``, where the caller has
    them already."""

    def problem(reason: str, path: str = "room.outline_mm", **more: str | float) -> Problem:
        return Problem.of(RoomProblem.INVALID_ROOM, path, reason=reason, **more)

    polygon = floor_polygon(room) if floor is None else floor
    room_walls = walls(room) if room_walls is None else room_walls
    short = [w.index for w in room_walls if w.length < MIN_WALL_MM]
    if short:
        return [
            problem("short_wall", f"room.outline_mm[{short[0]}]", wall=short[0], min=MIN_WALL_MM)
        ]
    if not polygon.is_valid:
        return [problem("self_intersecting", detail=explain_validity(polygon))]
    if (pinch := _pinched_corner(room.outline_mm)) is not None:
        return [problem("pinched", f"room.outline_mm[{pinch}]", corner=pinch, min=MIN_WALL_MM)]
    if polygon.area < 1e6:  # under one square metre: degenerate or a typo in units
        return [problem("too_small", area_m2=float(area_m2(polygon.area)))]
    problems = []
    count = len(room.outline_mm)
    for i, opening in enumerate(room.openings):
        if opening.wall >= count:
            problems.append(
                problem(
                    "unknown_wall", f"room.openings[{i}].wall", value=opening.wall, max=count - 1
                )
            )
    return problems


def _pinched_corner(outline: tuple[tuple[float, float], ...]) -> int | None:
    """The first corner nearer than ``MIN_WALL_MM`` to a wall it is not on, else ``None``: a
    room pinched to a hairline (a corner 1e-57 mm off a wall) is valid to shapely but no real
    room, and its buffers divide by zero."""
    count = len(outline)
    for i, corner in enumerate(outline):
        for j in range(count):
            if i in (j, (j + 1) % count):
                continue  # the corner's own two walls
            if _distance_to_segment(corner, outline[j], outline[(j + 1) % count]) < MIN_WALL_MM:
                return i
    return None


def _distance_to_segment(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def footprint_polygon(placed: PlacedCabinet) -> Polygon:
    """The plan footprint of a placed cabinet: its envelope, or an L unit's outline."""
    outline = placed.cabinet.outline
    if outline is not None:
        return plan_polygon([apply(placed.transform, x, y)[:2] for x, y in outline])
    env = placed.cabinet.envelope
    return plan_polygon(footprint(placed.transform, width=env.hi[0], depth=env.hi[1]))


def plan_polygon(corners: Sequence[Point]) -> Polygon:
    """``Polygon(corners)``, made the way ``Polygon`` makes it but without checking the
    corners one by one in Python first, which costs as much again (the rules make a hundred
    of these per evaluation from corners worked out here, never from a user's input).

    >>> plan_polygon([(0, 0), (600, 0), (600, 580), (0, 580)]).equals_exact(
    ...     Polygon([(0, 0), (600, 0), (600, 580), (0, 580)]), 0
    ... )
    True
    """
    shape = shapely.polygons(corners)
    if not isinstance(shape, Polygon):
        raise TypeError(f"not a polygon: {corners!r}")
    return shape


def opening_strip(wall: Wall, opening: Opening, depth: float = WALL_STRIP_MM) -> Polygon:
    """The floor strip ``depth`` deep in front of an opening."""
    a = wall.at(opening.offset_mm)
    b = wall.at(opening.offset_mm + opening.width_mm)
    c = wall.at(opening.offset_mm + opening.width_mm, depth)
    d = wall.at(opening.offset_mm, depth)
    return Polygon([a, b, c, d])


def door_swing(wall: Wall, opening: Opening) -> Polygon | None:
    """The quarter circle an inward-opening door sweeps, or ``None``.

    ``in_left``: seen from inside the room, the door is hinged on its left (at the end of the
    opening further along the wall when the room is on the wall's left).
    """
    if opening.kind is not OpeningKind.DOOR or not opening.swing.startswith("in_"):
        return None
    r = opening.width_mm
    sweep = Polygon(
        [
            (0, 0),
            *[
                (r * math.cos(math.radians(a)), r * math.sin(math.radians(a)))
                for a in range(0, 91, 5)
            ],
        ]
    )
    # local frame: x along the wall, y into the room; hinge at the origin
    hinge_left = opening.swing == "in_left"
    if hinge_left:  # hinge at the far end, leaf sweeping back towards the near end
        sweep = rotate(sweep, 90, origin=(0, 0))
        hinge_along = opening.offset_mm + opening.width_mm
    else:
        hinge_along = opening.offset_mm
    angle = math.degrees(math.atan2(wall.direction[1], wall.direction[0]))
    mirrored = wall.normal != (-wall.direction[1], wall.direction[0])
    if mirrored:  # clockwise outline: the room is on the wall's right
        sweep = Polygon([(x, -y) for x, y in sweep.exterior.coords])
    placed = rotate(sweep, angle, origin=(0, 0))
    hx, hy = wall.at(hinge_along)
    return translate(placed, hx, hy)

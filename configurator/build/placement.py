"""Where a cabinet stands in its room: the transform from its frame to the room's.

Room frame: plan x right, y up, z up from the floor, mm. A cabinet's frame (see
``configurator.build.parts``) has x from its left to its right as seen from the front, y from its
front to its back, z up; its back stands on the wall face.
"""

from __future__ import annotations

import math

from configurator.model.design import Cabinet, Position, Room

__all__ = [
    "Point",
    "Transform",
    "apply",
    "footprint",
    "orientation",
    "place",
    "plan_rectangle",
    "wall_count",
]

Point = tuple[float, float]

Transform = tuple[tuple[float, float, float, float], ...]
"""A 4 x 4 row-major affine matrix, mm."""


def orientation(outline: tuple[tuple[float, float], ...]) -> int:
    """+1 for a counter-clockwise outline, -1 for a clockwise one (shoelace sign).

    Examples
    --------
    >>> orientation(((0, 0), (10, 0), (10, 10)))
    1
    """
    area2 = sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True)
    )
    return 1 if area2 >= 0 else -1


def wall_count(room: Room) -> int:
    """How many walls the room has."""
    return len(room.outline_mm)


def place(cabinet: Cabinet, room: Room, *, overall_depth: float, elevation: float) -> Transform:
    """The transform of ``cabinet`` into the room, its underside ``elevation`` mm above the
    floor; its wall must exist."""
    if isinstance(cabinet.placement, Position):
        p = cabinet.placement
        angle = math.radians(p.angle_deg)
        ax, ay = math.cos(angle), math.sin(angle)
        bx, by = -ay, ax
        back_left = (p.x_mm, p.y_mm)
    else:
        wall, sign = cabinet.placement.wall, orientation(room.outline_mm)
        (sx, sy) = room.outline_mm[wall]
        (ex, ey) = room.outline_mm[(wall + 1) % len(room.outline_mm)]
        length = math.hypot(ex - sx, ey - sy) or 1.0
        ux, uy = (ex - sx) / length, (ey - sy) / length
        nx, ny = -uy * sign, ux * sign  # inward normal: the room is on the outline's inside
        ax, ay = -sign * ux, -sign * uy
        bx, by = -nx, -ny
        along = cabinet.placement.offset_mm + (cabinet.width_mm if sign > 0 else 0.0)
        back_left = (sx + ux * along, sy + uy * along)
    ox, oy = back_left[0] - bx * overall_depth, back_left[1] - by * overall_depth
    return (
        (ax, bx, 0.0, ox),
        (ay, by, 0.0, oy),
        (0.0, 0.0, 1.0, elevation),
        (0.0, 0.0, 0.0, 1.0),
    )


def apply(transform: Transform, x: float, y: float, z: float = 0.0) -> tuple[float, float, float]:
    """Map a point of a cabinet's frame into the room.

    Examples
    --------
    >>> apply(((1, 0, 0, 5), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1)), 1, 2, 3)
    (6, 2, 3)
    """
    row = [t[0] * x + t[1] * y + t[2] * z + t[3] for t in transform[:3]]
    return row[0], row[1], row[2]


def footprint(transform: Transform, *, width: float, depth: float) -> tuple[Point, ...]:
    """The plan corners of a cabinet's envelope: front-left, front-right, back-right,
    back-left (counter-clockwise in the room when the frame is right-handed)."""
    return plan_rectangle(transform, (0.0, 0.0, width, depth))


def plan_rectangle(
    transform: Transform, bounds: tuple[float, float, float, float]
) -> tuple[Point, ...]:
    """The plan corners of the rectangle ``(x0, y0, x1, y1)`` of a cabinet's frame: ``apply``'s
    sums, term for term (z = 0), written out (the rules ask for a hundred per evaluation)."""
    x0, y0, x1, y1 = bounds
    (a, b, c, d), (e, f, g, h) = transform[0], transform[1]
    c, g = c * 0.0, g * 0.0  # z's terms: no change but a zero's sign, kept as ``apply`` has it
    return (
        (a * x0 + b * y0 + c + d, e * x0 + f * y0 + g + h),
        (a * x1 + b * y0 + c + d, e * x1 + f * y0 + g + h),
        (a * x1 + b * y1 + c + d, e * x1 + f * y1 + g + h),
        (a * x0 + b * y1 + c + d, e * x0 + f * y1 + g + h),
    )

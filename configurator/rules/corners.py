"""Corner units as fixes: two cabinets on adjacent walls, one standing in front of the
other's fronts (``corner_blocked``), become one corner unit of the catalog.

Two floor-standing wardrobes become an L corner wardrobe on the wall whose end is the corner
(its second arm runs along the next wall of the counter-clockwise room), each arm reaching as
far from the corner as the cabinet it replaces did (within the template's ranges). A low or
hung cabinet whose fronts the neighbour blocks becomes a blind-corner unit: its blind part
runs behind the neighbour (the neighbour's overall depth), a filler strip beside it, the door
past the neighbour's front. Like every fix these are candidates (``configurator.rules.fixes``
checks them).
"""

from __future__ import annotations

import math
from dataclasses import replace

from shapely import Polygon

from catalog.templates import CornerKind, IntRange, ModuleTemplate, PlinthKind
from configurator.build.placement import orientation
from configurator.model.design import Cabinet, WallPlacement
from configurator.model.document import cabinet_document
from configurator.room.geometry import Wall
from configurator.rules.context import Context, Placed
from kernel.ids import TemplateCode
from kernel.json_patch import pointer
from kernel.problems import Fix, FixCode

__all__ = ["CornerFix", "corner_units"]

_CARRIED = ("handle", "door_style", "hinge_side", "plinth_mm")  # options a corner unit keeps


class CornerFix(FixCode):
    """Fixes that put a corner unit in the corner (their wording: ``web.messages``)."""

    USE_CORNER_UNIT = "use_corner_unit"
    USE_BLIND_CORNER = "use_blind_corner"


def _along(wall: Wall, shape: Polygon) -> tuple[float, float]:
    """``shape``'s extent along ``wall`` from its start."""
    xs, ys = shape.exterior.xy
    (sx, sy), (dx, dy) = wall.start, wall.direction
    along = [(x - sx) * dx + (y - sy) * dy for x, y in zip(xs, ys, strict=True)]
    return min(along), max(along)


def _clamp(value: float, span: IntRange) -> int:
    return min(max(math.ceil(value), span.min), span.max)


def _kind(ctx: Context, corner: CornerKind, *, hung: bool) -> ModuleTemplate | None:
    """The catalog's corner unit of that kind (a blind one hung or standing as asked)."""
    for template in ctx.catalog.templates.values():
        if template.corner is corner and (
            corner is CornerKind.L or (template.plinth is PlinthKind.NONE) == hung
        ):
            return template
    return None


def _as(
    template: ModuleTemplate,
    spec: Cabinet,
    placement: WallPlacement,
    size: tuple[int, int, int],
    options: dict[str, str | int],
) -> dict[str, object]:
    """``spec`` as a cabinet of ``template`` standing at ``placement``: its id, its
    materials where the template offers them, the options both know, ``size`` (width,
    height, depth) and the corner unit's ``options``."""
    kept = {
        k: v
        for k, v in spec.options.items()
        if k in _CARRIED and k in template.options and template.options[k].accepts(v)
    }
    width, height, depth = size
    cabinet = replace(
        spec,
        template=TemplateCode(template.code),
        placement=placement,
        width_mm=width,
        height_mm=height,
        depth_mm=depth,
        carcass_material=(
            spec.carcass_material
            if spec.carcass_material in template.carcass_materials
            else template.carcass_materials[0]
        ),
        front_material=(
            spec.front_material
            if spec.front_material in template.front_materials
            else template.front_materials[0]
        ),
        options={**kept, **options},
        interior=None,
    )
    return cabinet_document(cabinet)


def corner_units(p: Placed, q: Placed, ctx: Context) -> list[Fix]:
    """The corner unit that replaces ``p`` (whose fronts ``q`` blocks) and, for an L unit,
    ``q`` too; nothing where the catalog has none that fits."""
    pp, pq = p.cabinet.cabinet.spec.placement, q.cabinet.cabinet.spec.placement
    n = len(ctx.walls)
    if (
        not isinstance(pp, WallPlacement)
        or not isinstance(pq, WallPlacement)
        or orientation(ctx.design.room.outline_mm) < 0
        or any(c.cabinet.cabinet.template.corner is not CornerKind.NONE for c in (p, q))
    ):
        return []  # a corner unit already there: moving one of them is the fix
    if pq.wall == (pp.wall + 1) % n:
        first, second, p_first = p, q, True
    elif pp.wall == (pq.wall + 1) % n:
        first, second, p_first = q, p, False
    else:
        return []
    tall = min(first.top - first.bottom, second.top - second.bottom)
    l_unit = _kind(ctx, CornerKind.L, hung=False)
    if (
        l_unit is not None
        and first.bottom == 0
        and second.bottom == 0
        and tall >= l_unit.height.min
    ):
        return _l_unit(l_unit, first, second, ctx)
    blind = _kind(ctx, CornerKind.BLIND, hung=p.bottom > 0)
    if blind is None or not blind.height.contains(p.top - p.bottom):
        return []
    return _blind(blind, p, q, ctx, corner_at_end=p_first)


def _l_unit(template: ModuleTemplate, first: Placed, second: Placed, ctx: Context) -> list[Fix]:
    """An L unit on ``first``'s wall, its second arm where ``second`` stands."""
    a, b = first.cabinet.cabinet.spec, second.cabinet.cabinet.spec
    assert isinstance(a.placement, WallPlacement) and isinstance(b.placement, WallPlacement)
    wall_a, wall_b = ctx.walls[a.placement.wall], ctx.walls[b.placement.wall]
    start, _ = _along(wall_a, first.footprint)
    _, end = _along(wall_b, second.footprint)
    width = _clamp(wall_a.length - start, template.width)
    arm_option = template.options["arm_mm"].range
    if arm_option is None:
        return []
    arm = _clamp(end, arm_option)
    unit = _as(
        template,
        a,
        WallPlacement(wall=a.placement.wall, offset_mm=math.floor(wall_a.length - width)),
        (
            width,
            _clamp(min(a.height_mm, b.height_mm), template.height),
            _clamp(max(a.depth_mm, b.depth_mm), template.depth),
        ),
        {"arm_mm": arm},
    )
    patch: list[dict[str, object]] = [
        {"op": "replace", "path": pointer("cabinets", first.index), "value": unit},
        {"op": "remove", "path": pointer("cabinets", second.index)},
    ]
    return [
        Fix.of(
            CornerFix.USE_CORNER_UNIT,
            patch,
            cabinet=a.id,
            other=b.id,
            template=template.code,
            width_mm=width,
            arm_mm=arm,
        )
    ]


def _blind(
    template: ModuleTemplate, p: Placed, q: Placed, ctx: Context, *, corner_at_end: bool
) -> list[Fix]:
    """``p`` as a blind-corner unit running behind ``q`` into the corner."""
    spec = p.cabinet.cabinet.spec
    assert isinstance(spec.placement, WallPlacement)
    wall = ctx.walls[spec.placement.wall]
    p0, p1 = _along(wall, p.footprint)
    q0, q1 = _along(wall, q.footprint)
    reach = wall.length - p0 if corner_at_end else p1  # p's far end from the corner
    behind = wall.length - q0 if corner_at_end else q1  # the neighbour's overall depth
    blind_option = template.options["blind_mm"].range
    if blind_option is None or math.ceil(behind) > blind_option.max:
        return []
    blind = _clamp(behind, blind_option)
    width = _clamp(reach, template.width)
    offset = math.floor(wall.length - width) if corner_at_end else 0
    unit = _as(
        template,
        spec,
        WallPlacement(wall=spec.placement.wall, offset_mm=offset),
        (
            width,
            _clamp(spec.height_mm, template.height),
            _clamp(spec.depth_mm, template.depth),
        ),
        # a counter-clockwise wall's end is on a cabinet's left as it faces the room
        {"blind_side": "left" if corner_at_end else "right", "blind_mm": blind},
    )
    patch = [{"op": "replace", "path": pointer("cabinets", p.index), "value": unit}]
    return [
        Fix.of(
            CornerFix.USE_BLIND_CORNER,
            patch,
            cabinet=spec.id,
            other=q.cabinet.cabinet.spec.id,
            template=template.code,
            width_mm=width,
            blind_mm=blind,
        )
    ]

"""Candidate fixes: for a problem a rule found, the concrete changes to the design document
that might remove it, each as an RFC 6902 JSON Patch.

These are proposals, not promises: ``configurator.rules.fixes`` applies each one, evaluates
the result and offers only those that remove their problem and add no error. A proposer
still aims well (a lowered height clears the ceiling, the tilt-up rule and the template's
range at once; a move goes to the nearest place along the wall that nothing else takes), so
that few candidates are tried and most of them pass. A problem no change makes sense for
(a filler strip cannot be split) gets no proposer, or a proposer that returns nothing.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from shapely import Polygon

from catalog.templates import FrontKind
from configurator.build.frame import make_frame
from configurator.build.fronts import sliding_leaf_width
from configurator.build.parts import Part, Role
from configurator.build.placement import apply, orientation
from configurator.model.design import (
    Interior,
    ObstacleKind,
    OpeningKind,
    Section,
    WallPlacement,
)
from configurator.model.document import interior_document
from configurator.room.geometry import door_swing, opening_strip
from configurator.rules.context import TOUCH_TOL_MM, Context, Placed
from configurator.rules.corners import corner_units
from configurator.rules.hinges import HINGE_WALL_GAP_MM, wall_beside
from configurator.rules.problems import RuleProblem
from configurator.rules.room import DOOR_PASSAGE_MM, TILT_MARGIN_MM, corner_gap, front_reach
from configurator.rules.sag import LOAD_KG_PER_M, max_span_mm
from configurator.rules.structure import MAX_DOOR_HEIGHT_MM
from configurator.rules.support import can_carry, carriers
from kernel.json_patch import pointer
from kernel.problems import Fix, FixCode, Problem, ProblemCode

__all__ = ["PROPOSERS", "Proposer", "RuleFix", "propose"]


class RuleFix(FixCode):
    """What a checked fix of a rule's problem does (its wording: ``web.messages``)."""

    SET_HEIGHT = "set_height"
    SET_WIDTH = "set_width"
    SET_DEPTH = "set_depth"
    SET_ELEVATION = "set_elevation"
    MOVE_ALONG_WALL = "move_along_wall"
    FIT_ALONG_WALL = "fit_along_wall"
    SPLIT_SECTION = "split_section"
    SET_SECTION_WIDTH = "set_section_width"
    SET_CARCASS_MATERIAL = "set_carcass_material"
    RAISE_RAIL = "raise_rail"
    SET_DOOR_COUNT = "set_door_count"
    STAND_ON_FLOOR = "stand_on_floor"
    PUT_ON_CABINET = "put_on_cabinet"
    MOVE_ONTO_CABINET = "move_onto_cabinet"
    MOVE_ITEM = "move_item"
    FLIP_HINGES = "flip_hinges"
    ADD_FILLER = "add_filler"


Proposer = Callable[[Problem, Context], list[Fix]]

_CABINET_PATH = re.compile(r"cabinets\[(\d+)\]")
_ITEM_PATH = re.compile(r"cabinets\[(\d+)\]\.interior\.sections\[(\d+)\]\.items\[(\d+)\]")


def propose(problem: Problem, ctx: Context) -> list[Fix]:
    """The candidate fixes of ``problem``, most likely first (none for a code no proposer
    knows)."""
    proposer = PROPOSERS.get(problem.code)
    return proposer(problem, ctx) if proposer is not None else []


def _placed(problem: Problem, ctx: Context) -> Placed | None:
    """The built cabinet the problem is about (``None`` if it was not built)."""
    m = _CABINET_PATH.match(problem.path)
    if m is None:
        return None
    index = int(m.group(1))
    return next((p for p in ctx.placed if p.index == index), None)


def _set(p: Placed, key: str, value: float | str) -> list[dict[str, object]]:
    # "add" sets an object member whether the client's document wrote it out or left it to
    # its default (RFC 6902 §4.1); "replace" would fail on a key left out
    return [{"op": "add", "path": pointer("cabinets", p.index, key), "value": value}]


# --- heights -------------------------------------------------------------------------------


def _tilt_cap(p: Placed, ceiling: float) -> int | None:
    """The tallest whole-mm height at which the carcass can still be stood up (A15), or
    ``None`` where the tilt-up rule does not apply (no carcass, or not standing on the
    floor)."""
    built = p.cabinet.cabinet
    if not built.template.has_carcass or p.bottom > 0:
        return None
    side = next(part for part in built.parts if part.role is Role.SIDE)
    below = built.spec.height_mm - side.length_mm  # what the side does not run through
    room = ceiling - TILT_MARGIN_MM
    if room <= side.width_mm:
        return 0
    h = math.floor(math.sqrt(room**2 - side.width_mm**2) + below)
    while h > 0 and math.hypot(h - below, side.width_mm) >= room:
        h -= 1
    return h


def _height_cap(p: Placed, ctx: Context) -> int:
    """The tallest height the cabinet may have where it stands: under the ceiling, able to
    be stood up, inside its template's range."""
    ceiling = ctx.design.room.ceiling_mm
    caps = [p.cabinet.cabinet.template.height.max, math.floor(ceiling - p.bottom)]
    tilt = _tilt_cap(p, ceiling)
    if tilt is not None:
        caps.append(tilt)
    return min(caps)


def _lower(p: Placed, ctx: Context, target: float) -> list[Fix]:
    """Lower the cabinet to ``target`` mm (or less, as its cap needs), if its template
    allows that height."""
    spec = p.cabinet.cabinet.spec
    height = min(math.floor(target), _height_cap(p, ctx))
    if height >= spec.height_mm or height < p.cabinet.cabinet.template.height.min:
        return []
    return [
        Fix.of(
            RuleFix.SET_HEIGHT,
            _set(p, "height_mm", height),
            cabinet=spec.id,
            from_mm=round(spec.height_mm),
            to_mm=height,
        )
    ]


def _resize(p: Placed, key: str, code: RuleFix, value: float) -> list[Fix]:
    """Set ``key`` (``width_mm``, ``depth_mm``) to ``value`` if it changes and the template's
    range has it."""
    spec = p.cabinet.cabinet.spec
    template = p.cabinet.cabinet.template
    span = {"width_mm": template.width, "depth_mm": template.depth, "height_mm": template.height}
    current = getattr(spec, key)
    new = math.floor(value) if value < current else math.ceil(value)
    if new == current or not span[key].contains(new):
        return []
    return [Fix.of(code, _set(p, key, new), cabinet=spec.id, from_mm=round(current), to_mm=new)]


def _ceiling(problem: Problem, ctx: Context) -> list[Fix]:
    p = _placed(problem, ctx)
    if p is None:
        return []
    fixes = _lower(p, ctx, ctx.design.room.ceiling_mm - p.bottom)
    if p.bottom > 0:  # a raised cabinet may come down instead
        spec = p.cabinet.cabinet.spec
        elevation = math.floor(ctx.design.room.ceiling_mm - spec.height_mm)
        if 0 <= elevation < p.bottom:
            patch = [
                {
                    "op": "add",
                    "path": pointer("cabinets", p.index, "elevation_mm"),
                    "value": elevation,
                }
            ]
            fixes.append(
                Fix.of(
                    RuleFix.SET_ELEVATION,
                    patch,
                    cabinet=spec.id,
                    from_mm=round(p.bottom),
                    to_mm=elevation,
                )
            )
    return fixes


def _tilt(problem: Problem, ctx: Context) -> list[Fix]:
    p = _placed(problem, ctx)
    if p is None:
        return []
    fixes = _lower(p, ctx, p.cabinet.cabinet.spec.height_mm)
    built = p.cabinet.cabinet
    side = next(part for part in built.parts if part.role is Role.SIDE)
    room = ctx.design.room.ceiling_mm - TILT_MARGIN_MM
    if side.length_mm < room:  # a shallower carcass tilts up in less height
        shallow = built.spec.depth_mm - side.width_mm  # what the side's width does not cover
        depth = math.floor(math.sqrt(room**2 - side.length_mm**2) + shallow)
        while depth > 0 and math.hypot(side.length_mm, depth - shallow) >= room:
            depth -= 1
        fixes += _resize(p, "depth_mm", RuleFix.SET_DEPTH, depth)
    return fixes


# --- moving along the wall -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    """Where a cabinet on a wall may not stand: ``lo``..``hi`` along the wall."""

    lo: float
    hi: float


def _frame(ctx: Context, wall_index: int, shape: Polygon) -> tuple[float, float, float, float]:
    """``shape``'s extent along the wall (from its start) and into the room."""
    wall = ctx.walls[wall_index]
    (sx, sy), (dx, dy), (nx, ny) = wall.start, wall.direction, wall.normal
    xs, ys = shape.exterior.xy
    along = [(x - sx) * dx + (y - sy) * dy for x, y in zip(xs, ys, strict=True)]
    inward = [(x - sx) * nx + (y - sy) * ny for x, y in zip(xs, ys, strict=True)]
    return min(along), max(along), min(inward), max(inward)


def _blockers(p: Placed, ctx: Context) -> Iterable[tuple[Polygon, float, float]]:
    """Everything a cabinet must keep clear of, with the heights it takes: other cabinets,
    obstacles, door passages and swings, windows (above their sill)."""
    for other in ctx.placed:
        if other is not p:
            yield other.footprint, other.bottom, other.top
    room = ctx.design.room
    for obstacle in room.obstacles:
        if obstacle.kind is not ObstacleKind.SKIRTING and Polygon(obstacle.outline_mm).is_valid:
            top = obstacle.top_mm or room.ceiling_mm
            yield Polygon(obstacle.outline_mm), obstacle.bottom_mm, top
    for opening in room.openings:
        wall = ctx.walls[opening.wall]
        if opening.kind is OpeningKind.WINDOW:
            strip = opening_strip(wall, opening, depth=50.0)
            yield strip, opening.sill_mm, opening.sill_mm + opening.height_mm
        else:
            yield opening_strip(wall, opening, depth=DOOR_PASSAGE_MM), 0.0, math.inf
        swing = door_swing(wall, opening)
        if swing is not None:
            yield swing, 0.0, opening.height_mm


def _taken(p: Placed, ctx: Context, wall_index: int) -> list[_Span]:
    """The stretches of the wall where something in the cabinet's way stands: within its
    depth and the reach of its open fronts, at the heights it takes."""
    _, _, near, far = _frame(ctx, wall_index, p.footprint)
    far += front_reach(p)
    spans = []
    for shape, low, high in _blockers(p, ctx):
        if min(p.top, high) - max(p.bottom, low) <= TOUCH_TOL_MM:
            continue
        a0, a1, c0, c1 = _frame(ctx, wall_index, shape)
        if c1 - near > TOUCH_TOL_MM and far - c0 > TOUCH_TOL_MM:
            spans.append(_Span(a0, a1))
    return spans


def _on_wall(p: Placed) -> WallPlacement | None:
    placement = p.cabinet.cabinet.spec.placement
    return placement if isinstance(placement, WallPlacement) else None


def _moves(problem: Problem, ctx: Context) -> list[Fix]:
    """Move the cabinet along its wall to the nearest free place on either side, nearest
    first."""
    p = _placed(problem, ctx)
    placement = None if p is None else _on_wall(p)
    if p is None or placement is None or not ctx.room_ok:
        return []
    wall = ctx.walls[placement.wall]
    a0, a1, _, _ = _frame(ctx, placement.wall, p.footprint)
    lead, size = a0 - placement.offset_mm, a1 - a0  # footprint start from the offset, length
    top = math.floor(wall.length - size - lead)
    if top < 0:
        return []
    taken = _taken(p, ctx, placement.wall)
    # an offset o is free when [o + lead, o + lead + size] meets no taken span
    ends = {0, top}
    for s in taken:
        ends |= {math.ceil(s.hi - lead), math.floor(s.lo - size - lead)}

    def free(o: float) -> bool:
        lo, hi = o + lead, o + lead + size
        return 0 <= o <= top and all(
            min(hi, s.hi) - max(lo, s.lo) <= TOUCH_TOL_MM / 2 for s in taken
        )

    current = placement.offset_mm
    left = [o for o in ends if o < current and free(o)]
    right = [o for o in ends if o > current and free(o)]
    chosen = sorted(
        [*([max(left)] if left else []), *([min(right)] if right else [])],
        key=lambda o: abs(o - current),
    )
    return [_move_to(p, placement, o) for o in chosen]


def _move_to(p: Placed, placement: WallPlacement, offset: int) -> Fix:
    """Move the cabinet along its wall to ``offset``."""
    return Fix.of(
        RuleFix.MOVE_ALONG_WALL,
        _set(p, "offset_mm", offset),
        cabinet=p.cabinet.cabinet.spec.id,
        wall=placement.wall,
        offset_mm=offset,
        by_mm=round(offset - placement.offset_mm),
    )


def _fit(problem: Problem, ctx: Context) -> list[Fix]:
    """Narrow the cabinet (and shift it) to the free stretch of wall it mostly stands in."""
    p = _placed(problem, ctx)
    placement = None if p is None else _on_wall(p)
    if p is None or placement is None or not ctx.room_ok:
        return []
    spec = p.cabinet.cabinet.spec
    wall = ctx.walls[placement.wall]
    a0, a1, _, _ = _frame(ctx, placement.wall, p.footprint)
    lead, extra = a0 - placement.offset_mm, (a1 - a0) - spec.width_mm  # fronts past the sides
    lo, hi = max(0.0, a0), min(wall.length, a1)
    for s in _taken(p, ctx, placement.wall):
        if s.hi <= lo or s.lo >= hi:
            continue
        if s.lo - lo >= hi - s.hi:  # keep the larger free part
            hi = min(hi, s.lo)
        else:
            lo = max(lo, s.hi)
    offset = math.ceil(lo - lead)
    width = math.floor(hi - extra - (offset + lead))
    template = p.cabinet.cabinet.template
    if width >= spec.width_mm or not template.width.contains(width):
        return []
    patch = [
        *_set(p, "offset_mm", offset),
        *_set(p, "width_mm", width),
    ]
    return [
        Fix.of(
            RuleFix.FIT_ALONG_WALL,
            patch,
            cabinet=spec.id,
            offset_mm=offset,
            width_mm=width,
            from_mm=round(spec.width_mm),
        )
    ]


def _corner(problem: Problem, ctx: Context) -> list[Fix]:
    """A cabinet whose fronts the neighbour on the adjacent wall blocks: the corner unit
    in their place, or the cabinet moved clear along its wall."""
    p = _placed(problem, ctx)
    other = problem.params.get("other")
    q = next((c for c in ctx.placed if c.cabinet.cabinet.spec.id == other), None)
    if p is None or q is None or not ctx.room_ok:
        return []
    return [*corner_units(p, q, ctx), *_moves(problem, ctx)]


def _into_corner(problem: Problem, ctx: Context) -> list[Fix]:
    """An L unit short of (or past) its corner: moved along its wall into it."""
    p = _placed(problem, ctx)
    placement = None if p is None else _on_wall(p)
    if p is None or placement is None or problem.params.get("reason") != "gap":
        return []
    gap, _ = corner_gap(ctx, p)
    ccw = orientation(ctx.design.room.outline_mm) > 0  # the corner is the wall's end
    offset = math.floor(placement.offset_mm + gap) if ccw else 0
    if offset < 0 or offset == placement.offset_mm:
        return []
    return [_move_to(p, placement, offset)]


def _moves_then_fit(problem: Problem, ctx: Context) -> list[Fix]:
    return [*_moves(problem, ctx), *_fit(problem, ctx)]


def _opening(problem: Problem, ctx: Context) -> list[Fix]:
    p = _placed(problem, ctx)
    if p is None:
        return []
    fixes = []
    if problem.params.get("reason") == "window":
        sill = next(
            o.sill_mm for o in ctx.design.room.openings if o.id == problem.params["opening"]
        )
        fixes += _lower(p, ctx, sill - p.bottom)
    return [*fixes, *_moves_then_fit(problem, ctx)]


def _obstacle(problem: Problem, ctx: Context) -> list[Fix]:
    p = _placed(problem, ctx)
    if p is None:
        return []
    fixes = []
    if problem.params.get("lowered"):
        obstacle = next(o for o in ctx.design.room.obstacles if o.id == problem.params["obstacle"])
        fixes += _lower(p, ctx, obstacle.bottom_mm - p.bottom)
    return [*fixes, *_moves(problem, ctx)]


# --- sizes of parts ------------------------------------------------------------------------


def _part(p: Placed, part_id: object) -> Part | None:
    """The part ``part_id``; for a framed door leaf (``W1-DOOR2``), its first piece."""
    parts = p.cabinet.cabinet.parts
    return next((part for part in parts if part.part_id == part_id), None) or next(
        (part for part in parts if part.part_id.startswith(f"{part_id}-")), None
    )


def _sheet(problem: Problem, ctx: Context) -> list[Fix]:
    """A part larger than the sheet: make the cabinet that much lower or narrower, or split
    a back that is too wide with a divider."""
    p = _placed(problem, ctx)
    part = None if p is None else _part(p, problem.params.get("part_id"))
    if p is None or part is None:
        return []
    material = ctx.catalog.material(part.material)
    trim = 2 * ctx.catalog.construction.sheet_trim_mm
    usable_l, usable_w = material.sheet_length_mm - trim, material.sheet_width_mm - trim
    excess = max(part.cut_length_mm - usable_l, part.cut_width_mm - usable_w, 0.0)
    if not part.grained:  # it may lie across the sheet too
        across = max(part.cut_width_mm - usable_l, part.cut_length_mm - usable_w, 0.0)
        excess = min(excess, across)
    spec = p.cabinet.cabinet.spec
    fixes = []
    if part.role is Role.BACK:
        fixes += _split(p, ctx, _section_of(p, part))
    fixes += _lower(p, ctx, spec.height_mm - math.ceil(excess))
    return [*fixes, *_resize(p, "width_mm", RuleFix.SET_WIDTH, spec.width_mm - math.ceil(excess))]


def _fits_height(p: Placed, ctx: Context, fix: Fix) -> bool:
    to = fix.params["to_mm"]
    return isinstance(to, int) and to <= _height_cap(p, ctx)


def _too_small(problem: Problem, ctx: Context) -> list[Fix]:
    """A part too small to machine: grow the cabinet by what the part lacks."""
    p = _placed(problem, ctx)
    if p is None:
        return []
    lacking = [
        float(need) - float(have)
        for need, have in (
            (problem.params["min_length_mm"], problem.params["length_mm"]),
            (problem.params["min_width_mm"], problem.params["width_mm"]),
        )
        if isinstance(need, int | float) and isinstance(have, int | float)
    ]
    grow = math.ceil(max([0.0, *lacking]))
    spec = p.cabinet.cabinet.spec
    fixes = []
    for key, code in (
        ("width_mm", RuleFix.SET_WIDTH),
        ("height_mm", RuleFix.SET_HEIGHT),
        ("depth_mm", RuleFix.SET_DEPTH),
    ):
        fixes += _resize(p, key, code, getattr(spec, key) + grow)
    return [f for f in fixes if f.code is not RuleFix.SET_HEIGHT or _fits_height(p, ctx, f)]


# --- interiors -----------------------------------------------------------------------------

_SECTION_OF_PART = re.compile(r"-S(\d+)-")


def _section_of(p: Placed, part: Part) -> int:
    """The 0-based section a part stands in: by its name, else by where it is across the
    cabinet (between which dividers)."""
    m = _SECTION_OF_PART.search(part.part_id)
    if m is not None:
        return int(m.group(1)) - 1
    centre = (part.box.lo[0] + part.box.hi[0]) / 2
    dividers = [
        (d.box.lo[0] + d.box.hi[0]) / 2 for d in p.cabinet.cabinet.parts if d.role is Role.DIVIDER
    ]
    return sum(1 for x in dividers if x < centre)


def _interior_patch(p: Placed, interior: Interior) -> list[dict[str, object]]:
    return [
        {
            "op": "add",  # as in _set: the document may have left the interior to its default
            "path": pointer("cabinets", p.index, "interior"),
            "value": interior_document(interior),
        }
    ]


def _split(p: Placed, ctx: Context, index: int, count: int = 2) -> list[Fix]:
    """Split section ``index`` (0-based) with dividers into ``count`` sections of equal
    width, each with its items. Not for cabinets without a carcass."""
    built = p.cabinet.cabinet
    interior = built.interior
    if (
        not built.template.has_carcass
        or interior is None
        or not 0 <= index < len(interior.sections)
        or count < 2
    ):
        return []
    section = interior.sections[index]
    widths: list[float | None] = [None] * count
    if section.width_mm is not None:
        t = ctx.catalog.material(built.spec.carcass_material).thickness_mm
        each = math.floor((section.width_mm - (count - 1) * t) / count)
        last = section.width_mm - (count - 1) * (t + each)
        widths = [*[float(each)] * (count - 1), last]
    split = tuple(Section(width_mm=w, items=section.items) for w in widths)
    sections = (*interior.sections[:index], *split, *interior.sections[index + 1 :])
    return [
        Fix.of(
            RuleFix.SPLIT_SECTION,
            _interior_patch(p, Interior(sections=sections)),
            cabinet=built.spec.id,
            section=index + 1,
            sections=len(sections),
        )
    ]


def _sag(problem: Problem, ctx: Context) -> list[Fix]:
    """A sagging shelf: split its section with a divider, narrow its section where another
    shares the rest, or use the stiffest carcass board the template offers that holds."""
    p = _placed(problem, ctx)
    part = None if p is None else _part(p, problem.params.get("part_id"))
    if p is None or part is None:
        return []
    built = p.cabinet.cabinet
    index = _section_of(p, part)
    span = problem.params.get("max_span_mm")
    t = ctx.catalog.material(built.spec.carcass_material).thickness_mm
    count = 2 if not isinstance(span, int) else math.ceil((part.length_mm + t) / (span + t))
    fixes = _split(p, ctx, index, max(2, count))
    interior = built.interior
    if interior is not None and isinstance(span, int) and 0 <= index < len(interior.sections):
        sections = interior.sections
        if any(s.width_mm is None for j, s in enumerate(sections) if j != index):
            narrowed = Section(width_mm=float(span), items=sections[index].items)
            new = Interior(sections=(*sections[:index], narrowed, *sections[index + 1 :]))
            fixes.append(
                Fix.of(
                    RuleFix.SET_SECTION_WIDTH,
                    _interior_patch(p, new),
                    cabinet=built.spec.id,
                    section=index + 1,
                    width_mm=span,
                )
            )
    load = LOAD_KG_PER_M[built.template.load_class]
    stiff = [
        m
        for code in built.template.carcass_materials
        if (m := ctx.catalog.material(code)).code != built.spec.carcass_material
        and max_span_mm(
            depth_mm=part.width_mm,
            thickness_mm=m.thickness_mm,
            modulus_mpa=m.modulus_mpa,
            load_kg_per_m=load,
        )
        >= part.length_mm
    ]
    if stiff:
        best = max(stiff, key=lambda m: m.modulus_mpa)
        fixes.append(
            Fix.of(
                RuleFix.SET_CARCASS_MATERIAL,
                _set(p, "carcass_material", best.code),
                cabinet=built.spec.id,
                material=best.code,
            )
        )
    return fixes


def _door(problem: Problem, ctx: Context) -> list[Fix]:
    """A door too wide, too heavy or needing more hinges than fit: split its section so that
    it gets narrower doors; a door too tall: lower the cabinet."""
    p = _placed(problem, ctx)
    part = None if p is None else _part(p, problem.params.get("part_id"))
    if p is None or part is None or p.cabinet.cabinet.template.fronts is not FrontKind.HINGED:
        return []
    spec = p.cabinet.cabinet.spec
    shorter = _lower(p, ctx, spec.height_mm - math.ceil(part.length_mm - MAX_DOOR_HEIGHT_MM))
    if problem.params.get("reason") == "height":
        return shorter
    split = _split(p, ctx, _section_of(p, part))
    return [*split, *shorter] if problem.code is RuleProblem.HINGE_COUNT else split


def _sliding(problem: Problem, ctx: Context) -> list[Fix]:
    """Sliding leaves too narrow or too wide: the door count (in the template's range) whose
    leaves fit the catalog's limits, nearest the present one first; failing that, a cabinet
    just wide enough for two leaves of the narrowest width. Too tall: lower the cabinet."""
    p = _placed(problem, ctx)
    if p is None:
        return []
    built = p.cabinet.cabinet
    spec, k = built.spec, ctx.catalog.construction
    height = problem.params.get("height_mm")
    if problem.params.get("reason") == "tall":
        if not isinstance(height, int | float):
            return []
        return _lower(p, ctx, spec.height_mm - math.ceil(height - MAX_DOOR_HEIGHT_MM))
    t = ctx.catalog.material(spec.carcass_material).thickness_mm
    inner_w = spec.width_mm - 2 * t
    option = built.template.options.get("door_count")
    now = problem.params.get("doors")
    counts = range(option.range.min, option.range.max + 1) if option and option.range else ()
    fitting = [
        n
        for n in counts
        if n != now
        and k.sliding_min_door_width_mm
        <= sliding_leaf_width(inner_w, n, k)
        <= k.sliding_max_door_width_mm
    ]
    fitting.sort(key=lambda n: abs(n - (now if isinstance(now, int) else 2)))
    fixes = [
        Fix.of(
            RuleFix.SET_DOOR_COUNT,
            [
                {
                    "op": "add",
                    "path": pointer("cabinets", p.index, "options", "door_count"),
                    "value": n,
                }
            ],
            cabinet=spec.id,
            doors=n,
            width_mm=round(sliding_leaf_width(inner_w, n, k), 1),
        )
        for n in fitting[:2]
    ]
    if not fixes and problem.params.get("reason") == "narrow":
        lowest = min(counts, default=2)
        need = lowest * k.sliding_min_door_width_mm - k.sliding_overlap_mm * (lowest - 1)
        fixes = _resize(p, "width_mm", RuleFix.SET_WIDTH, math.ceil(need + 2 * t))
    return fixes


def _hanging(problem: Problem, ctx: Context) -> list[Fix]:
    """Hanging space: deepen the cabinet, or raise the rail to give the garments the height
    they need."""
    p = _placed(problem, ctx)
    m = _ITEM_PATH.match(problem.path)
    if p is None or m is None:
        return []
    need = problem.params.get("min_mm")
    if not isinstance(need, int | float):
        return []
    spec = p.cabinet.cabinet.spec
    if problem.params.get("reason") == "depth":
        depth = problem.params.get("depth_mm")
        if not isinstance(depth, int | float):
            return []
        return _resize(p, "depth_mm", RuleFix.SET_DEPTH, spec.depth_mm + need - depth)
    height = problem.params.get("height_mm")
    section, item = int(m.group(2)), int(m.group(3))
    if spec.interior is None or not isinstance(height, int | float):
        return []  # the default interior's rails sit where the template puts them
    rail = spec.interior.sections[section].items[item]
    if rail.at_mm is None:
        return []
    at = math.ceil(rail.at_mm + need - height)
    patch = [
        {
            "op": "replace",
            "path": pointer("cabinets", p.index, "interior", "sections", section, "items", item)
            + "/at_mm",
            "value": at,
        }
    ]
    return [
        Fix.of(
            RuleFix.RAISE_RAIL,
            patch,
            cabinet=spec.id,
            section=section + 1,
            from_mm=round(rail.at_mm),
            to_mm=at,
        )
    ]


# --- what carries a cabinet ----------------------------------------------------------------


def _to_floor(problem: Problem, ctx: Context) -> list[Fix]:
    """A floor unit raised off the floor: stand it on the floor."""
    p = _placed(problem, ctx)
    if p is None:
        return []
    spec = p.cabinet.cabinet.spec
    return [
        Fix.of(
            RuleFix.STAND_ON_FLOOR,
            _set(p, "elevation_mm", 0),
            cabinet=spec.id,
            from_mm=round(p.bottom),
        )
    ]


def _onto_cabinet(problem: Problem, ctx: Context) -> list[Fix]:
    """A top box on nothing: set it on the top of the cabinet under it, or move it along its
    wall over the nearest cabinet there at least as wide (centred on it)."""
    p = _placed(problem, ctx)
    if p is None:
        return []
    spec = p.cabinet.cabinet.spec
    fixes = [
        Fix.of(
            RuleFix.PUT_ON_CABINET,
            _set(p, "elevation_mm", round(c.top)),
            cabinet=spec.id,
            other=c.cabinet.cabinet.spec.id,
            from_mm=round(p.bottom),
            to_mm=round(c.top),
        )
        for c in carriers(p, ctx)[:1]
        if round(c.top) != round(p.bottom)
    ]
    placement = _on_wall(p)
    if placement is None:
        return fixes
    beside = []
    for c in ctx.placed:
        there = c.cabinet.cabinet.spec
        on = there.placement
        if (
            c is p
            or not can_carry(c)
            or not isinstance(on, WallPlacement)
            or on.wall != placement.wall
            or there.width_mm < spec.width_mm
        ):
            continue
        offset = math.floor(on.offset_mm + (there.width_mm - spec.width_mm) / 2)
        beside.append((abs(offset - placement.offset_mm), offset, c))
    for _, offset, c in sorted(beside, key=lambda b: b[0])[:2]:
        fixes.append(
            Fix.of(
                RuleFix.MOVE_ONTO_CABINET,
                [*_set(p, "offset_mm", offset), *_set(p, "elevation_mm", round(c.top))],
                cabinet=spec.id,
                other=c.cabinet.cabinet.spec.id,
                wall=placement.wall,
                offset_mm=offset,
                to_mm=round(c.top),
            )
        )
    return fixes


# --- machining ------------------------------------------------------------------------------

_BOARD = re.compile(r"-(SIDE-L|SIDE-R|DIV(\d+))$")
ITEM_REACH_MM = 40.0  # a shelf's or rail's bores lie this close to it (its bolts, its supports)


def _sections_beside(part_id: str, sections: int) -> list[int]:
    """The 0-based sections a side or divider stands beside, from its name."""
    m = _BOARD.search(part_id)
    if m is None:
        return []
    if m.group(1) == "SIDE-L":
        return [0]
    if m.group(1) == "SIDE-R":
        return [sections - 1]
    n = int(m.group(2))
    return [n - 1, n]


def _clash(problem: Problem, ctx: Context) -> list[Fix]:
    """Bores that meet in a side or divider: move the shelf, fixed shelf or rail beside it
    whose bores they are one or two holes of the 32 mm grid up or down."""
    p = _placed(problem, ctx)
    part = None if p is None else _part(p, problem.params.get("part_id"))
    u = problem.params.get("u_mm")
    built = None if p is None else p.cabinet.cabinet
    if p is None or part is None or built is None or built.interior is None:
        return []
    if part.length_axis != 2 or not isinstance(u, int | float):
        return []
    f = make_frame(built.spec, built.template, ctx.catalog)
    z = part.box.lo[2] + u - f.zb  # above the inner bottom, as at_mm is
    sections = built.interior.sections
    fixes = []
    for index in _sections_beside(part.part_id, len(sections)):
        for i, item in enumerate(sections[index].items):
            at = item.at_mm
            if at is None or not at - ITEM_REACH_MM <= z <= at + f.t + ITEM_REACH_MM:
                continue
            for step in (-1, 1, -2, 2):
                moved = at + step * f.k.system_pitch_mm
                fixes.append(_moved(p, built.interior, (index, i), moved))
    return fixes


def _unsupported(problem: Problem, ctx: Context) -> list[Fix]:
    """A shelf without pin holes under it: the clash's cure, for that shelf only (a grid hole
    or two up or down, where the board has holes)."""
    m = re.search(r"-S(\d+)-SHELF\d+$", str(problem.params.get("shelf_id", "")))
    if m is None:
        return []
    section = int(m.group(1))
    return [
        f
        for f in _clash(problem, ctx)
        if f.params.get("section") == section and f.params.get("kind") == "shelf"
    ]


def _moved(p: Placed, interior: Interior, where: tuple[int, int], at: float) -> Fix:
    """The cabinet's ``interior`` with item ``where`` (section, item) moved to ``at`` mm."""
    section, index = where
    sections = interior.sections
    items = sections[section].items
    old = items[index]
    new = replace(old, at_mm=at)
    changed = replace(sections[section], items=(*items[:index], new, *items[index + 1 :]))
    moved = Interior(sections=(*sections[:section], changed, *sections[section + 1 :]))
    return Fix.of(
        RuleFix.MOVE_ITEM,
        _interior_patch(p, moved),
        cabinet=p.cabinet.cabinet.spec.id,
        section=section + 1,
        kind=old.kind.value,
        from_mm=round(old.at_mm or 0),
        to_mm=round(at),
    )


# --- doors hinged against a wall -------------------------------------------------------------

FILLER = "filler"  # the catalog's template of a filler strip


def _hinge_wall(problem: Problem, ctx: Context) -> list[Fix]:
    """A door hinged against a wall: hinge the single doors on the other side where no wall
    stands there, or put a filler strip between the cabinet and the wall, moving the cabinet
    along the wall or narrowing it by the filler's width."""
    p = _placed(problem, ctx)
    side = problem.params.get("side")
    if p is None or side not in ("left", "right"):
        return []
    built = p.cabinet.cabinet
    other = "right" if side == "left" else "left"
    fixes = []
    option = built.template.options.get("hinge_side")
    now = built.spec.options.get("hinge_side", option.default if option else None)
    # the single doors hinge on ``side``: on the other one, unless a wall stands there too
    if now == side and not wall_beside(p, other, ctx.floor):
        path = pointer("cabinets", p.index, "options", "hinge_side")
        fixes.append(
            Fix.of(
                RuleFix.FLIP_HINGES,
                [{"op": "add", "path": path, "value": other}],
                cabinet=built.spec.id,
                side=other,
            )
        )
    return [*fixes, *_fillers(p, ctx, side)]


def _fillers(p: Placed, ctx: Context, side: str) -> list[Fix]:
    """A filler strip on ``side`` of a cabinet on a wall: the cabinet moved along by its
    width, or narrowed by it."""
    placement = _on_wall(p)
    if placement is None or FILLER not in ctx.catalog.templates:
        return []
    filler = ctx.catalog.template(FILLER)
    spec = p.cabinet.cabinet.spec
    width = min(w for w in (*filler.standard_widths, filler.width.max) if w >= HINGE_WALL_GAP_MM)
    depth = min(max(filler.depth.default, filler.depth.min), filler.depth.max)
    wall = ctx.walls[placement.wall]

    def along(x: float) -> float:  # a point of the cabinet's front, along the wall
        px, py, _ = apply(p.cabinet.transform, x, 0.0)
        return (px - wall.start[0]) * wall.direction[0] + (py - wall.start[1]) * wall.direction[1]

    # the wall on ``side`` stands at the cabinet's lower offset, or at its higher one
    at_low = (along(0.0) < along(spec.width_mm)) == (side == "left")
    taken = {c.id for c in ctx.design.cabinets}
    ident = next(f"F{n}" for n in itertools.count(1) if f"F{n}" not in taken)
    o, w = round(placement.offset_mm), round(spec.width_mm)
    strip: dict[str, object] = {
        "id": ident,
        "template": FILLER,
        "wall": placement.wall,
        "offset_mm": o if at_low else o + w - width,
        "width_mm": width,
        "height_mm": min(max(round(spec.height_mm), filler.height.min), filler.height.max),
        "depth_mm": depth,
        "carcass_material": spec.carcass_material,
        "front_material": spec.front_material,
        "options": {},
        "interior": None,
    }
    if spec.elevation_mm is not None:
        strip["elevation_mm"] = round(spec.elevation_mm)
    fixes = []
    # moved along by the filler's width, or narrowed by it (its far end staying)
    for offset, new_width in (
        (o + width if at_low else o - width, w),
        (o + width if at_low else o, w - width),
    ):
        if not p.cabinet.cabinet.template.width.contains(new_width):
            continue
        patch: list[dict[str, object]] = [
            *_set(p, "offset_mm", offset),
            *_set(p, "width_mm", new_width),
            {"op": "add", "path": pointer("cabinets", "-"), "value": strip},
        ]
        fixes.append(
            Fix.of(
                RuleFix.ADD_FILLER,
                patch,
                cabinet=spec.id,
                filler=ident,
                width_mm=width,
                offset_mm=offset,
                to_mm=round(new_width),
            )
        )
    return fixes


PROPOSERS: dict[ProblemCode, Proposer] = {
    RuleProblem.PART_EXCEEDS_SHEET: _sheet,
    RuleProblem.PART_TOO_SMALL: _too_small,
    RuleProblem.SHELF_SAG: _sag,
    RuleProblem.HINGE_COUNT: _door,
    RuleProblem.DOOR_TOO_LARGE: _door,
    RuleProblem.SLIDING_DOOR_SIZE: _sliding,
    RuleProblem.HANGING_SPACE: _hanging,
    RuleProblem.OUTSIDE_ROOM: _moves_then_fit,
    RuleProblem.CABINET_OVERLAP: _moves_then_fit,
    RuleProblem.BLOCKS_OPENING: _opening,
    RuleProblem.OBSTACLE_CONFLICT: _obstacle,
    RuleProblem.CEILING_HEIGHT: _ceiling,
    RuleProblem.TILT_UP_CLEARANCE: _tilt,
    RuleProblem.FRONT_CLEARANCE: _moves,
    RuleProblem.CORNER_BLOCKED: _corner,
    RuleProblem.CORNER_UNIT_OFF_CORNER: _into_corner,
    RuleProblem.FLOOR_UNIT_RAISED: _to_floor,
    RuleProblem.TOP_BOX_UNSUPPORTED: _onto_cabinet,
    RuleProblem.MACHINING_CLASH: _clash,
    RuleProblem.SHELF_UNSUPPORTED: _unsupported,
    RuleProblem.DOOR_AGAINST_WALL: _hinge_wall,
}

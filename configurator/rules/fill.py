"""Fill a real wall: where along it a run of one template's cabinets may stand, how high, and
checked proposals that fill each free span (issue 11, item 5).

A free span is what the room rules leave (``configurator.rules.room``): not in front of a door
or pass-through, nor in a door's swing; under a window only below its sill, under a beam only
below it (and low enough to be stood up there, A15); clear of obstacles, of the corner zone
where the adjacent wall's run stands (its depth), of existing cabinets' footprints and of the
floor their fronts sweep, with room for the new fronts to open. Heights matter: a wall
cabinet hangs over a base run, a base cabinet stands under a window or a wall cabinet.

A corner template (``catalog.templates.CornerKind``) fills no span: it is offered for the
free corner at the wall's end (the corner on a cabinet's left in a counter-clockwise room),
an L unit's second arm along the next wall, at the template's widths tried in turn.

Each span gets the best widths (``configurator.room.fill``) as a JSON Patch adding the
cabinets (and a filler, if one closes a remainder), with wall cabinets over a base run where
the template has them above. A proposal is checked like a fix
(``configurator.rules.fixes``): applied to the document and evaluated again, it is offered
only if it adds no error; else the next option is tried, a few at most.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import shapely
from shapely import Polygon
from shapely.geometry.base import BaseGeometry

from catalog.catalog import Catalog
from catalog.templates import CornerKind, ModuleTemplate
from configurator.build.cabinet import BuiltCabinet, build_cabinet
from configurator.build.parts import Role
from configurator.build.placement import orientation, plan_rectangle
from configurator.model.design import Cabinet, Design, ObstacleKind, OpeningKind, WallPlacement
from configurator.model.document import to_document
from configurator.room.fill import Fill, fill_options
from configurator.room.geometry import Wall, door_swing, opening_strip
from configurator.rules.context import ROOM_TOL_MM, TOUCH_TOL_MM, Context
from configurator.rules.evaluate import evaluate, rule_context
from configurator.rules.fixes import evaluated_with
from configurator.rules.room import (
    DOOR_PASSAGE_MM,
    TILT_MARGIN_MM,
    front_reach,
    front_zone,
    reach_of,
)
from kernel.ids import CabinetId, MaterialCode
from kernel.json_patch import pointer
from kernel.memo import Memo, no_memo
from kernel.problems import Fix, FixCode, Problem, ProblemCode, Severity, errors_in

__all__ = [
    "ABOVE",
    "FillFix",
    "FillProblem",
    "FreeSpan",
    "Run",
    "SpanOffer",
    "free_spans",
    "offer_fill",
    "run_of",
]

ABOVE: Mapping[str, str] = {"base_cabinet": "wall_cabinet", "drawer_unit": "wall_cabinet"}
WINDOW_STRIP_MM = 50.0  # as check_openings: a window's zone is this deep
_OVERHEAD = frozenset(k.value for k in ObstacleKind)  # what lowers the headroom to stand up in
TRIES = 4  # options checked per span at most (each is one evaluation of the whole design)


class FillFix(FixCode):
    """What a fill proposal does (its wording: ``web.messages``)."""

    FILL_SPAN = "fill_span"


class FillProblem(ProblemCode):
    """Why a free span gets no proposal."""

    TOO_NARROW = "fill_too_narrow"
    TOO_LOW = "fill_too_low"
    ADDS_ERRORS = "fill_adds_errors"


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """What a run of one template's cabinets takes: their plan depth (with the fronts), the
    floor their open fronts sweep, where they hang, and the carcass side that must be stood
    up (what the side leaves below it, and its width), if any."""

    template: ModuleTemplate
    depth_mm: int
    plan_depth_mm: float
    reach_mm: float
    bottom_mm: float
    side: tuple[float, float] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FreeSpan:
    """A stretch of wall (mm from its start) where the run may stand; ``top_mm``: how high
    its cabinets may reach there, ``limit``: what holds it below the ceiling (a window, a
    beam, a cabinet...), ``headroom_mm``: the height to stand a carcass up in."""

    start_mm: float
    end_mm: float
    top_mm: float
    headroom_mm: float
    limit: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SpanOffer:
    """A free span and its checked proposal (``fix``: the cabinets' widths in ``fill``, the
    height ``height_mm``), or the ``problem`` that says why there is none."""

    span: FreeSpan
    fill: Fill | None = None
    height_mm: int | None = None
    fix: Fix | None = None
    problem: Problem | None = None


@dataclass(frozen=True, slots=True)
class _Block:
    """Something in the run's way along ``lo``..``hi``, from ``low`` to ``high`` above the
    floor."""

    lo: float
    hi: float
    low: float
    high: float
    what: str


def run_of(template: str, catalog: Catalog, *, ceiling_mm: float) -> Run:
    """What a run of ``template`` cabinets at their default depth takes: a cabinet of each
    standard width is built to see how deep its fronts stand and how far the widest of them
    opens."""
    tpl = catalog.template(template)
    widths = [w for w in tpl.standard_widths if tpl.width.contains(w)] or [tpl.width.default]
    probes = [b for w in widths if (b := _probe(tpl, w, catalog)) is not None]
    if not probes:  # a template the catalog cannot build: nothing to plan with
        raise ValueError(f"template {template!r} does not build at its defaults")
    built = probes[0]
    sides = [p for p in built.parts if p.role is Role.SIDE]
    side = (built.spec.height_mm - sides[0].length_mm, sides[0].width_mm) if sides else None
    return Run(
        template=tpl,
        depth_mm=tpl.depth.default,
        plan_depth_mm=max(b.envelope.hi[1] for b in probes),
        reach_mm=max(reach_of(b) for b in probes),
        bottom_mm=min(float(tpl.elevation_mm), ceiling_mm),
        side=side if tpl.has_carcass and tpl.elevation_mm == 0 else None,
    )


def _probe(tpl: ModuleTemplate, width: int, catalog: Catalog) -> BuiltCabinet | None:
    probe = Cabinet(
        id=CabinetId("probe"),
        template=tpl.code,
        placement=WallPlacement(wall=0, offset_mm=0),
        width_mm=width,
        height_mm=tpl.height.default,
        depth_mm=tpl.depth.default,
        carcass_material=tpl.carcass_materials[0],
        front_material=tpl.front_materials[0],
        options={},
        interior=None,
    )
    return build_cabinet(probe, catalog, path="probe")[0]


# --- free spans ----------------------------------------------------------------------------


def free_spans(ctx: Context, wall: int, run: Run) -> list[FreeSpan]:
    """The stretches of ``wall`` where ``run`` may stand, left to right, each with how high
    it may reach; stretches where something leaves less than the template's lowest cabinet
    are listed too (their ``top_mm`` says so), those where nothing may stand are not."""
    w = ctx.walls[wall]
    body = _strip(w, 0.0, run.plan_depth_mm)
    front = _strip(w, run.plan_depth_mm, run.plan_depth_mm + run.reach_mm)
    blocks = [
        *_room_blocks(ctx, w, body, front),
        *_corner_blocks(ctx, w, body, run),
        *_cabinet_blocks(ctx, w, body, front),
        *_opening_blocks(ctx, w, body, front),
        *_obstacle_blocks(ctx, w, body, front),
    ]
    return _spans(blocks, w.length, ctx.design.room.ceiling_mm, run)


def _strip(w: Wall, near: float, far: float) -> Polygon:
    """The floor along the whole wall from ``near`` to ``far`` into the room."""
    return Polygon([w.at(0, near), w.at(w.length, near), w.at(w.length, far), w.at(0, far)])


def _along(w: Wall, shape: BaseGeometry) -> Iterator[tuple[float, float]]:
    """The extent along the wall of each part of ``shape`` with an area (a shared edge or
    corner is not in the way)."""
    for part in getattr(shape, "geoms", [shape]):
        if part.is_empty or part.area <= TOUCH_TOL_MM:
            continue
        xy = shapely.get_coordinates(part)
        along = (xy[:, 0] - w.start[0]) * w.direction[0] + (xy[:, 1] - w.start[1]) * w.direction[1]
        lo, hi = float(along.min()), float(along.max())
        if hi - lo > TOUCH_TOL_MM / 2:
            yield lo, hi


def _blocks(
    w: Wall, zone: Polygon | None, shape: BaseGeometry, band: tuple[float, float], what: str
) -> Iterator[_Block]:
    if zone is None or shape.is_empty or not zone.intersects(shape):
        return
    for lo, hi in _along(w, zone.intersection(shape)):
        yield _Block(lo, hi, band[0], band[1], what)


def _room_blocks(ctx: Context, w: Wall, body: Polygon, front: Polygon) -> Iterator[_Block]:
    """Where the cabinets or their open fronts would stand outside the room."""
    room = ctx.floor.buffer(ROOM_TOL_MM, join_style="mitre")
    for zone in (body, front):
        yield from _blocks(w, zone, zone.difference(room), (0.0, math.inf), "wall")


def _corner_blocks(ctx: Context, w: Wall, body: Polygon, run: Run) -> Iterator[_Block]:
    """The corner zones: the depth of a run along each adjacent wall."""
    count = len(ctx.walls)
    for j in {(w.index - 1) % count, (w.index + 1) % count} - {w.index}:
        other = _strip(ctx.walls[j], 0.0, run.plan_depth_mm)
        yield from _blocks(w, body, other, (0.0, math.inf), "corner")


def _cabinet_blocks(ctx: Context, w: Wall, body: Polygon, front: Polygon) -> Iterator[_Block]:
    """Existing cabinets: their footprints (in the way of the new cabinets and of their
    open fronts) and the floor their own fronts sweep."""
    for p in ctx.placed:
        band = (p.bottom, p.top)
        yield from _blocks(w, body, p.footprint, band, "cabinet")
        yield from _blocks(w, front, p.footprint, band, "cabinet")
        reach = front_reach(p)
        if reach > 0 and p.cabinet.cabinet.template.corner is not CornerKind.NONE:
            yield from _blocks(w, body, front_zone(p), band, "cabinet")  # only its doors open
        elif reach > 0:
            width = p.cabinet.cabinet.envelope.hi[0]
            sweep = Polygon(plan_rectangle(p.cabinet.transform, (0.0, -reach, width, 0.0)))
            yield from _blocks(w, body, sweep, band, "cabinet")


def _opening_blocks(ctx: Context, w: Wall, body: Polygon, front: Polygon) -> Iterator[_Block]:
    """Doors and pass-throughs (with the passage in front), windows (from the sill up), and
    door swings (the fronts may not open into one either)."""
    for o in ctx.design.room.openings:
        ow = ctx.walls[o.wall]
        window = o.kind is OpeningKind.WINDOW
        zone = opening_strip(ow, o, depth=WINDOW_STRIP_MM if window else DOOR_PASSAGE_MM)
        yield from _blocks(w, body, zone, (o.sill_mm, o.sill_mm + o.height_mm), o.kind.value)
        swing = door_swing(ow, o)
        if swing is not None:
            yield from _blocks(w, body, swing, (0.0, o.height_mm), "door")
            yield from _blocks(w, front, swing, (0.0, math.inf), "door")


def _obstacle_blocks(ctx: Context, w: Wall, body: Polygon, front: Polygon) -> Iterator[_Block]:
    """Beams, columns and pipe boxes (skirting is only a warning: scribed on site)."""
    for o in ctx.design.room.obstacles:
        shape = Polygon(o.outline_mm)
        if o.kind is ObstacleKind.SKIRTING or not shape.is_valid:
            continue
        band = (o.bottom_mm, o.top_mm or ctx.design.room.ceiling_mm)
        yield from _blocks(w, body, shape, band, o.kind.value)
        yield from _blocks(w, front, shape, band, o.kind.value)


def _spans(blocks: list[_Block], length: float, ceiling: float, run: Run) -> list[FreeSpan]:
    """Cut the wall at every block's ends; each piece gets the lowest top its blocks leave;
    neighbouring pieces where the run stands (or stands too low) join."""
    bottom = run.bottom_mm
    cuts = sorted({0.0, length, *(min(max(x, 0.0), length) for b in blocks for x in (b.lo, b.hi))})
    pieces: list[tuple[str, FreeSpan]] = []
    for a, b in itertools.pairwise(cuts):
        if b - a <= 1e-6:
            continue
        mid = (a + b) / 2
        top, headroom, limit = ceiling, ceiling, None
        for block in blocks:
            if not block.lo < mid < block.hi or block.high <= bottom + TOUCH_TOL_MM:
                continue
            cap = block.low if block.low > bottom + TOUCH_TOL_MM else bottom
            if cap < top:
                top, limit = cap, block.what
            if block.what in _OVERHEAD:
                headroom = min(headroom, cap)
        if top <= bottom + TOUCH_TOL_MM:
            continue
        kind = "ok" if top - bottom >= run.template.height.min else "low"
        here = FreeSpan(start_mm=a, end_mm=b, top_mm=top, headroom_mm=headroom, limit=limit)
        last = pieces[-1] if pieces else None
        if last is not None and last[0] == kind and last[1].end_mm == a:
            was = last[1]
            lower = here if here.top_mm < was.top_mm else was
            here = FreeSpan(
                start_mm=was.start_mm,
                end_mm=b,
                top_mm=lower.top_mm,
                headroom_mm=min(was.headroom_mm, headroom),
                limit=lower.limit,
            )
            pieces[-1] = (kind, here)
        else:
            pieces.append((kind, here))
    return [span for _, span in pieces]


# --- proposals -----------------------------------------------------------------------------


def offer_fill(
    design: Design, catalog: Catalog, *, wall: int, template: str, memo: Memo = no_memo
) -> tuple[SpanOffer, ...]:
    """Every free span of ``wall`` for ``template`` with its checked proposal, or why there
    is none. The design's room must be usable and have ``wall`` (the caller checks)."""
    evaluation = evaluate(design, catalog, memo=memo)
    ctx = rule_context(design, catalog, evaluation.build, memo=memo)
    ceiling = design.room.ceiling_mm
    run = run_of(template, catalog, ceiling_mm=ceiling)
    above = ABOVE.get(template)
    upper = None if above is None else run_of(above, catalog, ceiling_mm=ceiling)
    planner = _Planner(
        ctx=ctx,
        wall=wall,
        document=to_document(design),
        errors=Counter(p.identity for p in errors_in(evaluation.problems)),
        ids=_Ids({c.id for c in design.cabinets}),
        upper=None if upper is None else (upper, free_spans(ctx, wall, upper)),
        memo=memo,
    )
    if run.template.corner is not CornerKind.NONE:
        return (planner.corner(run),)
    return tuple(planner.offer(span, run) for span in free_spans(ctx, wall, run))


class _Ids:
    """Cabinet ids no cabinet of the design has, nor any proposal made before."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def new(self, template: str) -> str:
        prefix = "F" if template == "filler" else template[0].upper()
        n = next(i for i in itertools.count(1) if f"{prefix}{i}" not in self.taken)
        self.taken.add(f"{prefix}{n}")
        return f"{prefix}{n}"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Planner:
    ctx: Context
    wall: int
    document: object
    errors: Counter[tuple[object, ...]]
    ids: _Ids
    upper: tuple[Run, list[FreeSpan]] | None
    memo: Memo

    def offer(self, span: FreeSpan, run: Run) -> SpanOffer:
        """The best option that, added, makes no new error."""
        tpl = run.template
        height = _height(span, run, self.ctx.design.room.ceiling_mm)
        if height < tpl.height.min:
            problem = Problem.of(
                FillProblem.TOO_LOW,
                f"walls[{self.wall}]",
                Severity.INFO,
                template=tpl.code,
                max_mm=max(0, height),
                min_mm=tpl.height.min,
                limit=span.limit,
            )
            return SpanOffer(span=span, problem=problem)
        start, end = math.ceil(span.start_mm), math.floor(span.end_mm)
        options = fill_options(end - start, tpl.code, self.ctx.catalog)
        if not options:
            problem = Problem.of(
                FillProblem.TOO_NARROW,
                f"walls[{self.wall}]",
                Severity.INFO,
                template=tpl.code,
                span_mm=max(0, end - start),
                min_mm=tpl.width.min,
            )
            return SpanOffer(span=span, problem=problem)
        for fill in options[:TRIES]:
            base = self._cabinets(fill, run, start, height)
            above = [self._above(start, start + fill.total_mm, choice) for choice in (0, 1)]
            tries = [[*base, *upper] for upper in above if upper] + [base]
            for cabinets in tries:
                if self._adds_no_error(cabinets):
                    return self._offer(span, fill, height, start, cabinets)
        return self._refused(span, tpl, min(TRIES, len(options)))

    def _offer(
        self, span: FreeSpan, fill: Fill, height: int, start: int, cabinets: list[dict[str, object]]
    ) -> SpanOffer:
        fix = _fix(self.wall, fill, height, start, cabinets)
        return SpanOffer(span=span, fill=fill, height_mm=height, fix=fix)

    def _refused(self, span: FreeSpan, tpl: ModuleTemplate, tried: int) -> SpanOffer:
        """No option tried makes no new error."""
        problem = Problem.of(
            FillProblem.ADDS_ERRORS,
            f"walls[{self.wall}]",
            Severity.INFO,
            template=tpl.code,
            tried=tried,
        )
        return SpanOffer(span=span, problem=problem)

    def corner(self, run: Run) -> SpanOffer:
        """A corner unit in the corner at the wall's end: the template's default width
        first, then its other standard widths, widest first; the first that adds no error."""
        tpl, ctx = run.template, self.ctx
        length = ctx.walls[self.wall].length
        ceiling = ctx.design.room.ceiling_mm
        widths = sorted(
            {tpl.width.default, *(w for w in tpl.standard_widths if tpl.width.contains(w))},
            key=lambda w: (w != tpl.width.default, -w),
        )
        carcass, front = _materials(ctx.design, tpl)
        corner = FreeSpan(
            start_mm=0.0, end_mm=length, top_mm=ceiling, headroom_mm=ceiling, limit=None
        )
        height = _height(corner, run, ceiling)
        fits = (
            [w for w in widths if w <= length]
            if orientation(ctx.design.room.outline_mm) > 0
            else []
        )
        for width in fits[:TRIES] if height >= tpl.height.min else []:
            start = math.floor(length - width)
            cabinet = self._cabinet(
                tpl.code, start, (width, height, run.depth_mm), (carcass, front)
            )
            if tpl.corner is CornerKind.BLIND:
                cabinet["options"] = {"blind_side": "left"}  # the wall's end is on its left
            if self._adds_no_error([cabinet]):
                fill = Fill(
                    template=tpl.code,
                    widths=(width,),
                    filler_mm=0,
                    standard=width in tpl.standard_widths,
                )
                span = FreeSpan(
                    start_mm=start, end_mm=length, top_mm=ceiling, headroom_mm=ceiling, limit=None
                )
                return self._offer(span, fill, height, start, [cabinet])
        return self._refused(corner, tpl, len(fits[:TRIES]))

    def _above(self, lo: float, hi: float, choice: int) -> list[dict[str, object]]:
        """Wall cabinets over the base run ``lo``..``hi``, where the wall above is free: each
        stretch's ``choice``-th option (the next best where the best adds an error)."""
        if self.upper is None:
            return []
        run, spans = self.upper
        cabinets: list[dict[str, object]] = []
        for span in spans:
            a, b = math.ceil(max(lo, span.start_mm)), math.floor(min(hi, span.end_mm))
            height = _height(span, run, self.ctx.design.room.ceiling_mm)
            options = fill_options(b - a, run.template.code, self.ctx.catalog)
            if options and height >= run.template.height.min:
                cabinets += self._cabinets(options[min(choice, len(options) - 1)], run, a, height)
        return cabinets

    def _cabinets(self, fill: Fill, run: Run, start: int, height: int) -> list[dict[str, object]]:
        """The documents of the cabinets of ``fill`` from ``start`` along the wall, the
        filler last."""
        catalog = self.ctx.catalog
        tpl = run.template
        carcass, front = _materials(self.ctx.design, tpl)
        out = []
        offset = start
        for width in fill.widths:
            out.append(
                self._cabinet(tpl.code, offset, (width, height, run.depth_mm), (carcass, front))
            )
            offset += width
        if fill.filler_mm:
            filler = catalog.template("filler")
            strip = self._cabinet(
                filler.code,
                offset,
                (fill.filler_mm, height, min(run.depth_mm, filler.depth.max)),
                _materials(self.ctx.design, filler, prefer=(carcass, front)),
            )
            if run.bottom_mm > 0:
                strip["elevation_mm"] = math.floor(run.bottom_mm)
            out.append(strip)
        return out

    def _cabinet(
        self,
        template: str,
        offset: int,
        size: tuple[int, int, int],
        materials: tuple[MaterialCode, MaterialCode],
    ) -> dict[str, object]:
        return {
            "id": self.ids.new(template),
            "template": template,
            "wall": self.wall,
            "offset_mm": offset,
            "width_mm": size[0],
            "height_mm": size[1],
            "depth_mm": size[2],
            "carcass_material": materials[0],
            "front_material": materials[1],
            "options": {},
            "interior": None,
        }

    def _adds_no_error(self, cabinets: list[dict[str, object]]) -> bool:
        after = evaluated_with(self.document, _patch(cabinets), self.ctx.catalog, self.memo)
        if after is None:
            return False
        return not Counter(p.identity for p in errors_in(after)) - self.errors


def _height(span: FreeSpan, run: Run, ceiling: float) -> int:
    """The tallest the run's cabinets may be in ``span``: the template's default, under what
    is above (a sill, a beam, the ceiling), and a floor carcass able to be stood up under
    the headroom (A15)."""
    tpl = run.template
    height = min(tpl.height.default, math.floor(min(span.top_mm, ceiling) - run.bottom_mm))
    if run.side is None:
        return height
    below, width = run.side
    room = span.headroom_mm - TILT_MARGIN_MM
    if room <= width:
        return 0
    tilt = math.floor(math.sqrt(room**2 - width**2) + below)
    while tilt > 0 and math.hypot(tilt - below, width) >= room:
        tilt -= 1
    return min(height, tilt)


def _materials(
    design: Design,
    tpl: ModuleTemplate,
    *,
    prefer: tuple[MaterialCode, MaterialCode] | None = None,
) -> tuple[MaterialCode, MaterialCode]:
    """The carcass and front materials the design's cabinets use most that the template
    offers (``prefer`` first), else the template's first."""
    used = Counter((c.carcass_material, c.front_material) for c in design.cabinets)
    ranked = ([prefer] if prefer else []) + [pair for pair, _ in used.most_common()]
    for carcass, front in ranked:
        if carcass in tpl.carcass_materials and front in tpl.front_materials:
            return carcass, front
    return tpl.carcass_materials[0], tpl.front_materials[0]


def _patch(cabinets: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{"op": "add", "path": pointer("cabinets", "-"), "value": c} for c in cabinets]


def _fix(wall: int, fill: Fill, height: int, start: int, cabinets: list[dict[str, object]]) -> Fix:
    widths = " + ".join(str(w) for w in fill.widths)
    upper = sum(1 for c in cabinets if c["template"] not in (fill.template, "filler"))
    return Fix.of(
        FillFix.FILL_SPAN,
        _patch(cabinets),
        wall=wall,
        template=fill.template,
        count=len(fill.widths),
        widths=widths,
        height_mm=height,
        filler_mm=fill.filler_mm,
        from_mm=start,
        to_mm=start + fill.total_mm,
        standard=fill.standard,
        above=upper,
    )

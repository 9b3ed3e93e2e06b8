"""Build one cabinet into parts and hardware: the parametric engine's entry point.

``build_cabinet`` checks the cabinet against the catalog, lays out its interior and returns
either a ``BuiltCabinet`` or the problems that stop it from being built.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.catalog import Catalog
from catalog.templates import CornerKind, FrontKind, ModuleTemplate, PlinthKind
from configurator.build.boards import Blank, JointLayouts, PartMaker
from configurator.build.carcass import build_backs, build_carcass, build_dividers
from configurator.build.checks import check_cabinet
from configurator.build.corner import (
    blind_interior,
    blind_of,
    build_blind_fronts,
    join_arms,
    l_outline,
    split_arms,
)
from configurator.build.drawers import DrawerSlot, build_drawers, plan_drawers
from configurator.build.frame import Job, make_frame
from configurator.build.fronts import (
    build_hinged_doors,
    build_sliding_doors,
    door_sections,
    front_span,
    front_zone,
    handle_of,
)
from configurator.build.interior import (
    SectionBox,
    build_items,
    check_items,
    default_interior,
    layout_sections,
)
from configurator.build.parts import Box, HardwareLine, Part, Role
from configurator.build.problems import BuildProblem
from configurator.model.design import Cabinet, Interior
from kernel.problems import Problem, has_errors

__all__ = ["BuiltCabinet", "build_cabinet"]

HANDLE_MARGIN_MM = 30.0  # from a handle's holes to the front's edge


@dataclass(frozen=True, slots=True, kw_only=True)
class BuiltCabinet:
    """A cabinet's parts and hardware in its own frame.

    ``envelope`` is width x overall depth x height: the requested width and height, and the
    carcass depth plus ``front_depth_mm`` (hinged doors and drawer fronts stand in front of
    the carcass; sliding doors run inside it). An L corner unit (``configurator.build.corner``)
    has an envelope that holds both arms, ``second_arm_mm`` its arm along the side wall and
    ``outline`` its L-shaped plan in its frame; other cabinets' plan is their envelope.
    """

    spec: Cabinet
    template: ModuleTemplate
    interior: Interior | None
    parts: tuple[Part, ...]
    hardware: tuple[HardwareLine, ...]
    envelope: Box
    front_depth_mm: float
    second_arm_mm: float = 0.0
    outline: tuple[tuple[float, float], ...] | None = None

    @property
    def front_length_mm(self) -> float:
        """How long its fronts run along the walls (projected area): the width, and an L
        unit's second arm."""
        return self.spec.width_mm + self.second_arm_mm


def build_cabinet(
    spec: Cabinet, catalog: Catalog, *, path: str, joints: JointLayouts | None = None
) -> tuple[BuiltCabinet | None, list[Problem]]:
    """Build ``spec``; ``(None, problems)`` when it cannot be built. ``joints``: the joint
    layouts worked out for other cabinets of the same catalog, shared (and added to)."""
    problems = check_cabinet(spec, catalog, path=path)
    if has_errors(problems):
        return None, problems
    template = catalog.template(spec.template)
    build = _build_l if template.corner is CornerKind.L else _build
    built, found = build(spec, template, catalog, path, {} if joints is None else joints)
    return built, problems + found


def _build_l(
    spec: Cabinet, template: ModuleTemplate, catalog: Catalog, path: str, layouts: JointLayouts
) -> tuple[BuiltCabinet | None, list[Problem]]:
    """An L corner unit: both arms built, then joined in the L's frame."""
    arms = split_arms(spec, template, catalog)
    a, problems = _build(arms.a, arms.a_template, catalog, path, layouts)
    b, found = _build(arms.b, arms.b_template, catalog, path, layouts)
    problems += [p for p in found if p not in problems]
    if a is None or b is None:
        return None, problems
    parts, hardware = join_arms(arms, (a.parts, a.hardware), (b.parts, b.hardware))
    return BuiltCabinet(
        spec=spec,
        template=template,
        interior=None,
        parts=parts,
        hardware=_merge(list(hardware)),
        envelope=Box((0, 0, 0), (spec.width_mm, arms.arm_mm, spec.height_mm)),
        front_depth_mm=a.front_depth_mm,
        second_arm_mm=arms.arm_mm,
        outline=l_outline(spec.width_mm, arms.arm_mm, arms.b_depth),
    ), problems


def _build(
    spec: Cabinet, template: ModuleTemplate, catalog: Catalog, path: str, layouts: JointLayouts
) -> tuple[BuiltCabinet | None, list[Problem]]:
    """Build a straight cabinet (or a blind-corner one) that fits its template."""
    problems: list[Problem] = []
    maker = PartMaker(catalog=catalog, cabinet_id=spec.id, joints=layouts)
    if not template.has_carcass:
        return _filler(spec, template, maker), problems
    f = make_frame(spec, template, catalog)
    job = Job(f=f, spec=spec, template=template, catalog=catalog, maker=maker)
    blind = blind_of(spec, template) if template.corner is CornerKind.BLIND else None
    interior = spec.interior or (
        blind_interior(template, f, blind)
        if blind is not None
        else default_interior(
            template,
            inner_w=f.width - 2 * f.t,
            inner_h=f.zt - f.zb,
            t=f.t,
            count=door_sections(f) if template.fronts is FrontKind.HINGED else 0,
        )
    )
    carcass, hardware = build_carcass(job)
    xs, ranges, layout_problems = layout_sections(f, interior, path=f"{path}.interior")
    if layout_problems:
        return None, problems + layout_problems
    dividers, joints = build_dividers(job, carcass, xs)
    build_backs(job, xs)
    boards = [carcass.left, *dividers, carcass.right]
    sections = [
        SectionBox(
            index=j + 1,
            x0=x0,
            x1=x1,
            left=boards[j],
            right=boards[j + 1],
            items=interior.sections[j].items,
            doors=interior.sections[j].doors,
        )
        for j, (x0, x1) in enumerate(ranges)
    ]
    plans, plan_problems = _plan(job, sections, interior, path=path)
    plan_problems += _check_handle(job, sections, plans, path=path)
    if has_errors(plan_problems):
        return None, problems + plan_problems
    hardware += joints + _fill(job, sections, plans) + _anti_tip(job)
    if blind is not None:
        build_blind_fronts(job, blind)
    return BuiltCabinet(
        spec=spec,
        template=template,
        interior=interior,
        parts=maker.parts(),
        hardware=_merge(hardware),
        envelope=Box((0, 0, 0), (f.width, f.y1, f.height)),
        front_depth_mm=f.front_depth,
    ), problems


def _plan(
    job: Job, sections: list[SectionBox], interior: Interior, *, path: str
) -> tuple[list[list[DrawerSlot]], list[Problem]]:
    f = job.f
    problems: list[Problem] = []
    plans: list[list[DrawerSlot]] = []
    overlay = job.template.fronts is FrontKind.DRAWERS
    zone = front_zone(f, job.template.plinth)
    for s, section in zip(sections, interior.sections, strict=True):
        spath = f"{path}.interior.sections[{s.index - 1}]"
        slots, drawer_problems = plan_drawers(
            f, s, job.catalog, overlay=overlay, zone=zone, path=spath
        )
        # what the drawers take of the section's height, for the other items to stay clear
        tops = [d.box_top if overlay else d.z0 + d.height for d in slots]
        drawer_top = max(tops, default=f.zb) - f.zb
        problems += drawer_problems + check_items(f, section, drawer_top=drawer_top, path=spath)
        plans.append(slots)
    return plans, problems


def _check_handle(
    job: Job, sections: list[SectionBox], plans: list[list[DrawerSlot]], *, path: str
) -> list[Problem]:
    """A drawer front must be wider than its handle's hole centres plus a margin."""
    handle = handle_of(job.spec, job.catalog)
    if handle is None or job.template.fronts is not FrontKind.DRAWERS:
        return []
    centres = job.catalog.item(handle).size_mm or 0.0
    last = len(sections) - 1
    narrowest = min(
        (
            front_span(job.f, s, first=j == 0, last=j == last)
            for j, s in enumerate(sections)
            if plans[j]
        ),
        key=lambda span: span[1] - span[0],
        default=None,
    )
    if narrowest is None or narrowest[1] - narrowest[0] >= centres + 2 * HANDLE_MARGIN_MM:
        return []
    return [
        Problem.of(
            BuildProblem.HANDLE_TOO_LONG,
            f"{path}.options.handle",
            value=handle,
            centres_mm=centres,
            front_mm=round(narrowest[1] - narrowest[0], 1),
            max_mm=round(narrowest[1] - narrowest[0] - 2 * HANDLE_MARGIN_MM, 1),
        )
    ]


def _fill(
    job: Job, sections: list[SectionBox], plans: list[list[DrawerSlot]]
) -> list[HardwareLine]:
    """Items, drawers and fronts of every section."""
    f, template = job.f, job.template
    hardware: list[HardwareLine] = []
    last = len(sections) - 1
    spans = [(s, *front_span(f, s, first=j == 0, last=j == last)) for j, s in enumerate(sections)]
    handle = handle_of(job.spec, job.catalog)
    handle_mm = (job.catalog.item(handle).size_mm or 0.0) if handle else 0.0
    for (s, x0, x1), slots in zip(spans, plans, strict=True):
        top = max((d.box_top for d in slots), default=f.zb)
        hardware += build_items(job, s, pins_from=top)
        overlay = (x0, x1) if template.fronts is FrontKind.DRAWERS else None
        hardware += build_drawers(
            job, s, slots=slots, span=overlay, handle=handle, handle_mm=handle_mm
        )
    if template.fronts is FrontKind.HINGED:
        hardware += build_hinged_doors(job, spans, front_zone(f, template.plinth))
    elif template.fronts is FrontKind.SLIDING:
        hardware += build_sliding_doors(job)
    return hardware


def _anti_tip(job: Job) -> list[HardwareLine]:
    """A14: a floor-standing carcass at least 686 mm tall is fixed to the wall."""
    f = job.f
    if job.template.plinth is PlinthKind.NONE or f.height < f.k.anti_tip_height_mm:
        return []
    return [
        HardwareLine(cabinet_id=job.spec.id, code=f.k.wall_fixing, quantity=2, where="anti-tip")
    ]


def _filler(spec: Cabinet, template: ModuleTemplate, maker: PartMaker) -> BuiltCabinet:
    """A filler strip: a front board with a return behind its left edge."""
    t = maker.catalog.material(spec.front_material).thickness_mm
    tr = maker.catalog.material(spec.carcass_material).thickness_mm
    w, h, d = spec.width_mm, spec.height_mm, spec.depth_mm
    maker.add(
        Blank(
            suffix="FILLER",
            role=Role.FILLER,
            name="Filler strip",
            material=spec.front_material,
            box=Box((0, 0, 0), (w, t, h)),
            length_axis=2,
            width_axis=0,
        )
    )
    if d - t >= maker.catalog.construction.min_part_width_mm:
        maker.add(
            Blank(
                suffix="FILLER-RETURN",
                role=Role.FILLER_RETURN,
                name="Filler return",
                material=spec.carcass_material,
                box=Box((0, t, 0), (tr, d, h)),
                length_axis=2,
                width_axis=1,
            )
        )
    return BuiltCabinet(
        spec=spec,
        template=template,
        interior=None,
        parts=maker.parts(),
        hardware=(),
        envelope=Box((0, 0, 0), (w, d, h)),
        front_depth_mm=0.0,
    )


def _merge(lines: list[HardwareLine]) -> tuple[HardwareLine, ...]:
    """Add up lines of the same item, place and cut length, keeping first-seen order."""
    merged: dict[tuple[str, str, float | None], HardwareLine] = {}
    for line in lines:
        key = (line.code, line.where, line.length_mm)
        seen = merged.get(key)
        merged[key] = (
            line if seen is None else seen._replace(quantity=seen.quantity + line.quantity)
        )
    return tuple(merged.values())

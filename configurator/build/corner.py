"""Corner units (``catalog.templates.CornerKind``): the blind-corner cabinet and the L-shaped
corner wardrobe.

A blind-corner cabinet is a hinged cabinet whose side toward the corner (``blind_side``) runs
``blind_mm`` behind the neighbour standing on the adjacent wall. A divider stands where the
door ends; the section behind it has no door: a blind panel closes the part behind the
neighbour and a filler strip ``filler_mm`` wide, flush with the door, keeps the door and its
handle clear of the neighbour's front.

An L unit is two arms built as one cabinet. Arm A stands on the cabinet's wall from the
corner (its left side against the side wall) and is a blind-corner carcass; arm B stands
along the side wall in front of arm A's blind part, its right side against the blind panel.
The cabinet's frame is arm A's frame moved back so that its envelope holds both arms: x from
the side wall along the cabinet's wall, y from the free end of arm B (y = 0) to the wall
behind arm A (y = ``arm_mm``). Arm B's parts are turned a quarter turn into that frame; each
part keeps its own part coordinates (its machining is as the factory drills it), only its
box says where it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from catalog.catalog import Catalog
from catalog.templates import CornerKind, ModuleTemplate
from configurator.build.boards import Blank
from configurator.build.frame import Frame, Job
from configurator.build.fronts import door_count, front_zone
from configurator.build.interior import default_interior
from configurator.build.parts import Box, HardwareLine, Part, Role
from configurator.model.design import Cabinet, Interior, Section
from kernel.ids import PartId

__all__ = [
    "Arms",
    "Blind",
    "blind_interior",
    "blind_of",
    "build_blind_fronts",
    "join_arms",
    "l_outline",
    "split_arms",
]

LEFT, RIGHT = "left", "right"


@dataclass(frozen=True, slots=True)
class Blind:
    """A blind-corner cabinet's corner side, its blind width and its filler's width, mm."""

    side: str
    blind_mm: float
    filler_mm: float

    def divider_x(self, f: Frame) -> float:
        """The centre line of the divider between the door's part and the blind part."""
        reach = self.blind_mm + self.filler_mm
        return f.width - reach if self.side == RIGHT else reach


def blind_of(spec: Cabinet, template: ModuleTemplate) -> Blind:
    """The cabinet's blind side and widths, from its options or the template's defaults."""

    def option(name: str) -> str | int:
        value = spec.options.get(name)
        return template.option_default(name) if value is None else value

    return Blind(
        side=str(option("blind_side")),
        blind_mm=float(option("blind_mm")),
        filler_mm=float(option("filler_mm")),
    )


def blind_interior(template: ModuleTemplate, f: Frame, blind: Blind) -> Interior:
    """The door's part with the template's default sections (one per door, as a straight
    cabinet of that width has them), then the blind section: its clear width puts the
    divider's centre line at ``Blind.divider_x``; it has no door and the template's items."""
    inner_h = f.zt - f.zb
    blind_w = blind.blind_mm + blind.filler_mm - 1.5 * f.t
    open_w = f.width - 3 * f.t - blind_w
    r, g = f.k.front_reveal_mm, f.k.door_gap_mm
    doors = door_count(f.width - blind.blind_mm - blind.filler_mm - r - g / 2, f.k)
    count = 1 if doors <= 2 else doors
    door_part = default_interior(template, inner_w=open_w, inner_h=inner_h, t=f.t, count=count)
    items = default_interior(template, inner_w=blind_w, inner_h=inner_h, t=f.t).sections[0].items
    blind_section = Section(width_mm=blind_w, items=items, doors=0)
    sections = door_part.sections
    return Interior(
        sections=(*sections, blind_section) if blind.side == RIGHT else (blind_section, *sections)
    )


def build_blind_fronts(job: Job, blind: Blind) -> None:
    """The filler strip beside the door and the blind panel over the part behind the
    neighbour, both front boards flush with the door."""
    f = job.f
    r, g = f.k.front_reveal_mm, f.k.door_gap_mm
    z0, z1 = front_zone(f, job.template.plinth)
    xd = blind.divider_x(f)
    if blind.side == RIGHT:
        filler, panel = (
            (xd + g / 2, f.width - blind.blind_mm),
            (f.width - blind.blind_mm, f.width - r),
        )
    else:
        panel, filler = (r, blind.blind_mm), (blind.blind_mm, xd - g / 2)
    for suffix, name, (x0, x1) in (
        ("FILLER", "Filler strip", filler),
        ("BLIND", "Blind panel", panel),
    ):
        job.maker.add(
            Blank(
                suffix=suffix,
                role=Role.FILLER,
                name=name,
                material=job.spec.front_material,
                box=Box((x0, 0, z0), (x1, f.tf, z1)),
                length_axis=2,
                width_axis=0,
            )
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Arms:
    """An L unit split into its two arms, each a cabinet of its own kind, and where arm B
    starts along the side wall (its overall depth is arm A's blind width)."""

    a: Cabinet
    a_template: ModuleTemplate
    b: Cabinet
    b_template: ModuleTemplate
    arm_mm: float  # the L's second arm from the corner
    b_depth: float  # arm B's overall depth: carcass and doors


_L_ONLY = ("arm_mm", "filler_mm")


def split_arms(spec: Cabinet, template: ModuleTemplate, catalog: Catalog) -> Arms:
    """Arm A: a blind-corner cabinet blind on its left by arm B's overall depth; arm B: the
    rest of ``arm_mm`` along the side wall, a straight cabinet of the same kind."""
    tf = catalog.material(spec.front_material).thickness_mm
    arm = float(spec.options.get("arm_mm", template.option_default("arm_mm")))
    filler = spec.options.get("filler_mm", template.option_default("filler_mm"))
    b_depth = spec.depth_mm + tf
    common = {k: v for k, v in spec.options.items() if k not in _L_ONLY}
    blind = {"blind_side": LEFT, "blind_mm": b_depth, "filler_mm": filler}
    return Arms(
        a=replace(spec, options={**common, **blind}),  # type: ignore[dict-item]
        a_template=replace(template, corner=CornerKind.BLIND),
        b=replace(spec, width_mm=arm - b_depth, options=common),
        b_template=replace(template, corner=CornerKind.NONE),
        arm_mm=arm,
        b_depth=b_depth,
    )


def _moved(part: Part, arm: str, box: Box, recesses: tuple[Box, ...], swap: bool) -> Part:
    stem = part.part_id.removeprefix(f"{part.cabinet_id}-")
    axes = (1, 0, 2) if swap else (0, 1, 2)
    return part._replace(
        part_id=PartId(f"{part.cabinet_id}-{arm}-{stem}"),
        box=box,
        recesses=recesses,
        length_axis=axes[part.length_axis],
        width_axis=axes[part.width_axis],
    )


def _shift(box: Box, dy: float) -> Box:
    return Box((box.lo[0], box.lo[1] + dy, box.lo[2]), (box.hi[0], box.hi[1] + dy, box.hi[2]))


def _turn(box: Box, depth: float) -> Box:
    """Arm B's frame to the L's: its back (y = depth) on the side wall (x = 0), its x along
    the L's y."""
    return Box((depth - box.hi[1], box.lo[0], box.lo[2]), (depth - box.lo[1], box.hi[0], box.hi[2]))


def join_arms(
    arms: Arms,
    a: tuple[tuple[Part, ...], tuple[HardwareLine, ...]],
    b: tuple[tuple[Part, ...], tuple[HardwareLine, ...]],
) -> tuple[tuple[Part, ...], tuple[HardwareLine, ...]]:
    """Both arms' parts in the L's frame, named ``<id>-A-...`` and ``<id>-B-...``, and their
    hardware, each line saying its arm."""
    dy = arms.b.width_mm  # arm A's front stands where arm B ends
    parts_a = tuple(
        _moved(p, "A", _shift(p.box, dy), tuple(_shift(r, dy) for r in p.recesses), False)
        for p in a[0]
    )
    d = arms.b_depth
    parts_b = tuple(
        _moved(p, "B", _turn(p.box, d), tuple(_turn(r, d) for r in p.recesses), True) for p in b[0]
    )
    hardware = tuple(h._replace(where=f"arm A: {h.where}") for h in a[1]) + tuple(
        h._replace(where=f"arm B: {h.where}") for h in b[1]
    )
    return parts_a + parts_b, hardware


def l_outline(width: float, arm: float, b_depth: float) -> tuple[tuple[float, float], ...]:
    """The L's plan outline in its frame, in the order of ``placement.footprint`` (front
    first, counter-clockwise): arm B's free end, its front, arm A's front, the walls."""
    return (
        (0.0, 0.0),
        (b_depth, 0.0),
        (b_depth, arm - b_depth),
        (width, arm - b_depth),
        (width, arm),
        (0.0, arm),
    )

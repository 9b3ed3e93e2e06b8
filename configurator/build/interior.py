"""Interior: the default interior of a template, sections and the items in them.

Positions: a shelf's ``at_mm`` is its underside above the carcass' inner bottom, a rail's is
the top of the rod; drawers stack from the bottom (``configurator.build.drawers``).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from catalog.templates import ModuleTemplate, SectionPattern
from configurator.build.boards import Blank, PartMaker
from configurator.build.carcass import join
from configurator.build.clash import Bore, bores_into_face, hole_at, meet
from configurator.build.frame import Frame, Job
from configurator.build.joinery import pin_row, share
from configurator.build.parts import Box, Drill, HardwareLine, Role
from configurator.build.problems import BuildProblem
from configurator.model.design import Cabinet, Interior, Item, ItemKind, Section
from kernel.problems import Problem
from kernel.units import ABS_TOL_MM

__all__ = [
    "SectionBox",
    "build_items",
    "check_items",
    "default_interior",
    "layout_sections",
    "system_grid",
]

RAIL_HEADROOM_MM = 40.0  # room above a rod for the hanger hooks (A11: rod top 40-60 below)
HANGING_TOP_SPACE_MM = 330.0  # storage above the hanging zone (A11: quilt space about 300)
DEFAULT_DRAWER_MM = 200
MIN_SECTION_MM = 100.0  # narrower sections cannot take a shelf, a rail or a drawer box


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionBox:
    """A section's clear space between its two boundary boards."""

    index: int  # 1-based, left to right
    x0: float
    x1: float
    left: Blank
    right: Blank
    items: tuple[Item, ...]
    doors: int | None = None  # the document's choice; None: by the section's width

    @property
    def width(self) -> float:
        """Clear inner width, mm."""
        return self.x1 - self.x0


def default_interior(
    template: ModuleTemplate, *, inner_w: float, inner_h: float, t: float, count: int = 0
) -> Interior:
    """The template's default interior for a carcass of this inner size: ``count`` sections
    (at least as many as keep each within the template's widest section)."""
    count = max(count, 1, math.ceil(inner_w / template.section_max_width_mm))
    patterns = template.default_sections
    return Interior(
        sections=tuple(
            Section(width_mm=None, items=_pattern(patterns[i % len(patterns)], inner_h, t))
            for i in range(count)
        )
    )


def _pattern(pattern: SectionPattern, inner_h: float, t: float) -> tuple[Item, ...]:
    if pattern is SectionPattern.HANGING:
        shelf_at = inner_h - t - HANGING_TOP_SPACE_MM
        if shelf_at - 60 >= 900:  # keep at least a short-garment zone under the shelf
            return (
                Item(kind=ItemKind.FIXED_SHELF, at_mm=float(round(shelf_at))),
                Item(kind=ItemKind.RAIL, at_mm=float(round(shelf_at - 60))),
            )
        return (Item(kind=ItemKind.RAIL, at_mm=float(round(inner_h - 60))),)
    if pattern is SectionPattern.SHELVES:
        count = max(2, round(inner_h / 350)) - 1
        return tuple(
            Item(kind=ItemKind.SHELF, at_mm=float(round(i * inner_h / (count + 1) - t / 2)))
            for i in range(1, count + 1)
        )
    if pattern is SectionPattern.DRAWERS:
        return tuple(
            Item(kind=ItemKind.DRAWER) for _ in range(max(1, min(6, round(inner_h / 200))))
        )
    return ()


def layout_sections(
    f: Frame, interior: Interior, *, path: str
) -> tuple[list[float], list[tuple[float, float]], list[Problem]]:
    """Divider positions (left faces) and each section's clear x range.

    Sections without a width share the rest so that, where overlay fronts stand in front of
    them, their fronts come out equally wide: an end section's front reaches over the side
    (to the reveal), a middle one's only to the dividers' centre lines.
    """
    widths = share(
        f.width - 2 * f.t,
        [s.width_mm for s in interior.sections],
        gap=f.t,
        margins=_front_margins(f, len(interior.sections)) if f.front_depth > 0 else None,
    )
    if widths is None:
        return (
            [],
            [],
            [
                Problem.of(
                    BuildProblem.INTERIOR_WIDTH_MISMATCH,
                    f"{path}.sections",
                    inner_width_mm=f.width - 2 * f.t,
                    divider_mm=f.t,
                    sections=len(interior.sections),
                )
            ],
        )
    narrow = [i for i, w in enumerate(widths) if w < MIN_SECTION_MM]
    if narrow:
        return (
            [],
            [],
            [
                Problem.of(
                    BuildProblem.SECTION_TOO_NARROW,
                    f"{path}.sections[{i}].width_mm",
                    value=round(widths[i], 1),
                    min=MIN_SECTION_MM,
                )
                for i in narrow
            ],
        )
    ranges: list[tuple[float, float]] = []
    x = f.t
    for w in widths:
        ranges.append((x, x + w))
        x += w + f.t
    return [hi for _, hi in ranges[:-1]], ranges, []


def _front_margins(f: Frame, count: int) -> list[float]:
    """How much wider than its clear width each section's overlay front is."""
    outer = f.t - f.k.front_reveal_mm
    inner = (f.t - f.k.door_gap_mm) / 2
    return [
        (outer if j == 0 else inner) + (outer if j == count - 1 else inner) for j in range(count)
    ]


def check_items(f: Frame, section: Section, *, drawer_top: float, path: str) -> list[Problem]:
    """Items must lie inside the inner height and must not collide with each other."""
    problems: list[Problem] = []
    inner_h = f.zt - f.zb
    spans: list[tuple[float, float, int]] = []
    for i, item in enumerate(section.items):
        if item.kind is ItemKind.DRAWER or item.at_mm is None:
            continue
        lo, hi = _span(f, item)
        if lo < 0 or hi > inner_h:
            problems.append(
                Problem.of(
                    BuildProblem.ITEM_OUT_OF_RANGE,
                    f"{path}.items[{i}].at_mm",
                    value=item.at_mm,
                    min=max(0.0, item.at_mm - lo),
                    max=inner_h - (hi - item.at_mm),
                )
            )
        spans.append((lo, hi, i))
    if drawer_top > 0:
        spans.append((0.0, drawer_top, -1))
    spans.sort()
    for (_, hi_a, a), (lo_b, _, b) in itertools.pairwise(spans):
        if lo_b < hi_a - ABS_TOL_MM:  # touching is fine; overlapping is a collision
            first, second = sorted((a, b))
            problems.append(
                Problem.of(
                    BuildProblem.ITEMS_COLLIDE,
                    f"{path}.items[{second}]",
                    other="drawers" if first < 0 else f"items[{first}]",
                )
            )
    return problems


def _span(f: Frame, item: Item) -> tuple[float, float]:
    at = item.at_mm or 0.0
    if item.kind is ItemKind.RAIL:
        return at - f.k.rail_diameter_mm, at + RAIL_HEADROOM_MM
    return at, at + f.t


def build_items(job: Job, s: SectionBox, *, pins_from: float) -> list[HardwareLine]:
    """Shelves, fixed shelves and rails of one section, with shelf-pin rows."""
    f, spec, maker = job.f, job.spec, job.maker
    hardware: list[HardwareLine] = []
    counts = {ItemKind.SHELF: 0, ItemKind.FIXED_SHELF: 0, ItemKind.RAIL: 0}
    for item in s.items:
        if item.kind is ItemKind.DRAWER or item.at_mm is None:
            continue
        counts[item.kind] += 1
        n = counts[item.kind]
        z = f.zb + item.at_mm
        if item.kind is ItemKind.RAIL:
            hardware += _rail(f, spec, s, n)
        elif item.kind is ItemKind.FIXED_SHELF:
            shelf = maker.add(
                Blank(
                    suffix=f"S{s.index}-FIXED{n}",
                    role=Role.FIXED_SHELF,
                    name=f"Fixed shelf {n}, section {s.index}",
                    material=spec.carcass_material,
                    box=Box((s.x0, f.interior_y0, z), (s.x1, f.back_y0, z + f.t)),
                    length_axis=0,
                    width_axis=1,
                )
            )
            hardware += join(maker, f, end=shelf, face=s.left, toward=1)
            hardware += join(maker, f, end=shelf, face=s.right, toward=-1)
        else:
            c = f.k.shelf_clearance_mm
            maker.add(
                Blank(
                    suffix=f"S{s.index}-SHELF{n}",
                    role=Role.SHELF,
                    name=f"Shelf {n}, section {s.index}",
                    material=spec.carcass_material,
                    box=Box(
                        (s.x0 + c, f.interior_y0 + f.k.shelf_setback_mm, z),
                        (s.x1 - c, f.back_y0 - c, z + f.t),
                    ),
                    length_axis=0,
                    width_axis=1,
                )
            )
            hardware.append(
                HardwareLine(
                    cabinet_id=spec.id,
                    code=f.k.shelf_support,
                    quantity=4,
                    where=f"shelf {n}, section {s.index}",
                )
            )
    if counts[ItemKind.SHELF]:
        _pin_rows(f, s, maker, z_from=pins_from)
    return hardware


def system_grid(f: Frame) -> list[float]:
    """Heights of the 32 mm system holes on a side or divider, shared by shelf pins and
    hinge plates so that their holes coincide instead of nearly touching."""
    pitch = f.k.system_pitch_mm
    return pin_row(f.zb, f.zt, pitch=pitch, margin=pitch)


def _rail(f: Frame, spec: Cabinet, s: SectionBox, n: int) -> list[HardwareLine]:
    where = f"rail {n}, section {s.index}"
    return [
        HardwareLine(
            cabinet_id=spec.id, code=f.k.rail, quantity=1, where=where, length_mm=s.width - 2
        ),
        HardwareLine(cabinet_id=spec.id, code=f.k.rail_support, quantity=2, where=where),
    ]


def _pin_rows(f: Frame, s: SectionBox, maker: PartMaker, *, z_from: float) -> None:
    """Two rows of Ø5 system holes on both boards facing the section (A7).

    A divider is drilled from both faces, so the rows on its right face stand half a pitch
    further back than those on its left face and the holes never meet.
    """
    k = f.k
    zs = [z for z in system_grid(f) if z >= z_from + k.system_pitch_mm]
    front = f.interior_y0 + k.system_row_setback_mm
    back = f.back_y0 - k.system_row_setback_mm
    tool = Drill(k.system_hole_diameter_mm, k.system_hole_depth_mm, item=k.shelf_support)
    for board, toward, x in ((s.left, 1, s.x0), (s.right, -1, s.x1)):
        shift = k.system_pitch_mm / 2 if board.role is Role.DIVIDER and toward > 0 else 0.0
        for y in (front + shift, back - shift):
            for run in _clear_runs(maker, board, zs, at=(x, y), toward=toward, tool=tool):
                maker.drill(
                    board,
                    (x, y, run[0]),
                    toward=toward,
                    tool=tool,
                    repeat=len(run),
                    pitch=k.system_pitch_mm,
                )


def _clear_runs(
    maker: PartMaker,
    board: Blank,
    zs: list[float],
    *,
    at: tuple[float, float],
    toward: int,
    tool: Drill,
) -> list[list[float]]:
    """The heights ``zs`` of a row at ``at`` (x, y) on ``board`` less those whose hole would cut
    into a bore already there (a divider's cam housings at its ends, a fixed shelf's connector
    bolts), as runs of consecutive holes: the row has a gap where the bore is."""
    if not zs:
        return []
    thick = board.box.size(board.thickness_axis)
    first = hole_at(board, (*at, zs[0]), toward=toward, tool=tool)
    pitch = zs[1] - zs[0] if len(zs) > 1 else 1.0  # consecutive holes of the 32 mm grid

    def hole(n: int) -> Bore:  # the row's n-th hole (no ``_replace``: it costs three times)
        return Bore(first.face, first.u + n * pitch, first.v, first.diameter_mm, first.depth_mm)

    blocked: set[int] = set()
    for op in maker.ops.get(board.suffix, ()):
        if abs(op.v - first.v) >= (op.diameter_mm + tool.diameter_mm) / 2:
            continue  # too far across the row's line to reach any of its holes
        if not bores_into_face(op):
            continue
        for u, v in op.positions():
            bore = Bore(op.face, u, v, op.diameter_mm, op.depth_mm)
            nearest = round((u - first.u) / pitch)
            blocked.update(
                n
                for n in (nearest - 1, nearest, nearest + 1)
                if 0 <= n < len(zs) and meet(bore, hole(n), thick, row=True)
            )
    runs: list[list[float]] = []
    for i, z in enumerate(zs):
        if i in blocked:
            continue
        if i == 0 or i - 1 in blocked:
            runs.append([])
        runs[-1].append(z)
    return runs

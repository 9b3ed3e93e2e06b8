"""Drawers: front, five-part box and runner pair, stacked from the bottom of a section.

Overlay drawers (drawer units) have fronts in front of the carcass and share the front
height when their ``height_mm`` is null; internal drawers (behind doors) have inset fronts set
back ``inner_drawer_setback_mm`` and a null height means ``DEFAULT_DRAWER_MM``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from catalog.catalog import Catalog
from catalog.hardware import HardwareKind
from configurator.build.boards import Blank
from configurator.build.clash import bores_near, clear_of
from configurator.build.frame import Frame, Job
from configurator.build.interior import DEFAULT_DRAWER_MM, SectionBox
from configurator.build.parts import Box, Drill, HardwareLine, Role
from configurator.build.problems import BuildProblem
from configurator.model.design import ItemKind
from kernel.ids import HardwareCode, MaterialCode
from kernel.problems import Param, Problem
from kernel.units import ABS_TOL_MM

__all__ = ["DrawerSlot", "build_drawers", "plan_drawers"]

MIN_BOX_HEIGHT_MM = 60.0
BOX_BOTTOM_CLEARANCE_MM = 15.0  # A10: 15 below the bottom drawer
BOX_TOP_DROP_MM = 35.0


@dataclass(frozen=True, slots=True, kw_only=True)
class DrawerSlot:
    """Where one drawer goes: its front's bottom, height and x range; its box and runner."""

    z0: float
    height: float
    box_bottom: float
    box_top: float
    runner: HardwareCode
    runner_mm: float


def _problem(path: str, **params: Param) -> Problem:
    return Problem.of(BuildProblem.DRAWER_FIT, path, **params)


def _heights(s: SectionBox, *, overlay: bool, front_h: float, gap: float) -> list[float]:
    given = [i.height_mm for i in s.items if i.kind is ItemKind.DRAWER]
    all_drawers = len(given) == len(s.items)
    open_count = sum(1 for h in given if h is None)
    if overlay and all_drawers and open_count:
        free = front_h - sum(h for h in given if h is not None) - gap * (len(given) - 1)
        shared = free / open_count
        return [h if h is not None else shared for h in given]
    return [h if h is not None else float(DEFAULT_DRAWER_MM) for h in given]


def plan_drawers(
    f: Frame,
    s: SectionBox,
    catalog: Catalog,
    *,
    overlay: bool,
    zone: tuple[float, float],
    path: str,
) -> tuple[list[DrawerSlot], list[Problem]]:
    """Stack the section's drawers; problems when they do not fit."""
    k = f.k
    gap = k.drawer_gap_mm
    heights = _heights(s, overlay=overlay, front_h=zone[1] - zone[0], gap=gap)
    box_front = (f.y0 + 2) if overlay else (f.interior_y0 + k.inner_drawer_setback_mm + f.tf + 2)
    free_depth = f.back_y0 - box_front - k.runner_rear_clearance_mm
    runner = catalog.runner_for(free_depth)
    indices = [i for i, it in enumerate(s.items) if it.kind is ItemKind.DRAWER]
    slots: list[DrawerSlot] = []
    problems: list[Problem] = []
    z = zone[0] if overlay else f.zb + gap
    top_limit = zone[1] if overlay else f.zt
    for index, height in zip(indices, heights, strict=True):
        item_path = f"{path}.items[{index}]"
        bottom = max(z + BOX_BOTTOM_CLEARANCE_MM, f.zb + 3)
        top = z + height - BOX_TOP_DROP_MM
        if top - bottom < MIN_BOX_HEIGHT_MM:
            problems.append(
                _problem(
                    f"{item_path}.height_mm",
                    reason="too_low",
                    value=round(height, 1),
                    min=round(height + MIN_BOX_HEIGHT_MM - (top - bottom), 1),
                )
            )
        if z + height > top_limit + ABS_TOL_MM:
            problems.append(
                _problem(
                    item_path,
                    reason="stack_too_tall",
                    top_mm=round(z + height - f.zb, 1),
                    max_mm=round(top_limit - f.zb, 1),
                    excess_mm=round(z + height - top_limit, 1),
                )
            )
        if runner is None:
            shortest = catalog.items_of(HardwareKind.RUNNER)[0].size_mm or 0.0
            problems.append(
                _problem(
                    item_path,
                    reason="too_shallow",
                    depth_mm=round(free_depth, 1),
                    need_mm=math.ceil(f.depth + shortest - free_depth),
                )
            )
        else:
            slots.append(
                DrawerSlot(
                    z0=z,
                    height=height,
                    box_bottom=bottom,
                    box_top=top,
                    runner=runner.code,
                    runner_mm=runner.size_mm or 0.0,
                )
            )
        z += height + gap
    return slots, problems


def build_drawers(
    job: Job,
    s: SectionBox,
    *,
    slots: list[DrawerSlot],
    span: tuple[float, float] | None,
    handle: HardwareCode | None,
    handle_mm: float,
) -> list[HardwareLine]:
    """Parts, holes and hardware of a section's drawers. ``span``: overlay front x range,
    ``None`` for internal drawers."""
    f, k, spec = job.f, job.f.k, job.spec
    hardware: list[HardwareLine] = []
    for n, slot in enumerate(slots, start=1):
        if span is not None:
            fx0, fx1, fy = span[0], span[1], 0.0
        else:
            fx0, fx1, fy = s.x0 + 3, s.x1 - 3, f.interior_y0 + k.inner_drawer_setback_mm
        front = job.maker.add(
            Blank(
                suffix=f"S{s.index}-DRW{n}-FRONT",
                role=Role.DRAWER_FRONT,
                name=f"Front, {_label(s, n)}",
                material=spec.front_material,
                box=Box((fx0, fy, slot.z0), (fx1, fy + f.tf, slot.z0 + slot.height)),
                length_axis=0,
                width_axis=2,
            )
        )
        _box(job, s, slot, n, y0=fy + f.tf + 2)
        if span is not None and handle is not None:
            zc = slot.z0 + slot.height / 2
            for dx in (-handle_mm / 2, handle_mm / 2):
                job.maker.drill(
                    front,
                    ((fx0 + fx1) / 2 + dx, f.tf, zc),
                    toward=1,
                    tool=Drill(5, f.tf, item=handle),
                )
            hardware.append(
                HardwareLine(cabinet_id=spec.id, code=handle, quantity=1, where=_label(s, n))
            )
        hardware.append(
            HardwareLine(cabinet_id=spec.id, code=slot.runner, quantity=1, where=_label(s, n))
        )
    return hardware


def _label(s: SectionBox, n: int) -> str:
    return f"drawer {n}, section {s.index}"


def _box(job: Job, s: SectionBox, slot: DrawerSlot, n: int, *, y0: float) -> None:
    """The five-part box behind a drawer front, and its runner holes in the carcass."""
    k, maker = job.f.k, job.maker
    tag, name = f"S{s.index}-DRW{n}", _label(s, n)
    tb = job.catalog.material(k.drawer_box_material).thickness_mm
    bt = job.catalog.material(k.drawer_bottom_material).thickness_mm
    x0, x1 = s.x0 + k.runner_side_clearance_mm, s.x1 - k.runner_side_clearance_mm
    y1 = y0 + slot.runner_mm - 10
    b, top = slot.box_bottom, slot.box_top
    box_mat = MaterialCode(k.drawer_box_material)
    pieces = (
        ("SIDE-L", Role.DRAWER_SIDE, "Left box side", Box((x0, y0, b + bt), (x0 + tb, y1, top)), 1),
        (
            "SIDE-R",
            Role.DRAWER_SIDE,
            "Right box side",
            Box((x1 - tb, y0, b + bt), (x1, y1, top)),
            1,
        ),
        (
            "END-F",
            Role.DRAWER_END,
            "Box front",
            Box((x0 + tb, y0, b + bt), (x1 - tb, y0 + tb, top)),
            0,
        ),
        (
            "END-B",
            Role.DRAWER_END,
            "Box back",
            Box((x0 + tb, y1 - tb, b + bt), (x1 - tb, y1, top)),
            0,
        ),
    )
    for suffix, role, label, box, length_axis in pieces:
        maker.add(
            Blank(
                suffix=f"{tag}-{suffix}",
                role=role,
                name=f"{label}, {name}",
                material=box_mat,
                box=box,
                length_axis=length_axis,
                width_axis=2,
            )
        )
    maker.add(
        Blank(
            suffix=f"{tag}-BOTTOM",
            role=Role.DRAWER_BOTTOM,
            name=f"Box bottom, {name}",
            material=MaterialCode(k.drawer_bottom_material),
            box=Box((x0, y0, b), (x1, y1, b + bt)),
            length_axis=0,
            width_axis=1,
        )
    )
    steps = max(0, int((slot.runner_mm - 2 * k.system_row_setback_mm) // k.system_pitch_mm))
    tool = Drill(k.system_hole_diameter_mm, k.system_hole_depth_mm, item=slot.runner)
    z = b + 20
    for board, toward, x in ((s.left, 1, s.x0), (s.right, -1, s.x1)):
        # a divider drilled from both faces: its right face's holes half a pitch further back
        shift = k.system_pitch_mm / 2 if board.role is Role.DIVIDER and toward > 0 else 0.0
        front = y0 + k.system_row_setback_mm + shift
        near = bores_near(maker, board, (x, front, z), reach=tool.diameter_mm)
        for step in sorted({0, steps // 2, steps}):
            # a screw may take the next hole along if a bore is in its way (a cam housing of
            # a divider standing on the bottom, 34 mm above it)
            tries = [n for n in (step, step + 1, step - 1) if 0 <= n <= steps]
            ys = [front + n * k.system_pitch_mm for n in tries]
            clear = [y for y in ys if clear_of(near, board, (x, y, z), toward=toward, tool=tool)]
            maker.drill(board, (x, (clear or ys)[0], z), toward=toward, tool=tool)

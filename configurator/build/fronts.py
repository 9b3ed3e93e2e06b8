"""Fronts: hinged doors with hinges and handles, sliding doors in their track, front spans.

Full-overlay fronts stand in front of the carcass (y in [0, tf]), ``front_reveal_mm`` in from
its outer edges and ``door_gap_mm`` apart; over a divider two fronts meet at its centre line.
"""

from __future__ import annotations

import math

from catalog.catalog import Catalog
from catalog.construction import Construction
from catalog.templates import PlinthKind
from configurator.build.boards import Blank
from configurator.build.frame import Frame, Job
from configurator.build.interior import SectionBox, system_grid
from configurator.build.joinery import hinge_count, spread
from configurator.build.parts import Box, Drill, HardwareLine, OpKind, Role
from configurator.model.design import Cabinet
from kernel.ids import HardwareCode

__all__ = [
    "build_hinged_doors",
    "build_sliding_doors",
    "door_count",
    "door_sections",
    "front_span",
    "front_zone",
    "handle_of",
]

HANDLE_EDGE_MM = 40.0  # handle holes from the door's opening edge
HANDLE_HEIGHT_MM = 1050.0  # handle centre above the floor where the door allows


def front_zone(f: Frame, plinth: PlinthKind) -> tuple[float, float]:
    """Bottom and top of the overlay fronts."""
    r = f.k.front_reveal_mm
    return (f.plinth if plinth is not PlinthKind.NONE else 0.0) + r, f.height - r


def front_span(f: Frame, s: SectionBox, *, first: bool, last: bool) -> tuple[float, float]:
    """x range of the fronts over section ``s``: to the outer edge or the divider's centre."""
    r, g = f.k.front_reveal_mm, f.k.door_gap_mm
    x0 = r if first else s.x0 - f.t / 2 + g / 2
    x1 = f.width - r if last else s.x1 + f.t / 2 - g / 2
    return x0, x1


def door_count(front_mm: float, k: Construction) -> int:
    """Fewest equal doors, ``door_gap_mm`` apart, that cover ``front_mm`` with none wider
    than ``max_door_width_mm`` (A8).

    Examples
    --------
    >>> from types import SimpleNamespace as K
    >>> k = K(max_door_width_mm=600, door_gap_mm=3)
    >>> door_count(597, k), door_count(1203, k), door_count(1204, k)  # type: ignore[arg-type]
    (1, 2, 3)
    """
    return max(1, math.ceil((front_mm + k.door_gap_mm) / (k.max_door_width_mm + k.door_gap_mm)))


def door_sections(f: Frame) -> int:
    """Sections of a hinged cabinet's default interior: one per door, so that every door is
    hinged on a side or a divider and all come out equally wide; a pair of doors shares one
    section only where the cabinet has just two doors and its inner width is one section
    (``default_interior`` adds sections for the template's widest shelf span).

    The count never falls as the cabinet gets wider: the door count does not, and a pair
    shares a section only below the width at which a third door appears.
    """
    doors = door_count(f.width - 2 * f.k.front_reveal_mm, f.k)
    return 1 if doors <= 2 else doors


def handle_of(spec: Cabinet, catalog: Catalog) -> HardwareCode | None:
    """The handle the cabinet's fronts get, or ``None``."""
    code = spec.options.get("handle")
    template = catalog.template(spec.template)
    if code is None and "handle" in template.options:
        code = template.option_default("handle")
    return None if code in (None, "none") else HardwareCode(str(code))


def build_hinged_doors(
    job: Job, spans: list[tuple[SectionBox, float, float]], z_range: tuple[float, float]
) -> list[HardwareLine]:
    """One or two doors per section (as the section says, else by its width); each hinged on
    a side or divider of its section, a pair on both."""
    f, spec = job.f, job.spec
    hardware: list[HardwareLine] = []
    g = f.k.door_gap_mm
    handle = handle_of(spec, job.catalog)
    hinge_side = str(spec.options.get("hinge_side", "left"))
    number = 0
    for s, x0, x1 in spans:
        count = s.doors if s.doors is not None else min(2, door_count(x1 - x0, f.k))
        if count == 0:
            continue
        width = (x1 - x0 - (count - 1) * g) / count
        for i in range(count):
            number += 1
            left_hinged = (i == 0) if count == 2 else hinge_side == "left"
            dx0 = x0 + i * (width + g)
            door = job.maker.add(
                Blank(
                    suffix=f"DOOR{number}",
                    role=Role.DOOR,
                    name=f"Door {number}",
                    material=spec.front_material,
                    box=Box((dx0, 0, z_range[0]), (dx0 + width, f.tf, z_range[1])),
                    length_axis=2,
                    width_axis=0,
                )
            )
            hardware += _hinges(job, door, s, left_hinged=left_hinged)
            if handle:
                _handle_holes(job, door, handle, left_hinged=left_hinged)
                hardware.append(
                    HardwareLine(
                        cabinet_id=spec.id, code=handle, quantity=1, where=door.name.lower()
                    )
                )
    return hardware


def _hinges(job: Job, door: Blank, s: SectionBox, *, left_hinged: bool) -> list[HardwareLine]:
    f, k = job.f, job.f.k
    z0, z1 = door.box.lo[2], door.box.hi[2]
    width = door.box.size(0)
    weight = job.catalog.material(job.spec.front_material).weight_kg(z1 - z0, width)
    count = hinge_count(z1 - z0, weight, width)
    board, toward = (s.left, 1) if left_hinged else (s.right, -1)
    face_x = s.x0 if left_hinged else s.x1
    # Plates sit on the 32 mm grid; on a divider's right face half a pitch higher, so that
    # plates drilled from its two faces never meet inside the board.
    grid = system_grid(f)
    shift = k.system_pitch_mm / 2 if board.role is Role.DIVIDER and toward > 0 else 0.0
    ends = spread(count, z0 + k.hinge_end_offset_mm, z1 - k.hinge_end_offset_mm)
    centres = sorted({_snap(z, grid, k.system_pitch_mm) + shift for z in ends})
    cup_x = (
        door.box.lo[0] + k.hinge_cup_centre_mm
        if left_hinged
        else door.box.hi[0] - k.hinge_cup_centre_mm
    )
    for zc in centres:
        job.maker.drill(
            door,
            (cup_x, f.tf, zc),
            toward=1,
            tool=Drill(k.hinge_cup_diameter_mm, k.hinge_cup_depth_mm, OpKind.CUP),
        )
        for dz in (-k.system_pitch_mm / 2, k.system_pitch_mm / 2):
            job.maker.drill(
                board,
                (face_x, f.y0 + k.system_row_setback_mm, zc + dz),
                toward=toward,
                tool=Drill(k.system_hole_diameter_mm, k.system_hole_depth_mm),
            )
    where, cabinet = door.name.lower(), job.spec.id
    return [
        HardwareLine(cabinet_id=cabinet, code=k.hinge, quantity=len(centres), where=where),
        HardwareLine(cabinet_id=cabinet, code=k.hinge_plate, quantity=len(centres), where=where),
    ]


def _snap(z: float, grid: list[float], pitch: float) -> float:
    """The plate centre (half a pitch above a grid hole) on the grid nearest ``z``."""
    if len(grid) < 2:
        return z
    steps = round((z - grid[0] - pitch / 2) / pitch)
    steps = min(max(steps, 0), len(grid) - 2)
    return grid[0] + pitch / 2 + steps * pitch


def _handle_holes(job: Job, door: Blank, handle: HardwareCode, *, left_hinged: bool) -> None:
    centres = job.catalog.item(handle).size_mm or 0.0
    z0, z1 = door.box.lo[2], door.box.hi[2]
    low, high = z0 + centres / 2 + 60, z1 - centres / 2 - 60
    zc = min(max(HANDLE_HEIGHT_MM, low), high) if low <= high else (z0 + z1) / 2
    x = door.box.hi[0] - HANDLE_EDGE_MM if left_hinged else door.box.lo[0] + HANDLE_EDGE_MM
    for dz in (-centres / 2, centres / 2):
        job.maker.drill(door, (x, job.f.tf, zc + dz), toward=1, tool=Drill(5, job.f.tf))


def build_sliding_doors(job: Job) -> list[HardwareLine]:
    """Leaves in two track lanes inside the carcass front, overlapping by the overlap (A9)."""
    f, k, spec = job.f, job.f.k, job.spec
    inner_w = f.width - 2 * f.t
    count = int(spec.options.get("door_count", 2 if f.width <= 2000 else 3))
    width = (inner_w + k.sliding_overlap_mm * (count - 1)) / count
    z0 = f.zb + k.sliding_height_deduction_mm / 2
    z1 = f.zt - k.sliding_height_deduction_mm / 2
    lane_gap = 12.0
    for i in range(count):
        y = f.y0 + 20 + (i % 2) * (f.tf + lane_gap)
        x = f.t + i * (width - k.sliding_overlap_mm)
        job.maker.add(
            Blank(
                suffix=f"DOOR{i + 1}",
                role=Role.DOOR,
                name=f"Sliding door {i + 1}",
                material=spec.front_material,
                box=Box((x, y, z0), (x + width, y + f.tf, z1)),
                length_axis=2,
                width_axis=0,
            )
        )
    return [
        HardwareLine(
            cabinet_id=spec.id,
            code=k.sliding_track,
            quantity=1,
            where="sliding doors",
            length_mm=inner_w,
        ),
        HardwareLine(
            cabinet_id=spec.id, code=k.sliding_roller, quantity=count, where="sliding doors"
        ),
    ]

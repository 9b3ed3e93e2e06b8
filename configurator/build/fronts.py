"""Fronts: hinged doors with hinges and handles, sliding doors in their track, front spans.

Full-overlay fronts stand in front of the carcass (y in [0, tf]), ``front_reveal_mm`` in from
its outer edges and ``door_gap_mm`` apart; over a divider two fronts meet at its centre line.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from catalog.catalog import Catalog
from catalog.construction import Construction
from catalog.fronts import FrontStyle
from catalog.templates import PlinthKind
from configurator.build.boards import Blank
from configurator.build.carcass import dowel_end
from configurator.build.frame import Frame, Job
from configurator.build.interior import SectionBox, system_grid
from configurator.build.joinery import fixing_positions, hinge_count, spread
from configurator.build.parts import (
    Box,
    Drill,
    Face,
    HardwareLine,
    Operation,
    OpKind,
    Part,
    Role,
)
from configurator.model.design import Cabinet
from kernel.ids import HardwareCode

__all__ = [
    "DOOR_ROLES",
    "Leaf",
    "build_hinged_doors",
    "build_sliding_doors",
    "door_count",
    "door_leaves",
    "door_sections",
    "front_span",
    "front_style_of",
    "front_zone",
    "handle_of",
    "sliding_count",
    "sliding_leaf_width",
]

DOOR_ROLES = frozenset({Role.DOOR, Role.DOOR_STILE, Role.DOOR_RAIL, Role.DOOR_INFILL})
PUSH = "push"  # the handle option's push-to-open choice
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


def _option(spec: Cabinet, catalog: Catalog, name: str) -> str | None:
    code = spec.options.get(name)
    template = catalog.template(spec.template)
    if code is None and name in template.options:
        code = template.option_default(name)
    return None if code is None else str(code)


def handle_of(spec: Cabinet, catalog: Catalog) -> HardwareCode | None:
    """The handle the cabinet's fronts get, or ``None`` (none, or push-to-open)."""
    code = _option(spec, catalog, "handle")
    return None if code in (None, "none", PUSH) else HardwareCode(str(code))


def pushes(spec: Cabinet, catalog: Catalog) -> bool:
    """Whether the cabinet's doors open by a push (a latch per door, no handle)."""
    return _option(spec, catalog, "handle") == PUSH


def front_style_of(spec: Cabinet, catalog: Catalog) -> FrontStyle:
    """The style of the cabinet's doors (``plain`` unless its template offers others)."""
    return catalog.front_style(_option(spec, catalog, "door_style") or "plain")


class Leaf(NamedTuple):
    """One door leaf: its outline box and its parts (one board, or a frame and infill)."""

    key: str  # the door's part-id stem, ``W1-DOOR2``
    box: Box
    parts: tuple[Part, ...]

    @property
    def width_mm(self) -> float:
        """The leaf's width across its face (along x, or along y for an L unit's second arm:
        the axis across the board that is not its height)."""
        return self.box.size(1 - self.parts[0].thickness_axis)

    def weight_kg(self, catalog: Catalog) -> float:
        """What the leaf weighs: every part's board."""
        return sum(
            catalog.material(p.material).weight_kg(p.length_mm, p.width_mm) for p in self.parts
        )


_LEAF = re.compile(r"^(.*-DOOR\d+)(?:-|$)")


def door_leaves(parts: tuple[Part, ...]) -> list[Leaf]:
    """The door leaves among ``parts``, grouped by their part-id stem, in order."""
    grouped: dict[str, list[Part]] = {}
    for part in parts:
        m = _LEAF.match(part.part_id) if part.role in DOOR_ROLES else None
        if m is not None:
            grouped.setdefault(m.group(1), []).append(part)
    leaves = []
    for key, members in grouped.items():
        lo = tuple(min(p.box.lo[i] for p in members) for i in range(3))
        hi = tuple(max(p.box.hi[i] for p in members) for i in range(3))
        leaves.append(Leaf(key, Box((lo[0], lo[1], lo[2]), (hi[0], hi[1], hi[2])), tuple(members)))
    return leaves


def _make_leaf(
    job: Job, *, number: int, name: str, box: Box, style: FrontStyle
) -> tuple[Blank, Blank, list[HardwareLine]]:
    """Add a door leaf filling ``box`` (thickness along y); its left and right uprights,
    where hinge cups and handle holes go (both the one board of a plain door), and the
    hardware of its frame's corners."""
    maker, material = job.maker, job.spec.front_material
    suffix = f"DOOR{number}"
    if not style.framed or style.infill is None:
        door = maker.add(
            Blank(
                suffix=suffix,
                role=Role.DOOR,
                name=name,
                material=material,
                box=box,
                length_axis=2,
                width_axis=0,
            )
        )
        return door, door, []
    (x0, y0, z0), (x1, y1, z1) = box.lo, box.hi
    fw, gd = style.frame_mm, style.groove_mm
    ti = job.catalog.material(style.infill).thickness_mm
    yc = (y0 + y1) / 2
    ya, yb = yc - ti / 2, yc + ti / 2

    # (tag, role, label, box, groove recess, edge with the groove); stiles run the full
    # height along z, rails between them along x
    pieces = (
        ("STL", Role.DOOR_STILE, "stile left", Box((x0, y0, z0), (x0 + fw, y1, z1)),
         Box((x0 + fw - gd, ya, z0), (x0 + fw, yb, z1)), Face.L2),
        ("STR", Role.DOOR_STILE, "stile right", Box((x1 - fw, y0, z0), (x1, y1, z1)),
         Box((x1 - fw, ya, z0), (x1 - fw + gd, yb, z1)), Face.L1),
        ("RB", Role.DOOR_RAIL, "rail bottom", Box((x0 + fw, y0, z0), (x1 - fw, y1, z0 + fw)),
         Box((x0 + fw, ya, z0 + fw - gd), (x1 - fw, yb, z0 + fw)), Face.L2),
        ("RT", Role.DOOR_RAIL, "rail top", Box((x0 + fw, y0, z1 - fw), (x1 - fw, y1, z1)),
         Box((x0 + fw, ya, z1 - fw), (x1 - fw, yb, z1 - fw + gd)), Face.L1),
    )  # fmt: skip
    made = []
    for tag, role, label, b, recess, edge in pieces:
        la, wa = (2, 0) if role is Role.DOOR_STILE else (0, 2)
        blank = maker.add(
            Blank(
                suffix=f"{suffix}-{tag}",
                role=role,
                name=f"{name} {label}",
                material=material,
                box=b,
                length_axis=la,
                width_axis=wa,
                recesses=(recess,),
            )
        )
        # an edge groove: v is the middle of its reach into the piece
        v = gd / 2 if edge is Face.L1 else b.size(wa) - gd / 2
        maker.ops[blank.suffix].append(
            Operation(
                kind=OpKind.GROOVE,
                face=edge,
                u=0.0,
                v=v,
                u_end=b.size(la),
                v_end=v,
                width_mm=ti,
                depth_mm=gd,
            )
        )
        made.append(blank)
    maker.add(
        Blank(
            suffix=f"{suffix}-IN",
            role=Role.DOOR_INFILL,
            name=f"{name} {style.code}",
            material=style.infill,
            box=Box((x0 + fw - gd, ya, z0 + fw - gd), (x1 - fw + gd, yb, z1 - fw + gd)),
            length_axis=2,
            width_axis=0,
        )
    )
    return made[0], made[1], [_corners(job, made, style, where=name.lower())]


def _corners(job: Job, frame: list[Blank], style: FrontStyle, *, where: str) -> HardwareLine:
    """Dowel each rail's ends into the stiles' inner edges (B9 spacing over the rail's width
    clear of its groove); the stile's bore passes the infill groove it starts in."""
    k, maker = job.f.k, job.maker
    left, right, bottom, top = frame
    fw, gd = style.frame_mm, style.groove_mm
    into_stile = Drill(k.dowel_diameter_mm, gd + k.dowel_face_depth_mm, item=k.dowel)
    count = 0
    for rail, z0 in ((bottom, bottom.box.lo[2]), (top, top.box.hi[2] - fw + gd)):
        zs = fixing_positions(
            z0, z0 + fw - gd, end_mm=k.dowel_end_offset_mm, max_pitch_mm=k.dowel_max_pitch_mm
        )
        for stile, side in ((left, -1), (right, 1)):
            for z in zs:
                maker.edge_hole(rail, at_end=side, v=z - rail.box.lo[2], tool=dowel_end(k))
                maker.side_hole(stile, at_side=-side, u=z - stile.box.lo[2], tool=into_stile)
            count += len(zs)
    return HardwareLine(cabinet_id=job.spec.id, code=k.dowel, quantity=count, where=where)


def build_hinged_doors(
    job: Job, spans: list[tuple[SectionBox, float, float]], z_range: tuple[float, float]
) -> list[HardwareLine]:
    """One or two doors per section (as the section says, else by its width); each hinged on
    a side or divider of its section, a pair on both."""
    f, spec = job.f, job.spec
    hardware: list[HardwareLine] = []
    g = f.k.door_gap_mm
    handle = handle_of(spec, job.catalog)
    push = pushes(spec, job.catalog)
    style = front_style_of(spec, job.catalog)
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
            box = Box((dx0, 0, z_range[0]), (dx0 + width, f.tf, z_range[1]))
            name = f"Door {number}"
            left, right, joints = _make_leaf(job, number=number, name=name, box=box, style=style)
            hardware += joints
            weight = _leaf_weight(job, box, style)
            where = name.lower()
            upright = left if left_hinged else right
            hardware += _hinges(job, _Door(upright, box, weight, where), s, left_hinged=left_hinged)
            if handle:
                _handle_holes(
                    job, right if left_hinged else left, box, handle, left_hinged=left_hinged
                )
                hardware.append(
                    HardwareLine(cabinet_id=spec.id, code=handle, quantity=1, where=where)
                )
            elif push:
                hardware.append(
                    HardwareLine(cabinet_id=spec.id, code=f.k.push_latch, quantity=1, where=where)
                )
    return hardware


def _leaf_weight(job: Job, box: Box, style: FrontStyle) -> float:
    """A leaf's weight: its board, or its frame and infill."""
    front = job.catalog.material(job.spec.front_material)
    h, w = box.size(2), box.size(0)
    if not style.framed or style.infill is None:
        return front.weight_kg(h, w)
    fw, gd = style.frame_mm, style.groove_mm
    frame = front.weight_kg(h, 2 * fw) + front.weight_kg(w - 2 * fw, 2 * fw)
    return frame + job.catalog.material(style.infill).weight_kg(
        h - 2 * fw + 2 * gd, w - 2 * fw + 2 * gd
    )


class _Door(NamedTuple):
    """A hinged leaf being built: the upright its cups go in, its outline, weight and name."""

    upright: Blank
    box: Box
    weight_kg: float
    where: str


def _hinges(job: Job, door: _Door, s: SectionBox, *, left_hinged: bool) -> list[HardwareLine]:
    f, k = job.f, job.f.k
    leaf, weight, where = door.box, door.weight_kg, door.where
    z0, z1 = leaf.lo[2], leaf.hi[2]
    width = leaf.size(0)
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
        leaf.lo[0] + k.hinge_cup_centre_mm if left_hinged else leaf.hi[0] - k.hinge_cup_centre_mm
    )
    cup = Drill(k.hinge_cup_diameter_mm, k.hinge_cup_depth_mm, OpKind.CUP, k.hinge)
    plate = Drill(k.system_hole_diameter_mm, k.system_hole_depth_mm, item=k.hinge_plate)
    for zc in centres:
        job.maker.drill(door.upright, (cup_x, f.tf, zc), toward=1, tool=cup)
        for dz in (-k.system_pitch_mm / 2, k.system_pitch_mm / 2):
            job.maker.drill(
                board, (face_x, f.y0 + k.system_row_setback_mm, zc + dz), toward=toward, tool=plate
            )
    cabinet = job.spec.id
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


def _handle_holes(
    job: Job, door: Blank, leaf: Box, handle: HardwareCode, *, left_hinged: bool
) -> None:
    centres = job.catalog.item(handle).size_mm or 0.0
    z0, z1 = leaf.lo[2], leaf.hi[2]
    low, high = z0 + centres / 2 + 60, z1 - centres / 2 - 60
    zc = min(max(HANDLE_HEIGHT_MM, low), high) if low <= high else (z0 + z1) / 2
    x = leaf.hi[0] - HANDLE_EDGE_MM if left_hinged else leaf.lo[0] + HANDLE_EDGE_MM
    for dz in (-centres / 2, centres / 2):
        job.maker.drill(
            door, (x, job.f.tf, zc + dz), toward=1, tool=Drill(5, job.f.tf, item=handle)
        )


def sliding_leaf_width(inner_w: float, count: int, k: Construction) -> float:
    """Width of each of ``count`` sliding leaves over ``inner_w``, overlapping by the
    overlap: ``(opening + overlap x (n - 1)) / n`` (A9)."""
    return (inner_w + k.sliding_overlap_mm * (count - 1)) / count


def sliding_count(inner_w: float, k: Construction) -> int:
    """The fewest leaves (at least two) none wider than ``sliding_max_door_width_mm``.

    Examples
    --------
    >>> from types import SimpleNamespace as K
    >>> k = K(sliding_overlap_mm=30, sliding_max_door_width_mm=900)
    >>> [sliding_count(w, k) for w in (964, 1770, 1771, 2640, 2641)]  # type: ignore[arg-type]
    [2, 2, 3, 3, 4]
    """
    over, widest = k.sliding_overlap_mm, k.sliding_max_door_width_mm
    return max(2, math.ceil((inner_w - over) / (widest - over) - 1e-9))


def build_sliding_doors(job: Job) -> list[HardwareLine]:
    """Leaves in two track lanes inside the carcass front, overlapping by the overlap (A9);
    as many as the cabinet's ``door_count`` option says, else the fewest that are not too
    wide (``configurator.rules.structure`` flags leaves too narrow, wide or tall)."""
    f, k, spec = job.f, job.f.k, job.spec
    inner_w = f.width - 2 * f.t
    count = int(spec.options.get("door_count", sliding_count(inner_w, k)))
    width = sliding_leaf_width(inner_w, count, k)
    z0 = f.zb + k.sliding_height_deduction_mm / 2
    z1 = f.zt - k.sliding_height_deduction_mm / 2
    lane_gap = 12.0
    style = front_style_of(spec, job.catalog)
    hardware: list[HardwareLine] = []
    for i in range(count):
        y = f.y0 + 20 + (i % 2) * (f.tf + lane_gap)
        x = f.t + i * (width - k.sliding_overlap_mm)
        hardware += _make_leaf(
            job,
            number=i + 1,
            name=f"Sliding door {i + 1}",
            box=Box((x, y, z0), (x + width, y + f.tf, z1)),
            style=style,
        )[2]
    return [
        *hardware,
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

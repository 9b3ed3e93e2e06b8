"""The carcass: sides, top, bottom, back in its grooves, plinth, dividers and their joints."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.construction import Construction
from catalog.templates import PlinthKind
from configurator.build import clash
from configurator.build.boards import Blank, JointLayout, JointTools, PartMaker
from configurator.build.clash import bores_near
from configurator.build.frame import Frame, Job
from configurator.build.joinery import (
    clear_of,
    connector_count,
    fixing_positions,
    nearest_free,
    spread,
)
from configurator.build.parts import Box, Drill, HardwareLine, Operation, OpKind, Role
from kernel.ids import MaterialCode

__all__ = ["Carcass", "build_backs", "build_carcass", "build_dividers", "dowel_end", "join"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Carcass:
    """The carcass blanks other builders attach to."""

    left: Blank
    right: Blank
    top: Blank
    bottom: Blank


def build_carcass(job: Job) -> tuple[Carcass, list[HardwareLine]]:
    """Sides, top, bottom, back and plinth, with back grooves and cam connectors."""
    f, maker, mat = job.f, job.maker, job.spec.carcass_material
    w, h, t = f.width, f.height, f.t
    side_z0 = f.plinth if job.template.plinth is PlinthKind.LEGS else 0.0
    by0, by1 = f.back_y0, f.back_y0 + f.back_t
    g = f.k.back_groove_depth_mm
    left = Blank(
        suffix="SIDE-L",
        role=Role.SIDE,
        name="Left side",
        material=mat,
        box=Box((0, f.y0, side_z0), (t, f.y1, h)),
        length_axis=2,
        width_axis=1,
        recesses=(Box((t - g, by0, side_z0), (t, by1, h)),),
    )
    right = Blank(
        suffix="SIDE-R",
        role=Role.SIDE,
        name="Right side",
        material=mat,
        box=Box((w - t, f.y0, side_z0), (w, f.y1, h)),
        length_axis=2,
        width_axis=1,
        recesses=(Box((w - t, by0, side_z0), (w - t + g, by1, h)),),
    )
    top = Blank(
        suffix="TOP",
        role=Role.TOP,
        name="Top",
        material=mat,
        box=Box((t, f.y0, h - t), (w - t, f.y1, h)),
        length_axis=0,
        width_axis=1,
        recesses=(Box((t, by0, h - t), (w - t, by1, h - t + g)),),
    )
    bottom = Blank(
        suffix="BOTTOM",
        role=Role.BOTTOM,
        name="Bottom",
        material=mat,
        box=Box((t, f.y0, f.plinth), (w - t, f.y1, f.zb)),
        length_axis=0,
        width_axis=1,
        recesses=(Box((t, by0, f.zb - g), (w - t, by1, f.zb)),),
    )
    for blank, toward in ((left, 1), (right, -1), (top, -1), (bottom, 1)):
        maker.add(blank)
        maker.groove(blank, blank.recesses[0], toward=toward)
    hardware = [
        *join(maker, f, end=top, face=left, toward=1),
        *join(maker, f, end=top, face=right, toward=-1),
        *join(maker, f, end=bottom, face=left, toward=1),
        *join(maker, f, end=bottom, face=right, toward=-1),
        *_plinth(job),
    ]
    return Carcass(left=left, right=right, top=top, bottom=bottom), hardware


def _plinth(job: Job) -> list[HardwareLine]:
    f, spec, kind = job.f, job.spec, job.template.plinth
    if kind is PlinthKind.NONE:
        return []
    y = f.y0 + f.k.plinth_setback_mm
    x0, x1 = (f.t, f.width - f.t) if kind is PlinthKind.BOARD else (0.0, f.width)
    material = spec.front_material if kind is PlinthKind.LEGS else spec.carcass_material
    job.maker.add(
        Blank(
            suffix="PLINTH",
            role=Role.PLINTH,
            name="Plinth",
            material=material,
            box=Box((x0, y, 0), (x1, y + f.t, f.plinth)),
            length_axis=0,
            width_axis=2,
        )
    )
    if kind is PlinthKind.BOARD:
        return []
    legs = 4 if f.width <= 1000 else 6
    return [
        HardwareLine(cabinet_id=spec.id, code=f.k.leg, quantity=legs, where="plinth"),
        HardwareLine(cabinet_id=spec.id, code=f.k.plinth_clip, quantity=legs // 2, where="plinth"),
    ]


CONNECTOR_INSET_MM = (50.0, 50.0)  # first and last connector from the joint's front and back
# Into a divider's B face (from the section on its left) the connectors stand elsewhere, so that
# the bolts of two fixed shelves at one height on its two sides never meet inside the board
# (12 + 12 mm deep in 18): at least a hole's width (5 mm) from those of its A face (50 mm in,
# and the middle one), and from the B face's system-hole rows (37 mm in from front and back).
DIVIDER_B_INSET_MM = (60.0, 44.0)
BOLT_HOLE_MM = 5.0  # the connector bolt's hole in the face it goes into
WEB_MM = 1.0  # board left between a bore from a divider's B face and one from its A face
EDGE_MM = 20.0  # a B-face bore's centre from the joint's ends: 16 mm of board by a dowel


def join(maker: PartMaker, f: Frame, *, end: Blank, face: Blank, toward: int) -> list[HardwareLine]:
    """Cam-connect and dowel the end of ``end`` to the face of ``face`` (which faces
    ``toward``); the hardware lines count the very bores drilled here.

    The cam housing (Ø15) is on ``end``'s inner face 34 mm from its end, the bolt hole (Ø8)
    in its end, the bolt's hole (Ø5) in ``face``. Dowels (B9: 100 mm from the ends, more
    while the pitch exceeds 300) go into ``face``'s panel face and ``end``'s end, clear of the
    connectors.
    """
    k = f.k
    y0 = max(end.box.lo[1], face.box.lo[1])
    y1 = min(end.box.hi[1], face.box.hi[1], f.back_y0)
    laid_cams, laid_dowels = _joint_layout(
        maker, k, face.role is Role.DIVIDER and toward < 0, y0, y1
    )
    housing, bolt, nut, into_face, into_end = maker.joint_tools or _joint_tools(maker, k)
    x, z = _meeting(end, face, toward)  # where ``end``'s end meets ``face``: (x, y, z) at y
    # the bores already in ``face`` near the joint, looked up once for both kinds of hole
    near = _Near(maker, face, reach=max(nut.diameter_mm, into_face.diameter_mm))
    cams = _clear_in(near, toward, (x, z), laid_cams, tool=nut)
    dowels = _clear_in(near, toward, (x, z), laid_dowels, tool=into_face)
    v0 = end.box.lo[1]  # the bores in ``end``'s end are at its v = y - v0
    for y in cams:
        maker.drill(face, (x, y, z), toward=toward, tool=nut)
        if end.length_axis == 2:  # a divider standing on the bottom or hanging from the top
            maker.drill(end, (end.box.hi[0], y, z + 34 * toward), toward=1, tool=housing)
        else:  # a top, bottom or fixed shelf between two upright boards
            inner = -1 if end.role is Role.TOP else 1
            cam_z = end.box.lo[2] if inner < 0 else end.box.hi[2]
            maker.drill(end, (x + 34 * toward, y, cam_z), toward=inner, tool=housing)
        maker.edge_hole(end, at_end=-toward, v=y - v0, tool=bolt)
    for y in dowels:
        maker.drill(face, (x, y, z), toward=toward, tool=into_face)
        maker.edge_hole(end, at_end=-toward, v=y - v0, tool=into_end)
    where = f"{end.name} to {face.name}".lower()
    return [
        HardwareLine(
            cabinet_id=maker.cabinet_id, code=k.connector, quantity=len(cams), where=where
        ),
        HardwareLine(cabinet_id=maker.cabinet_id, code=k.dowel, quantity=len(dowels), where=where),
    ]


def _joint_tools(maker: PartMaker, k: Construction) -> JointTools:
    """The joint's bores, made once per cabinet (a cabinet has dozens of joints)."""
    maker.joint_tools = JointTools(
        housing=Drill(15, 12.5, OpKind.CAM, item=k.connector),
        bolt=Drill(8, 34, item=k.connector),
        nut=Drill(BOLT_HOLE_MM, 12, item=k.connector),
        into_face=Drill(k.dowel_diameter_mm, k.dowel_face_depth_mm, item=k.dowel),
        into_end=dowel_end(k),
    )
    return maker.joint_tools


def _joint_layout(
    maker: PartMaker, k: Construction, b_face: bool, y0: float, y1: float
) -> JointLayout:
    """The layout of a joint from ``y0`` to ``y1`` (into a divider's B face or not), worked
    out once per cabinet: most of its joints share one (the carcass's four corners)."""
    layout = maker.joints.get((b_face, y0, y1))
    if layout is None:
        layout = _b_face_layout(k, y0, y1) if b_face else _layout(k, y0, y1, CONNECTOR_INSET_MM)
        maker.joints[b_face, y0, y1] = layout
    return layout


def _layout(k: Construction, y0: float, y1: float, inset: tuple[float, float]) -> JointLayout:
    """Where the connectors and the dowels of a joint from ``y0`` to ``y1`` stand."""
    count = connector_count(y1 - y0, spacing_mm=k.connector_spacing_mm)
    cams = spread(count, y0 + inset[0], y1 - inset[1])
    dowels = clear_of(
        fixing_positions(y0, y1, end_mm=k.dowel_end_offset_mm, max_pitch_mm=k.dowel_max_pitch_mm),
        cams,
        clearance=k.system_pitch_mm,
    )
    return tuple(cams), tuple(dowels)


def _b_face_layout(k: Construction, y0: float, y1: float) -> JointLayout:
    """The joint into a divider's B face, apart from the one a fixed shelf at the same height
    on its other side has in its A face (both drilled 12 mm into 18 mm), and from the hinge
    plates' and system holes' lines: the connectors at their own insets, the dowels half a
    pitch back, each moved to the nearest place clear of those (a dowel with none is left
    out: a short joint holds fewer)."""
    a_cams, a_dowels = _layout(k, y0, y1, CONNECTOR_INSET_MM)
    lines = (y0 + k.system_row_setback_mm, y1 - k.system_row_setback_mm)
    a_face = [
        *((y, BOLT_HOLE_MM) for y in a_cams),
        *((y, k.dowel_diameter_mm) for y in a_dowels),
        *((y, k.system_hole_diameter_mm) for y in lines),
    ]

    def clear(d: float) -> list[tuple[float, float]]:  # a Ø d bore's distance to each
        return [(y, (d + size) / 2 + WEB_MM) for y, size in a_face]

    own_cams, own_dowels = _layout(k, y0, y1, DIVIDER_B_INSET_MM)
    lo, hi = y0 + EDGE_MM, y1 - EDGE_MM
    moved = (nearest_free(y, clear(BOLT_HOLE_MM), lo=lo, hi=hi) for y in own_cams)
    cams = [y if at is None else at for y, at in zip(own_cams, moved, strict=True)]
    placed: list[float] = []
    for y in own_dowels:
        own = [(c, k.system_pitch_mm) for c in (*cams, *placed)]
        at = nearest_free(y + k.system_pitch_mm / 2, clear(k.dowel_diameter_mm) + own, lo=lo, hi=hi)
        if at is not None:
            placed.append(at)
    return tuple(cams), tuple(placed)


NUDGES_MM = (0, *(side * mm for mm in range(1, 17) for side in (1, -1)))


class _Near:
    """The bores in ``face`` that a hole at a height along it could cut into (``bores_near``
    with ``reach`` the widest hole to come), by height: most joints look at one height.
    A wider reach than a hole needs only adds bores that ``clash.clear_of`` then finds clear."""

    def __init__(self, maker: PartMaker, face: Blank, *, reach: float) -> None:
        self.maker, self.face, self.reach = maker, face, reach
        self.at: dict[float, list[Operation]] = {}

    def bores(self, point: tuple[float, float, float]) -> list[Operation]:
        u = point[self.face.length_axis]
        near = self.at.get(u)
        if near is None:
            near = self.at[u] = bores_near(self.maker, self.face, point, reach=self.reach)
        return near


def _clear_in(
    near: _Near,
    toward: int,
    xz: tuple[float, float],
    ys: tuple[float, ...],
    *,
    tool: Drill,
) -> list[float]:
    """``ys``, each moved the fewest whole millimetres (up to half a pitch) that keep its hole
    at (x, y, z) in ``near.face`` clear of the bores already there (a drawer runner's screws in
    the other face of a divider, drilled for the section on its other side)."""
    x, z = xz
    out = []
    for y in ys:
        bores = near.bores((x, y, z))
        if bores:  # else nothing to keep clear of (most joints)
            for mm in NUDGES_MM:
                if clash.clear_of(bores, near.face, (x, y + mm, z), toward=toward, tool=tool):
                    y += mm
                    break
        out.append(y)
    return out


def _meeting(end: Blank, face: Blank, toward: int) -> tuple[float, float]:
    """Where the middle of ``end``'s end meets ``face`` (cabinet frame): its x and z, the
    same at every depth y along the joint."""
    if end.length_axis == 2:  # standing on ``face`` or hanging from it
        z = face.box.hi[2] if toward > 0 else face.box.lo[2]
        return (end.box.lo[0] + end.box.hi[0]) / 2, z
    x = face.box.hi[0] if toward > 0 else face.box.lo[0]
    return x, (end.box.lo[2] + end.box.hi[2]) / 2


def dowel_end(k: Construction) -> Drill:
    """The bore a dowel takes in the end of the part it joins."""
    return Drill(k.dowel_diameter_mm, k.dowel_end_depth_mm, item=k.dowel)


BACK_JOINT_GAP_MM = 1.0  # between two back pieces meeting on a divider's back edge


def build_backs(job: Job, xs: list[float]) -> None:
    """One back panel per section, so that each fits a sheet: the outer pieces run into the
    sides' grooves, pieces meet on a divider's centre line and are screwed to its back edge.
    A single piece is ``BACK``; several are ``BACK1``... from the left."""
    f = job.f
    e, half = f.engagement, f.t / 2
    cuts = [x + half for x in xs]  # divider centre lines
    lefts = [f.t - e] + [c + BACK_JOINT_GAP_MM / 2 for c in cuts]
    rights = [c - BACK_JOINT_GAP_MM / 2 for c in cuts] + [f.width - f.t + e]
    for i, (x0, x1) in enumerate(zip(lefts, rights, strict=True), start=1):
        single = len(lefts) == 1
        job.maker.add(
            Blank(
                suffix="BACK" if single else f"BACK{i}",
                role=Role.BACK,
                name="Back panel" if single else f"Back panel {i}",
                material=MaterialCode(f.k.back_material),
                box=Box((x0, f.back_y0, f.zb - e), (x1, f.back_y0 + f.back_t, f.zt + e)),
                length_axis=2,
                width_axis=0,
            )
        )


def build_dividers(
    job: Job, carcass: Carcass, xs: list[float]
) -> tuple[list[Blank], list[HardwareLine]]:
    """A divider at each x (its left face), standing on the bottom under the top."""
    f, maker = job.f, job.maker
    dividers: list[Blank] = []
    hardware: list[HardwareLine] = []
    for i, x in enumerate(xs, start=1):
        d = maker.add(
            Blank(
                suffix=f"DIV{i}",
                role=Role.DIVIDER,
                name=f"Divider {i}",
                material=job.spec.carcass_material,
                box=Box((x, f.interior_y0, f.zb), (x + f.t, f.back_y0, f.zt)),
                length_axis=2,
                width_axis=1,
            )
        )
        dividers.append(d)
        hardware += join(maker, f, end=d, face=carcass.bottom, toward=1)
        hardware += join(maker, f, end=d, face=carcass.top, toward=-1)
    return dividers, hardware

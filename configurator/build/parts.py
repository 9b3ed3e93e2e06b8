"""Parts, machining operations and hardware lines: what a built cabinet is made of.

Frames. A cabinet's own frame has x from its left to its right side as seen from the front,
y from its front (y = 0 at the front face of its fronts) towards the wall, z up from the
floor; lengths in mm. A part is an axis-aligned box in that frame. Its *length* runs along
the grain axis given by its role (vertical for sides, doors, dividers and backs, along the
span for tops, bottoms, shelves, drawer fronts and plinths), its *width* along the other face
axis, its thickness along the third.

Values. Parts, operations, boxes and hardware lines are named tuples: immutable, typed, and
the cheapest values Python builds, which matters at hundreds per design.

Part coordinates. Operations are given in the part's own plane: ``u`` along the length from
the w1 end, ``v`` along the width from the l1 edge (l1 is the edge at the smaller coordinate
of the width axis: the front edge of carcass parts, the left edge of doors). Face ``A`` is the
face at the larger coordinate of the thickness axis, ``B`` the other one.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from kernel.ids import CabinetId, EdgeBandCode, HardwareCode, MaterialCode, PartId

__all__ = [
    "Box",
    "Drill",
    "Edges",
    "Face",
    "HardwareLine",
    "OpKind",
    "Operation",
    "Part",
    "Role",
]


class Role(StrEnum):
    """What a part is for; glossary names of DESIGN.md §6."""

    SIDE = "side"
    TOP = "top"
    BOTTOM = "bottom"
    BACK = "back"
    DIVIDER = "divider"
    FIXED_SHELF = "fixed_shelf"
    SHELF = "shelf"
    PLINTH = "plinth"
    DOOR = "door"
    DOOR_STILE = "door_stile"  # a framed door's upright, hinges and handle on it
    DOOR_RAIL = "door_rail"  # a framed door's cross piece between its stiles
    DOOR_INFILL = "door_infill"  # the panel, glass or mirror held in a framed door's groove
    DRAWER_FRONT = "drawer_front"
    DRAWER_SIDE = "drawer_side"
    DRAWER_END = "drawer_end"
    DRAWER_BOTTOM = "drawer_bottom"
    FILLER = "filler"
    FILLER_RETURN = "filler_return"


class OpKind(StrEnum):
    """Machining operations."""

    HOLE = "hole"  # system hole, shelf pin, runner, hinge-plate, connector bolt, handle
    CUP = "cup"  # concealed-hinge cup
    CAM = "cam"  # cam-connector housing
    GROOVE = "groove"  # back-panel groove


class Face(StrEnum):
    """Where an operation enters the part: a face (A, B) or an edge."""

    A = "A"
    B = "B"
    L1 = "L1"
    L2 = "L2"
    W1 = "W1"
    W2 = "W2"


class Box(NamedTuple):
    """Axis-aligned box in a cabinet's frame, mm: ``lo`` and ``hi`` corners (x, y, z).

    A named tuple rather than a frozen dataclass: the engine makes hundreds per design and
    tuples are the cheapest immutable value to build.
    """

    lo: tuple[float, float, float]
    hi: tuple[float, float, float]

    def size(self, axis: int) -> float:
        """Extent along ``axis`` (0 x, 1 y, 2 z)."""
        return self.hi[axis] - self.lo[axis]

    def intersection(self, other: Box) -> Box | None:
        """The common box, or ``None`` when the two do not share volume."""
        lo = tuple(max(a, b) for a, b in zip(self.lo, other.lo, strict=True))
        hi = tuple(min(a, b) for a, b in zip(self.hi, other.hi, strict=True))
        if any(h <= low for low, h in zip(lo, hi, strict=True)):
            return None
        return Box((lo[0], lo[1], lo[2]), (hi[0], hi[1], hi[2]))

    def contains(self, other: Box, tol: float) -> bool:
        """Tell whether ``other`` lies inside this box, within ``tol``."""
        return all(
            self.lo[i] - tol <= other.lo[i] and other.hi[i] <= self.hi[i] + tol for i in range(3)
        )


class Edges(NamedTuple):
    """The edge band on each edge (``None``: not banded)."""

    l1: EdgeBandCode | None = None
    l2: EdgeBandCode | None = None
    w1: EdgeBandCode | None = None
    w2: EdgeBandCode | None = None


class Drill(NamedTuple):
    """A drilling tool as an operation needs it: diameter, depth, what it makes and the
    hardware item the bore is for."""

    diameter_mm: float
    depth_mm: float
    kind: OpKind = OpKind.HOLE
    item: HardwareCode | None = None


class Operation(NamedTuple):
    """One machining operation in part coordinates (see the module docstring).

    A groove runs from (``u``, ``v``) to (``u_end``, ``v_end``) along its centre line and is
    ``width_mm`` wide; holes, cups and cams have a ``diameter_mm``. A row of equal
    holes (32 mm system) repeats every ``pitch_mm`` along ``u``: ``repeat`` holes in all.
    ``item`` is the hardware item a bore is drilled for (``None`` for a groove): every bore
    belongs to a hardware line of its cabinet (issue 11, one source of truth).
    """

    kind: OpKind
    face: Face
    u: float
    v: float
    depth_mm: float
    diameter_mm: float = 0.0
    u_end: float = 0.0
    v_end: float = 0.0
    width_mm: float = 0.0
    repeat: int = 1
    pitch_mm: float = 0.0
    item: HardwareCode | None = None

    def positions(self) -> list[tuple[float, float]]:
        """Every (u, v) this operation drills at: one, or each hole of a row."""
        return [(self.u + i * self.pitch_mm, self.v) for i in range(self.repeat)]


class Part(NamedTuple):
    """One board part, as the factory cuts it and as the 3D view shows it.

    ``length_mm``/``width_mm`` are the finished sizes (with edge band); ``cut_length_mm``/
    ``cut_width_mm`` what the saw cuts (band thickness subtracted from each banded edge).
    ``recesses`` are the volumes machined out of the part (grooves) in the cabinet frame,
    where another part may sit.
    """

    part_id: PartId
    cabinet_id: CabinetId
    role: Role
    name: str
    material: MaterialCode
    thickness_mm: float
    length_mm: float
    width_mm: float
    cut_length_mm: float
    cut_width_mm: float
    grained: bool
    edges: Edges
    box: Box
    length_axis: int
    width_axis: int
    operations: tuple[Operation, ...] = ()
    recesses: tuple[Box, ...] = ()

    @property
    def thickness_axis(self) -> int:
        """The axis through the board."""
        return 3 - self.length_axis - self.width_axis

    def banded_edges(self) -> list[tuple[EdgeBandCode, float]]:
        """The band on each banded edge with the edge's length (finished size, mm), in the
        order l1, l2 (along the length), w1, w2 (along the width)."""
        (l1, l2, w1, w2), length, width = self.edges, self.length_mm, self.width_mm
        edges = ((l1, length), (l2, length), (w1, width), (w2, width))
        return [(band, mm) for band, mm in edges if band is not None]


class HardwareLine(NamedTuple):
    """Hardware used in a cabinet: ``quantity`` of ``code``; cut-to-length items give
    ``length_mm`` per piece."""

    cabinet_id: CabinetId
    code: HardwareCode
    quantity: int
    where: str
    length_mm: float | None = None

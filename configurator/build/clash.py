"""When two bores in one board meet: the one test the builders use to keep their holes clear of
the bores already drilled, and the machining-clash rule uses to check every part.

Two bores entering the same face meet when their circles overlap; bores from the two faces
meet when their circles overlap and together they are deeper than the board. A hole of a
system-hole row at exactly the place and size of another bore is not a clash: it is the same
hole (A7: hinge plates screw into the 32 mm grid's holes), so a row may share it; two bores
that are not part of a row never may (two screws in one hole).

The operations themselves are compared (a single bore is its ``Operation``), and a row's holes
only next to the bore in question: a side has thousands of row holes, and a hole can only
meet the row's holes nearest it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple, Protocol

from configurator.build.boards import Blank, PartMaker
from configurator.build.parts import Drill, Face, Operation, OpKind

__all__ = [
    "Bore",
    "Drilled",
    "bores_into_face",
    "bores_near",
    "clear_of",
    "faces",
    "hole_at",
    "meet",
    "row_hole_meeting",
]

SAME_HOLE_MM = 0.01  # centres closer than this, with equal diameters, are one hole


class Drilled(Protocol):
    """A bore in a face of a part: an ``Operation`` of one hole, or a ``Bore``."""

    @property
    def face(self) -> Face: ...
    @property
    def u(self) -> float: ...
    @property
    def v(self) -> float: ...
    @property
    def diameter_mm(self) -> float: ...
    @property
    def depth_mm(self) -> float: ...


class Bore(NamedTuple):
    """One hole drilled in a face of a part, in the part's coordinates (a hole of a row)."""

    face: Face
    u: float
    v: float
    diameter_mm: float
    depth_mm: float


def faces(operations: Iterable[Operation]) -> list[Operation]:
    """The operations that bore into a face (A or B): holes, cups and cam housings."""
    return [op for op in operations if bores_into_face(op)]


def bores_into_face(op: Operation) -> bool:
    """Whether ``op`` bores into a face (A or B): a hole, cup or cam housing."""
    return (op.face is Face.A or op.face is Face.B) and op.kind is not OpKind.GROOVE


def meet(a: Drilled, b: Drilled, thickness_mm: float, *, row: bool = False) -> bool:
    """Whether ``a`` and ``b`` cut into each other in a board ``thickness_mm`` thick; ``row``:
    one of them is a hole of a system-hole row (which the other may share).

    Examples
    --------
    >>> hole = Bore(Face.A, 100, 37, 5, 13)
    >>> meet(hole, hole, 18, row=True)  # a plate's screw in a grid hole
    False
    >>> meet(hole, hole, 18)  # two screws in one hole
    True
    >>> meet(hole, Bore(Face.A, 104, 40, 15, 12.5), 18)  # a cam housing
    True
    >>> meet(hole, hole._replace(face=Face.B, depth_mm=4), 18)  # from the other face, shallow
    False
    """
    du, dv, reach = a.u - b.u, a.v - b.v, (a.diameter_mm + b.diameter_mm) / 2
    if du * du + dv * dv >= reach * reach:
        return False
    if a.face is not b.face:
        return a.depth_mm + b.depth_mm > thickness_mm
    same = math.hypot(du, dv) < SAME_HOLE_MM and a.diameter_mm == b.diameter_mm
    return not (same and row)


def row_hole_meeting(bore: Drilled, row: Operation, thickness_mm: float) -> Bore | None:
    """The hole of ``row`` that ``bore`` cuts into, if any (only those beside it can)."""
    if abs(row.v - bore.v) >= (row.diameter_mm + bore.diameter_mm) / 2:
        return None
    nearest = round((bore.u - row.u) / row.pitch_mm) if row.pitch_mm else 0
    for n in (nearest - 1, nearest, nearest + 1):
        if 0 <= n < row.repeat:
            hole = Bore(row.face, row.u + n * row.pitch_mm, row.v, row.diameter_mm, row.depth_mm)
            if meet(bore, hole, thickness_mm, row=True):
                return hole
    return None


def hole_at(board: Blank, point: tuple[float, float, float], *, toward: int, tool: Drill) -> Bore:
    """The hole ``tool`` makes at ``point`` (cabinet frame) in the face of ``board`` on side
    ``toward``, in the board's own coordinates."""
    la, wa, lo = board.length_axis, board.width_axis, board.box.lo
    face = Face.A if toward > 0 else Face.B
    return Bore(face, point[la] - lo[la], point[wa] - lo[wa], tool.diameter_mm, tool.depth_mm)


def bores_near(
    maker: PartMaker, board: Blank, point: tuple[float, float, float], *, reach: float
) -> list[Operation]:
    """The bores ``maker`` has put in ``board`` that a hole ``reach`` mm wide at the height
    of ``point`` (along the board's length) could cut into: those beside that line."""
    u = point[board.length_axis] - board.box.lo[board.length_axis]
    near = []
    for op in maker.ops.get(board.suffix, ()):
        low, high = op.u, op.u + (op.repeat - 1) * op.pitch_mm
        beside = low - op.diameter_mm <= u + reach and u - reach <= high + op.diameter_mm
        if beside and bores_into_face(op):
            near.append(op)
    return near


def clear_of(
    near: list[Operation],
    board: Blank,
    point: tuple[float, float, float],
    *,
    toward: int,
    tool: Drill,
) -> bool:
    """Whether a hole (not of a row) drilled at ``point`` into ``board`` would stand clear of
    the bores ``near`` it (``bores_near``)."""
    hole = hole_at(board, point, toward=toward, tool=tool)
    thick = board.box.size(board.thickness_axis)
    for op in near:
        if op.repeat > 1:
            if row_hole_meeting(hole, op, thick) is not None:
                return False
        elif meet(hole, op, thick):
            return False
    return True

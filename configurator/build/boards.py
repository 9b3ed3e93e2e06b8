"""Turn a box in a cabinet's frame into a ``Part``: sizes, grain, edge bands, cut size.

One place decides how a part's length, width and edges follow from its role, so every
builder (carcass, interior, fronts, drawers) makes parts the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from catalog.catalog import Catalog
from configurator.build.parts import Box, Drill, Edges, Face, Operation, OpKind, Part, Role
from kernel.ids import CabinetId, MaterialCode, PartId

__all__ = ["Blank", "JointLayout", "JointLayouts", "JointTools", "PartMaker"]

JointLayout = tuple[tuple[float, ...], tuple[float, ...]]
"""Where a joint's connectors and its dowels stand along it."""

JointLayouts = dict[tuple[bool, float, float], JointLayout]
"""The joint layouts worked out so far by (into a divider's B face, y0, y1): a joint's layout
depends on those and the catalog's construction only, and most joints of a design share a few
(every carcass's four corners, cabinets of one depth)."""


class JointTools(NamedTuple):
    """The bores of a cam-and-dowel joint (``carcass.join``): the cam housing, the bolt's
    hole in the end, the bolt's hole in the face, a dowel's hole in the face and in the end."""

    housing: Drill
    bolt: Drill
    nut: Drill
    into_face: Drill
    into_end: Drill


class Blank(NamedTuple):
    """A part before machining: where it is and what it is."""

    suffix: str
    role: Role
    name: str
    material: MaterialCode
    box: Box
    length_axis: int
    width_axis: int
    recesses: tuple[Box, ...] = ()

    @property
    def thickness_axis(self) -> int:
        """The axis through the board."""
        return 3 - self.length_axis - self.width_axis


@dataclass(slots=True)
class PartMaker:
    """Collects blanks and their operations for one cabinet, then makes the parts."""

    catalog: Catalog
    cabinet_id: CabinetId
    blanks: list[Blank] = field(default_factory=list)
    ops: dict[str, list[Operation]] = field(default_factory=lambda: defaultdict(list))
    joints: JointLayouts = field(default_factory=dict)  # may be shared by a design's cabinets
    joint_tools: JointTools | None = None  # the same for every joint: made at the first

    def add(self, blank: Blank) -> Blank:
        """Register a blank; returns it for chaining."""
        self.blanks.append(blank)
        return blank

    def drill(
        self,
        blank: Blank,
        point: tuple[float, float, float],
        *,
        toward: int,
        tool: Drill,
        repeat: int = 1,
        pitch: float = 0.0,
    ) -> None:
        """Drill at ``point`` (cabinet frame) into the face on side ``toward`` (+1/-1) of the
        blank's thickness axis; ``repeat`` holes every ``pitch`` along the blank's length."""
        la, wa, lo = blank.length_axis, blank.width_axis, blank.box.lo
        face = Face.A if toward > 0 else Face.B
        self.ops[blank.suffix].append(
            _bore(tool, face, point[la] - lo[la], point[wa] - lo[wa], repeat, pitch)
        )

    def edge_hole(self, blank: Blank, *, at_end: int, v: float, tool: Drill) -> None:
        """Drill into an end of the blank (``at_end`` -1: w1, +1: w2) at ``v``."""
        if at_end < 0:
            self.ops[blank.suffix].append(_bore(tool, Face.W1, 0.0, v))
        else:
            la, box = blank.length_axis, blank.box
            self.ops[blank.suffix].append(_bore(tool, Face.W2, box.hi[la] - box.lo[la], v))

    def side_hole(self, blank: Blank, *, at_side: int, u: float, tool: Drill) -> None:
        """Drill into a long edge of the blank (``at_side`` -1: l1, +1: l2) at ``u``."""
        if at_side < 0:
            self.ops[blank.suffix].append(_bore(tool, Face.L1, u, 0.0))
        else:
            wa, box = blank.width_axis, blank.box
            self.ops[blank.suffix].append(_bore(tool, Face.L2, u, box.hi[wa] - box.lo[wa]))

    def groove(self, blank: Blank, recess: Box, *, toward: int) -> None:
        """Record a groove (a recess box in the cabinet frame) as a machining operation."""
        la, wa = blank.length_axis, blank.width_axis
        lo, hi = blank.box.lo, recess
        u0, u1 = recess.lo[la] - lo[la], recess.hi[la] - lo[la]
        v0, v1 = recess.lo[wa] - lo[wa], recess.hi[wa] - lo[wa]
        along_length = (u1 - u0) >= (v1 - v0)
        self.ops[blank.suffix].append(
            Operation(
                kind=OpKind.GROOVE,
                face=Face.A if toward > 0 else Face.B,
                u=u0 if along_length else (u0 + u1) / 2,
                v=(v0 + v1) / 2 if along_length else v0,
                u_end=u1 if along_length else (u0 + u1) / 2,
                v_end=(v0 + v1) / 2 if along_length else v1,
                width_mm=(v1 - v0) if along_length else (u1 - u0),
                depth_mm=hi.size(blank.thickness_axis),
            )
        )

    def parts(self) -> tuple[Part, ...]:
        """Every part, in the order the blanks were added."""
        return tuple(self._part(b) for b in self.blanks)

    def _part(self, b: Blank) -> Part:
        codes, (l1, l2, w1, w2) = self.catalog.edges_for(b.role, b.material)
        box, la, wa = b.box, b.length_axis, b.width_axis
        length, width = box.hi[la] - box.lo[la], box.hi[wa] - box.lo[wa]
        ta = 3 - la - wa
        # the fields in order (see ``_bore``: hundreds of parts per design)
        return _new_part(
            Part,
            (
                PartId(f"{self.cabinet_id}-{b.suffix}"),
                self.cabinet_id,
                b.role,
                b.name,
                b.material,
                box.hi[ta] - box.lo[ta],
                length,
                width,
                length - w1 - w2,
                width - l1 - l2,
                self.catalog.material(b.material).grained,
                Edges(*codes),
                box,
                la,
                wa,
                tuple(self.ops.get(b.suffix, ())),
                b.recesses,
            ),
        )


_new_part = tuple.__new__  # a Part from its fields in order, in one C call
_new_operation = tuple.__new__  # an Operation from its fields in order, in one C call


def _bore(
    tool: Drill, face: Face, u: float, v: float, repeat: int = 1, pitch: float = 0.0
) -> Operation:
    """A bore as an operation, its fields in order. A design makes thousands of bores:
    building the tuple directly costs half of what ``Operation(...)`` does (a Python-level
    ``__new__`` that fills in defaults), and naming the fields costs half as much again.

    >>> row = Operation(OpKind.CAM, Face.B, 3, 37, 13, 5, repeat=9, pitch_mm=32, item="PIN")
    >>> _bore(Drill(5, 13, OpKind.CAM, "PIN"), Face.B, 3, 37, 9, 32) == row
    True
    """
    return _new_operation(
        Operation,
        (
            tool.kind,
            face,
            u,
            v,
            tool.depth_mm,
            tool.diameter_mm,
            0.0,
            0.0,
            0.0,
            repeat,
            pitch,
            tool.item,
        ),
    )

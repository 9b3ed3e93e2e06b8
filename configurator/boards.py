"""Turn a box in a cabinet's frame into a ``Part``: sizes, grain, edge bands, cut size.

One place decides how a part's length, width and edges follow from its role, so every
builder (carcass, interior, fronts, drawers) makes parts the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from catalog.catalog import Catalog
from configurator.parts import Box, Edges, Face, Operation, OpKind, Part, Role
from kernel.ids import CabinetId, EdgeBandCode, MaterialCode, PartId

__all__ = ["Blank", "PartMaker"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Blank:
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
        diameter: float,
        depth: float,
        kind: OpKind = OpKind.HOLE,
    ) -> None:
        """Add a hole at ``point`` (cabinet frame) entering the face on side ``toward`` (+1/-1)
        of the blank's thickness axis."""
        u = point[blank.length_axis] - blank.box.lo[blank.length_axis]
        v = point[blank.width_axis] - blank.box.lo[blank.width_axis]
        face = Face.A if toward > 0 else Face.B
        self.ops[blank.suffix].append(
            Operation(
                kind=kind,
                face=face,
                u=round(u, 3),
                v=round(v, 3),
                diameter_mm=diameter,
                depth_mm=depth,
            )
        )

    def edge_hole(
        self, blank: Blank, *, at_end: int, v: float, diameter: float, depth: float
    ) -> None:
        """Add a hole into an end of the blank (``at_end`` -1: w1, +1: w2) at ``v``."""
        u = 0.0 if at_end < 0 else blank.box.size(blank.length_axis)
        face = Face.W1 if at_end < 0 else Face.W2
        self.ops[blank.suffix].append(
            Operation(
                kind=OpKind.HOLE,
                face=face,
                u=u,
                v=round(v, 3),
                diameter_mm=diameter,
                depth_mm=depth,
            )
        )

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
        material = self.catalog.material(b.material)
        rule = self.catalog.construction.edge_rules.get(b.role.value)
        codes: dict[str, EdgeBandCode | None] = {}
        for edge in ("l1", "l2", "w1", "w2"):
            cls = getattr(rule, edge) if rule else None
            codes[edge] = material.bands[cls] if cls else None
        band = {e: self.catalog.edge_band(c).thickness_mm if c else 0.0 for e, c in codes.items()}
        length, width = b.box.size(b.length_axis), b.box.size(b.width_axis)
        unique_ops = tuple(dict.fromkeys(self.ops.get(b.suffix, ())))
        return Part(
            part_id=PartId(f"{self.cabinet_id}-{b.suffix}"),
            cabinet_id=self.cabinet_id,
            role=b.role,
            name=b.name,
            material=b.material,
            thickness_mm=b.box.size(b.thickness_axis),
            length_mm=length,
            width_mm=width,
            cut_length_mm=length - band["w1"] - band["w2"],
            cut_width_mm=width - band["l1"] - band["l2"],
            grained=material.grained,
            edges=Edges(**codes),
            box=b.box,
            length_axis=b.length_axis,
            width_axis=b.width_axis,
            operations=unique_ops,
            recesses=b.recesses,
        )

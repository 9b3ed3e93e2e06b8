"""One source of truth for hardware and machining (issue 11 item 7), over random cabinets of
every template and option: each hardware line that needs bores has exactly its bores in the
parts' machining, every bore belongs to a hardware line, and each dowel's two bores meet.

The oracle below is the workshop's, written apart from the engine: how many bores one piece
of each kind of hardware takes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.catalog import Catalog
from catalog.hardware import HardwareKind
from configurator.build.design_build import DesignBuild
from configurator.build.parts import Face, Operation, OpKind, Part, Role
from configurator.rules.machining import unsupported_shelves
from tests.builders import a_build, a_cabinet
from tests.strategies import CATALOG, TEMPLATES, cabinets

BORES_PER_PIECE = {
    HardwareKind.HINGE: Counter({OpKind.CUP: 1}),  # the Ø35 cup in the door
    HardwareKind.HINGE_PLATE: Counter({OpKind.HOLE: 2}),  # two screws on the 32 mm line
    HardwareKind.CONNECTOR: Counter({OpKind.CAM: 1, OpKind.HOLE: 2}),  # housing, bolt, Ø5
    HardwareKind.DOWEL: Counter({OpKind.HOLE: 2}),  # one in each part it joins
    HardwareKind.HANDLE: Counter({OpKind.HOLE: 2}),  # its two screws
    HardwareKind.RUNNER: Counter({OpKind.HOLE: 6}),  # a pair: three screws on each side
}
"""Bores per piece; items not listed (legs, rails, tracks, latches, brackets) are screwed on
where they go and take none. Shelf pins sit in the 32 mm rows (checked by height)."""


def built(cabinet: dict[str, Any]) -> DesignBuild:
    build = a_build(CATALOG, cabinet)
    assert [p for p in build.problems if p.severity == "error"] == []
    return build


def bores(build: DesignBuild) -> list[tuple[Part, Operation]]:
    return [(p, op) for p in build.parts for op in p.operations if op.kind is not OpKind.GROOVE]


def test_every_bore_belongs_to_a_hardware_line_and_each_line_has_its_bores(
    catalog: Catalog,
) -> None:
    """A framed hinged wardrobe with shelves and drawers, for a start before the property."""
    interior = {
        "sections": [
            {"width_mm": None, "items": [{"kind": "shelf", "at_mm": 800}]},
            {
                "width_mm": None,
                "items": [{"kind": "drawer"}, {"kind": "fixed_shelf", "at_mm": 1200}],
            },
        ]
    }
    cabinet = a_cabinet(options={"door_style": "framed"}, interior=interior)
    agree(built(cabinet), catalog)


@pytest.mark.parametrize("template", TEMPLATES)
@given(data=st.data())
def test_hardware_and_bores_agree(template: str, data: st.DataObject) -> None:
    agree(built(data.draw(cabinets(template))), CATALOG)


def agree(build: DesignBuild, catalog: Catalog) -> None:
    lines: Counter[str] = Counter()
    for line in build.hardware:
        lines[line.code] += line.quantity
    drilled: defaultdict[str, Counter[OpKind]] = defaultdict(Counter)
    for part, op in bores(build):
        assert op.item is not None, (part.part_id, op)  # every bore is for some hardware
        assert lines[op.item] > 0, (part.part_id, op.item)  # ... that the cabinet has
        drilled[op.item][op.kind] += op.repeat
    for code, quantity in lines.items():
        kind = catalog.item(code).kind
        if kind is HardwareKind.SHELF_SUPPORT:
            continue
        per_piece = BORES_PER_PIECE.get(kind, Counter())
        expected = Counter({k: n * quantity for k, n in per_piece.items()})
        assert drilled[code] == expected, (code, quantity)
    pins_hold_every_shelf(build)
    dowels_meet(build)


def pins_hold_every_shelf(build: DesignBuild) -> None:
    """Each adjustable shelf rests on four pins: a pin hole in each row of both boards beside
    it, at most a pitch below its underside — or, where the bores already in a board took
    those holes (a short divider's cam housings), ``shelf_unsupported`` says so."""
    k = CATALOG.construction
    holes = [
        at(part, op, u, v)
        for part, op in bores(build)
        if op.item == k.shelf_support
        for u, v in op.positions()
    ]
    unheld = set()
    for shelf in (p for p in build.parts if p.role is Role.SHELF and "-B-" not in p.part_id):
        z = shelf.box.lo[2]
        under = [h for h in holes if z - k.system_pitch_mm - 0.01 <= h[2] <= z + 0.01]
        c = k.shelf_clearance_mm  # the boards' faces stand this far from the shelf's ends
        left = {round(h[1], 1) for h in under if abs(h[0] - shelf.box.lo[0] + c) < 0.1}
        right = {round(h[1], 1) for h in under if abs(h[0] - shelf.box.hi[0] - c) < 0.1}
        if not len(left) == len(right) == 2:
            unheld.add(shelf.part_id)
    told = {shelf.part_id for shelf, _ in unsupported_shelves(build.parts, CATALOG)}
    assert unheld == {s for s in told if "-B-" not in s}


def dowels_meet(build: DesignBuild) -> None:
    """A dowel's two bores start at one point, in two different parts."""
    k = CATALOG.construction
    ends: dict[tuple[float, float, float], list[str]] = defaultdict(list)
    for part, op in bores(build):
        if "-B-" in part.part_id:
            continue  # an L corner's arm B: its parts keep their machining in the arm's own
            # frame, which corner.join_arms turns with one axis mirrored (see the report)
        if op.item == k.dowel:
            assert op.diameter_mm == k.dowel_diameter_mm
            point = at(part, op, op.u, op.v)
            ends[tuple(round(c, 1) for c in point)].append(part.part_id)  # type: ignore[index]
    for point, parts in ends.items():
        assert len(parts) == 2 and parts[0] != parts[1], (point, parts)


def at(part: Part, op: Operation, u: float, v: float) -> tuple[float, float, float]:
    """Where a bore enters its part, in the cabinet's frame."""
    la, wa, ta = part.length_axis, part.width_axis, part.thickness_axis
    lo, hi = part.box.lo, part.box.hi
    p = [0.0, 0.0, 0.0]
    p[la], p[wa] = lo[la] + u, lo[wa] + v
    p[ta] = {Face.A: hi[ta], Face.B: lo[ta]}.get(op.face, (lo[ta] + hi[ta]) / 2)
    return p[0], p[1], p[2]


def test_fixed_shelves_either_side_of_a_divider_never_meet_inside_it(catalog: Catalog) -> None:
    """Two 12 mm bores from the two faces of an 18 mm divider would meet inside it: the
    joints on its two faces stand apart by at least half their bores' widths."""
    shelf = {"kind": "fixed_shelf", "at_mm": 1200}
    interior = {"sections": [{"width_mm": None, "items": [shelf]} for _ in range(2)]}
    build = built(a_cabinet(interior=interior))
    divider = next(p for p in build.parts if p.role is Role.DIVIDER)
    shelf_z = next(p.box.lo[2] + p.box.hi[2] for p in build.parts if p.role is Role.FIXED_SHELF) / 2
    by_face: dict[Face, list[tuple[float, float]]] = defaultdict(list)
    for op in divider.operations:
        _, y, z = at(divider, op, op.u, op.v)
        if abs(z - shelf_z) < 1:  # the shelves' joints, not the divider's own
            by_face[op.face].append((y, op.diameter_mm))
    assert len(by_face[Face.A]) == len(by_face[Face.B]) > 0
    for ya, da in by_face[Face.A]:
        for yb, db in by_face[Face.B]:
            assert abs(ya - yb) >= (da + db) / 2, (ya, yb)

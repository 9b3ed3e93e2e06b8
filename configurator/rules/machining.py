"""The machining-clash rule: no two bores of a part cut into each other (the bores the build
drills, which the DXF export draws), so that every hinge plate, runner and connector gets a
hole of its own (``configurator.build.clash`` says when two bores meet).

What is compared with what: every bore that is not part of a system-hole row with every
other bore, and with the holes of the rows. Rows among themselves are not compared: the build
lays them out apart (A7: the rows of a divider's two faces half a pitch apart), and checking
their thousands of holes pairwise would cost more than the rest of the evaluation. Two hinge
cups in one door are ``hinge_count``'s (they leave fewer usable hinges than the door needs).
"""

from __future__ import annotations

import math
from operator import attrgetter

from catalog.catalog import Catalog
from configurator.build.clash import Drilled, meet, row_hole_meeting
from configurator.build.parts import Face, Operation, OpKind, Part, Role
from configurator.rules.context import Context, Placed
from configurator.rules.problems import RuleProblem
from configurator.rules.structure import each_cabinet
from kernel.ids import HardwareCode
from kernel.problems import Problem

__all__ = ["check_machining", "clashes", "unsupported_shelves"]

_ALONG = attrgetter("u")  # bores sorted along the part (no Python call per bore)


Clash = tuple[Drilled, Drilled]


def check_machining(ctx: Context) -> list[Problem]:
    """``machining_clash``: one problem per part with bores that cut into each other."""
    drillings = _Drillings()

    def _machining(placed: Placed, catalog: Catalog) -> list[Problem]:
        return _cabinet_machining(placed, catalog, drillings)

    return each_cabinet(ctx, _machining)


class _Drillings:
    """The clashes of the parts checked so far: parts drilled alike (the same thickness and
    operations: the sides of cabinets of one height and depth) are compared once. They are
    looked up by a few of their numbers, then their operations compared whole: hashing all
    of them (their enums hash in Python) would cost half as much as comparing the bores."""

    def __init__(self) -> None:
        self._seen: dict[tuple[float, ...], list[tuple[tuple[Operation, ...], list[Clash]]]] = {}

    def clashes(self, part: Part) -> list[Clash]:
        """``clashes(part)``, or those of a part drilled alike."""
        ops = part.operations
        first, last = ops[0], ops[-1]
        key = (part.thickness_mm, len(ops), first.u, first.v, last.u, last.v)
        alike = self._seen.setdefault(key, [])
        for known, found in alike:
            if known == ops:
                return found
        found = clashes(part)
        alike.append((ops, found))
        return found


def _cabinet_machining(placed: Placed, catalog: Catalog, drillings: _Drillings) -> list[Problem]:
    problems = [
        Problem.of(
            RuleProblem.SHELF_UNSUPPORTED,
            placed.path,
            part_id=board.part_id,
            shelf_id=shelf.part_id,
            u_mm=round(shelf.box.lo[2] - board.box.lo[2], 1),
        )
        for shelf, board in unsupported_shelves(placed.cabinet.cabinet.parts, catalog)
    ]
    for part in placed.cabinet.cabinet.parts:
        if len(part.operations) < 2:
            continue  # nothing to cut into
        found = drillings.clashes(part)
        if found:
            a, b = found[0]
            problems.append(
                Problem.of(
                    RuleProblem.MACHINING_CLASH,
                    placed.path,
                    part_id=part.part_id,
                    clashes=len(found),
                    u_mm=round(a.u, 1),
                    v_mm=round(a.v, 1),
                    other_u_mm=round(b.u, 1),
                    other_v_mm=round(b.v, 1),
                )
            )
    return problems


def unsupported_shelves(parts: tuple[Part, ...], catalog: Catalog) -> list[tuple[Part, Part]]:
    """Each adjustable shelf and a board beside it without a pin hole in both its rows at
    most a pitch under the shelf: the bores already in the board (a short divider's cam
    housings) took the holes the shelf would rest on."""
    shelves = [p for p in parts if p.role is Role.SHELF and p.length_axis == 0]
    if not shelves:
        return []  # a drawer or hanging cabinet: nothing to look for
    k = catalog.construction
    c, pitch = k.shelf_clearance_mm, k.system_pitch_mm
    boards = [p for p in parts if p.role in (Role.SIDE, Role.DIVIDER) and p.length_axis == 2]
    pins: dict[int, dict[Face, list[tuple[float, Operation]]]] = {}  # by face, made once
    found = []
    for shelf in shelves:
        z, left, right = shelf.box.lo[2], shelf.box.lo[0] - c, shelf.box.hi[0] + c
        for i, board in enumerate(boards):
            box = board.box
            if abs(box.hi[0] - left) < 0.1:
                face = Face.A  # the board's face toward +x, where the shelf is
            elif abs(box.lo[0] - right) < 0.1:
                face = Face.B
            else:
                continue
            if not box.lo[2] <= z <= box.hi[2]:
                continue
            faces = pins.get(i)
            if faces is None:
                faces = pins[i] = _pin_rows(board, k.shelf_support)
            low, high = z - pitch - 0.01 - box.lo[2], z + 0.01 - box.lo[2]
            if len({v for v, op in faces[face] if _hole_within(op, low, high)}) < 2:
                found.append((shelf, board))  # not a front and a back row under the shelf
    return found


def _pin_rows(board: Part, support: HardwareCode) -> dict[Face, list[tuple[float, Operation]]]:
    """The bores for shelf pins in each face of ``board``, each with the row it is in (its
    ``v``, rounded: a front or a back row), in one pass for both faces."""
    faces: dict[Face, list[tuple[float, Operation]]] = {Face.A: [], Face.B: []}
    for op in board.operations:
        if op.item == support and (op.face is Face.A or op.face is Face.B):
            faces[op.face].append((round(op.v, 1), op))
    return faces


def _hole_within(op: Operation, low: float, high: float) -> bool:
    """Whether a hole of ``op`` (one, or a row) lies from ``low`` to ``high`` along the part:
    only the few holes of a row about ``low`` are looked at, not all of them."""
    if op.repeat == 1 or not op.pitch_mm:
        return low <= op.u <= high
    first = max(0, math.floor((low - op.u) / op.pitch_mm))
    for n in range(first, min(first + 3, op.repeat)):
        at = op.u + n * op.pitch_mm
        if at >= low:  # the first hole from ``low`` on: the later ones lie further still
            return at <= high
    return False


def clashes(part: Part) -> list[Clash]:
    """The pairs of bores of ``part`` that cut into each other, a single bore first."""
    singles, rows = _bores(part.operations)
    if not singles or (len(singles) == 1 and not rows):
        return []
    thick = part.thickness_mm
    reach = max(op.diameter_mm for op in singles)
    found: list[Clash] = []
    count = len(singles)
    for i, a in enumerate(singles):
        au, av, ad = a.u, a.v, a.diameter_mm
        window = (ad + reach) / 2
        for j in range(i + 1, count):
            b = singles[j]
            du = b.u - au
            if du >= window:
                break  # sorted by u: past this, none can reach back to a
            # ``meet``'s own first test, inline: most bores beside a along u are far across
            dv, apart = b.v - av, (ad + b.diameter_mm) / 2
            if (
                du * du + dv * dv < apart * apart
                and meet(a, b, thick)
                and not (a.kind is b.kind is OpKind.CUP)
            ):
                found.append((a, b))
        for row in rows:
            if abs(row.v - av) < (row.diameter_mm + ad) / 2:
                hole = row_hole_meeting(a, row, thick)
                if hole is not None:
                    found.append((a, hole))
    return found


def _bores(ops: tuple[Operation, ...]) -> tuple[list[Operation], list[Operation]]:
    """The single bores into a face, along the part, and the rows of holes."""
    if len(ops) < 2:
        return [], []
    # comprehensions, no calls: this runs over every part of every evaluation
    face_a, face_b, groove = Face.A, Face.B, OpKind.GROOVE
    bores = [op for op in ops if (op.face is face_a or op.face is face_b) and op.kind is not groove]
    singles = [op for op in bores if op.repeat == 1]
    rows = [op for op in bores if op.repeat != 1] if len(singles) < len(bores) else []
    singles.sort(key=_ALONG)
    return singles, rows

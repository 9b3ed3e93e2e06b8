"""The validation engine: build the design, then run every registered rule over it.

A rule is a small function from a ``Context`` to the problems it finds; the registry lists them
in the order their problems are reported. Problems are data (code, severity, path, params);
wording comes from the message catalogue at the edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, build_design
from configurator.model.design import Design, Room
from configurator.room.geometry import check_room, floor_polygon, walls
from configurator.rules.context import Context, Rule, box_of, placed_cabinets, room_area
from configurator.rules.registry import RULES
from kernel.memo import Memo, no_memo
from kernel.problems import Problem, has_errors

__all__ = ["Evaluation", "evaluate", "rule_context"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluation:
    """A built design and every problem found in it."""

    build: DesignBuild
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        """Whether anything stops the design from being made."""
        return has_errors(self.problems)


def evaluate(
    design: Design,
    catalog: Catalog,
    rules: Sequence[Rule] | None = None,
    *,
    memo: Memo = no_memo,
) -> Evaluation:
    """Build ``design`` and run ``rules`` (all registered rules by default); ``memo`` may hand
    back what an earlier evaluation with the same catalog worked out for a cabinet."""

    build = build_design(design, catalog, memo)
    room = _Room(design.room)
    room_problems = check_room(design.room, room.floor, room.walls)
    ctx = _context(design, catalog, build, memo, room, room_ok=not room_problems)
    problems = [*room_problems, *build.problems]
    for rule in RULES if rules is None else rules:
        problems += rule(ctx)
    return Evaluation(build=build, problems=tuple(problems))


def rule_context(
    design: Design, catalog: Catalog, build: DesignBuild, *, memo: Memo = no_memo
) -> Context:
    """What the rules looked at when ``build`` (of ``design``) was evaluated."""
    room = _Room(design.room)
    room_ok = not check_room(design.room, room.floor, room.walls)
    return _context(design, catalog, build, memo, room, room_ok=room_ok)


class _Room:
    """The room's floor polygon and walls: both the room's check and the rules want them."""

    __slots__ = ("floor", "walls")

    def __init__(self, room: Room) -> None:
        self.floor = floor_polygon(room)
        self.walls = tuple(walls(room))


def _context(
    design: Design, catalog: Catalog, build: DesignBuild, memo: Memo, room: _Room, *, room_ok: bool
) -> Context:
    area = room_area(room.floor) if room_ok else None  # asked by two rules: made once
    return Context(
        design=design,
        catalog=catalog,
        build=build,
        walls=room.walls,
        floor=room.floor,
        placed=placed_cabinets(build, design, memo),
        room_ok=room_ok,
        floor_box=box_of(design.room.outline_mm),
        room_area=area,
        room_box=None if area is None else box_of(area.exterior.coords[:-1]),
        memo=memo,
    )

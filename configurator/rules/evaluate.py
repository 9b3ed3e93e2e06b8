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
from configurator.model.design import Design
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
    room_problems = check_room(design.room)
    ctx = _context(design, catalog, build, memo, room_ok=not room_problems)
    problems = [*room_problems, *build.problems]
    for rule in RULES if rules is None else rules:
        problems += rule(ctx)
    return Evaluation(build=build, problems=tuple(problems))


def rule_context(
    design: Design, catalog: Catalog, build: DesignBuild, *, memo: Memo = no_memo
) -> Context:
    """What the rules looked at when ``build`` (of ``design``) was evaluated."""
    return _context(design, catalog, build, memo, room_ok=not check_room(design.room))


def _context(
    design: Design, catalog: Catalog, build: DesignBuild, memo: Memo, *, room_ok: bool
) -> Context:
    floor = floor_polygon(design.room)
    room = room_area(floor) if room_ok else None  # asked by two rules: made once
    return Context(
        design=design,
        catalog=catalog,
        build=build,
        walls=tuple(walls(design.room)),
        floor=floor,
        placed=placed_cabinets(build, design, memo),
        room_ok=room_ok,
        floor_box=box_of(design.room.outline_mm),
        room_area=room,
        room_box=None if room is None else box_of(room.exterior.coords[:-1]),
        memo=memo,
    )

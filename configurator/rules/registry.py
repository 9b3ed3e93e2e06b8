"""The registry of validation rules, in the order their problems are reported."""

from __future__ import annotations

from configurator.rules.context import Rule
from configurator.rules.hinges import check_hinge_walls
from configurator.rules.machining import check_machining
from configurator.rules.room import (
    check_ceiling,
    check_corner_units,
    check_front_clearance,
    check_obstacles,
    check_openings,
    check_outside_room,
    check_overlaps,
)
from configurator.rules.structure import (
    check_doors,
    check_hanging_space,
    check_part_sizes,
    check_shelf_sag,
    check_sliding_doors,
)
from configurator.rules.support import check_support

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    check_part_sizes,
    check_shelf_sag,
    check_doors,
    check_sliding_doors,
    check_hanging_space,
    check_machining,
    check_outside_room,
    check_overlaps,
    check_openings,
    check_obstacles,
    check_ceiling,
    check_corner_units,
    check_front_clearance,
    check_hinge_walls,
    check_support,
)

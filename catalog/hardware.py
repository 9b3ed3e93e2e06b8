"""Hardware items: hinges, runners, rails, supports, connectors, handles, legs, tracks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kernel.ids import HardwareCode

__all__ = ["HardwareItem", "HardwareKind", "Unit"]


class HardwareKind(StrEnum):
    """What a hardware item does; the engine picks items by kind."""

    HINGE = "hinge"
    HINGE_PLATE = "hinge_plate"
    RUNNER = "runner"
    RAIL = "rail"
    RAIL_SUPPORT = "rail_support"
    SHELF_SUPPORT = "shelf_support"
    CONNECTOR = "connector"
    DOWEL = "dowel"
    HANDLE = "handle"
    PUSH_LATCH = "push_latch"  # push-to-open: a door without a handle opens by a push
    LEG = "leg"
    PLINTH_CLIP = "plinth_clip"
    SLIDING_TRACK = "sliding_track"
    SLIDING_ROLLER = "sliding_roller"
    WALL_FIXING = "wall_fixing"


class Unit(StrEnum):
    """How an item is counted: pieces, pairs, sets, or metres cut to length."""

    PIECE = "pcs"
    PAIR = "pair"
    SET = "set"
    METRE = "m"


@dataclass(frozen=True, slots=True, kw_only=True)
class HardwareItem:
    """One orderable hardware item.

    ``size_mm`` is the item's defining length where it has one: a runner's nominal length, a
    handle's hole centres, a leg's height.
    """

    code: HardwareCode
    kind: HardwareKind
    name: str
    name_zh: str
    unit: Unit
    size_mm: float | None = None

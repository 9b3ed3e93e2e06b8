"""Module templates: what a cabinet of each kind may be, and what it is by default."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kernel.ids import MaterialCode, TemplateCode

__all__ = [
    "CornerKind",
    "FrontKind",
    "IntRange",
    "LoadClass",
    "ModuleTemplate",
    "OptionSpec",
    "PlinthKind",
    "SectionPattern",
    "StandsOn",
]


class FrontKind(StrEnum):
    """What closes the cabinet's front."""

    HINGED = "hinged"
    SLIDING = "sliding"
    DRAWERS = "drawers"
    NONE = "none"
    PANEL = "panel"  # a filler: one front board, no carcass


class PlinthKind(StrEnum):
    """How the cabinet stands: on the floor behind a plinth board, on legs, or hung."""

    NONE = "none"
    BOARD = "board"  # sides run to the floor, a plinth board is set back between them
    LEGS = "legs"  # the carcass stands on adjustable legs with a clip-on kickboard


class CornerKind(StrEnum):
    """How a cabinet turns a room corner (``configurator.build.corner``).

    A blind-corner unit is a straight cabinet whose blind part runs into the corner behind
    the neighbour on the adjacent wall, closed by a blind panel, with a filler strip beside
    it so that its door clears the neighbour's door and handle. An L unit has two arms, one
    on each wall: it stands on its wall like any cabinet, reaching the corner with its left
    side, and its second arm runs along the wall on its left (the next wall of a
    counter-clockwise room).
    """

    NONE = "none"
    BLIND = "blind"
    L = "l"


class StandsOn(StrEnum):
    """What carries the cabinet's underside: the floor (behind a plinth or on legs), the wall
    it hangs on, the top of a carcass cabinet under it (a top box), or anything (a filler,
    which follows what it closes)."""

    FLOOR = "floor"
    WALL = "wall"
    CABINET = "cabinet"
    ANY = "any"


class LoadClass(StrEnum):
    """Shelf load class for sag (DOMAIN A16), in kg per metre of shelf."""

    LIGHT = "light"
    CLOTHES = "clothes"
    BOOKS = "books"


class SectionPattern(StrEnum):
    """Default content of one section of a default interior."""

    HANGING = "hanging"
    SHELVES = "shelves"
    DRAWERS = "drawers"
    EMPTY = "empty"


@dataclass(frozen=True, slots=True, kw_only=True)
class IntRange:
    """Whole millimetres (or a count) from ``min`` to ``max`` inclusive, with a default."""

    min: int
    max: int
    default: int

    def contains(self, value: float) -> bool:
        """Tell whether ``value`` lies in the range.

        Examples
        --------
        >>> IntRange(min=400, max=1200, default=800).contains(1200)
        True
        """
        return self.min <= value <= self.max


@dataclass(frozen=True, slots=True, kw_only=True)
class OptionSpec:
    """One extra parameter of a template: whole numbers in a range, or one of some choices."""

    name: str
    choices: tuple[str, ...] = ()
    range: IntRange | None = None
    default: str | int

    def accepts(self, value: object) -> bool:
        """Tell whether ``value`` is a valid setting of this option."""
        if self.range is not None:
            return (
                isinstance(value, int)
                and not isinstance(value, bool)
                and self.range.contains(value)
            )
        return value in self.choices


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleTemplate:
    """A kind of cabinet: ranges, materials, construction choices and default interior."""

    code: TemplateCode
    name: str
    name_zh: str
    has_carcass: bool
    fronts: FrontKind
    plinth: PlinthKind
    width: IntRange
    height: IntRange
    depth: IntRange
    standard_widths: tuple[int, ...]
    carcass_materials: tuple[MaterialCode, ...]
    front_materials: tuple[MaterialCode, ...]
    load_class: LoadClass
    section_max_width_mm: int
    default_sections: tuple[SectionPattern, ...]
    elevation_mm: int  # default height of the cabinet's underside above the floor
    stands_on: StandsOn  # what carries it (the floor: its plinth, if it has one)
    options: Mapping[str, OptionSpec]
    corner: CornerKind = CornerKind.NONE

    def option_default(self, name: str) -> str | int:
        """The default of option ``name``."""
        return self.options[name].default

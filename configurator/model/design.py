"""The design model (document format v1, DESIGN.md §4): a room and the cabinets in it.

Values only; parsing is in ``configurator.model.document``, building in
``configurator.build.design_build``.
Lengths are whole millimetres as the user gave them.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kernel.ids import CabinetId, MaterialCode, TemplateCode

__all__ = [
    "Cabinet",
    "Design",
    "Interior",
    "Item",
    "ItemKind",
    "Obstacle",
    "Opening",
    "Position",
    "Room",
    "Section",
    "WallPlacement",
    "cabinet_key",
    "twin_key",
]

Point = tuple[float, float]


class ItemKind(StrEnum):
    """What can stand in an interior section."""

    SHELF = "shelf"
    FIXED_SHELF = "fixed_shelf"
    RAIL = "rail"
    DRAWER = "drawer"


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """An interior item. ``at_mm``: height of a shelf's underside or a rail's top above the
    carcass' inner bottom. ``height_mm``: a drawer's front height (``None``: shared)."""

    kind: ItemKind
    at_mm: float | None = None
    height_mm: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A vertical section between two sides or dividers; ``width_mm`` is its clear inner
    width, ``None`` to share what the other sections leave. ``doors``: how many hinged doors
    close it (0: open, 1, or a pair), ``None`` to let its width decide (one door up to the
    catalog's widest door, else a pair)."""

    width_mm: float | None
    items: tuple[Item, ...]
    doors: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Interior:
    """Sections from left to right, dividers between them."""

    sections: tuple[Section, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class WallPlacement:
    """Back against wall ``wall``; ``offset_mm`` from the wall's start to the footprint."""

    wall: int
    offset_mm: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    """Free placement: the back-left corner (as seen from the front) at (``x_mm``, ``y_mm``);
    ``angle_deg`` is the plan direction of the cabinet's back edge from left to right, and the
    cabinet faces 90° clockwise from it (angle 0: back edge along +x, facing -y)."""

    x_mm: float
    y_mm: float
    angle_deg: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Cabinet:
    """One cabinet as the user specified it."""

    id: CabinetId
    template: TemplateCode
    placement: WallPlacement | Position
    width_mm: float
    height_mm: float
    depth_mm: float
    carcass_material: MaterialCode
    front_material: MaterialCode
    options: Mapping[str, str | int]
    interior: Interior | None
    elevation_mm: float | None = None  # underside above the floor; None: template default


def cabinet_key(cabinet: Cabinet) -> Hashable:
    """What the cabinet is, apart from where it stands (its placement and elevation), as a
    hashable value: two cabinets with equal keys build into the same parts and hardware.
    (``Cabinet`` itself cannot be hashed: its options are a mapping.)"""
    return (cabinet.id, *twin_key(cabinet))


def twin_key(cabinet: Cabinet) -> tuple[Hashable, ...]:
    """What the cabinet is apart from its id and where it stands: two cabinets with equal
    keys build into the same parts and hardware but for the id in their labels (a kitchen's
    run of equal base cabinets)."""
    return (
        cabinet.template,
        cabinet.width_mm,
        cabinet.height_mm,
        cabinet.depth_mm,
        cabinet.carcass_material,
        cabinet.front_material,
        tuple(cabinet.options.items()),
        cabinet.interior,
    )


class OpeningKind(StrEnum):
    """Openings in a wall."""

    DOOR = "door"
    WINDOW = "window"
    PASS_THROUGH = "pass_through"  # noqa: S105 - an opening, not a password


@dataclass(frozen=True, slots=True, kw_only=True)
class Opening:
    """A door, window or pass-through in wall ``wall``, ``offset_mm`` from its start."""

    id: str
    kind: OpeningKind
    wall: int
    offset_mm: float
    width_mm: float
    height_mm: float
    sill_mm: float
    swing: str


class ObstacleKind(StrEnum):
    """Fixed things in the room a cabinet must avoid."""

    BEAM = "beam"
    COLUMN = "column"
    PIPE_BOX = "pipe_box"
    SKIRTING = "skirting"


@dataclass(frozen=True, slots=True, kw_only=True)
class Obstacle:
    """An obstacle's plan outline, from ``bottom_mm`` up to ``top_mm`` above the floor."""

    id: str
    kind: ObstacleKind
    outline_mm: tuple[Point, ...]
    bottom_mm: float
    top_mm: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Room:
    """The room's inner wall faces (counter-clockwise), ceiling, openings and obstacles."""

    outline_mm: tuple[Point, ...]
    ceiling_mm: float
    openings: tuple[Opening, ...]
    obstacles: tuple[Obstacle, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Design:
    """A whole design document."""

    name: str
    room: Room
    cabinets: tuple[Cabinet, ...]

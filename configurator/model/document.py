"""Parse a design document v1 (DESIGN.md §4) into the design model, and write one back.

Structural checks only: types, required and unknown keys, finite and plausible numbers, ids,
text that is text, and the limits below. Whether a cabinet fits its template or the room is
for ``configurator.build.checks`` and the validation rules; this module rejects what cannot be
read as a design at all.
``to_document`` is the inverse of ``parse_design``: ``parse_design(to_document(d)) == d``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from configurator.model.design import (
    Cabinet,
    Design,
    Interior,
    Item,
    ItemKind,
    Obstacle,
    ObstacleKind,
    Opening,
    OpeningKind,
    Position,
    Room,
    Section,
    WallPlacement,
)
from configurator.model.errors import InvalidDesign
from kernel.fields import FieldProblem, HugeNumber, Reader, TooManyProblems
from kernel.ids import CabinetId, MaterialCode, TemplateCode

__all__ = [
    "MAX_CABINETS",
    "MAX_CODE_LENGTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_INTERIOR_ITEMS",
    "MAX_ITEMS_PER_SECTION",
    "MAX_NAME_LENGTH",
    "MAX_OBSTACLES",
    "MAX_OPENINGS",
    "MAX_OPTIONS",
    "MAX_PROBLEMS",
    "MAX_SECTIONS",
    "MAX_VERTICES",
    "MAX_WALL",
    "SCHEMA_ID",
    "cabinet_document",
    "interior_document",
    "parse_design",
    "to_document",
]

SCHEMA_ID = "millwork/design@1"
MAX_LENGTH_MM = 10_000.0  # nothing in a room is longer than 10 m; larger values are typos
MAX_PLAN_MM = 100_000.0
MAX_WALL = 999  # a wall index; the outline has at most MAX_VERTICES walls anyway

# Limits on what one design may hold (README "Limits"; the JSON Schema says the same as
# maxItems, maxLength and maxProperties). They are far above any room a person furnishes and
# keep the cost of reading and evaluating one document to seconds, not minutes.
MAX_DOCUMENT_BYTES = 512 * 1024  # the JSON text of a design, as the API receives it
MAX_CABINETS = 200
MAX_VERTICES = 64  # of the room's outline, and of each obstacle's
MAX_OPENINGS = 50
MAX_OBSTACLES = 50
MAX_SECTIONS = 12  # per cabinet interior (12 x 100 mm sections fit the widest template)
MAX_ITEMS_PER_SECTION = 30  # shelves, rails and drawers stacked in one section
MAX_INTERIOR_ITEMS = 2_000  # in all the cabinets of a design together
MAX_OPTIONS = 16  # per cabinet; templates have a handful
MAX_NAME_LENGTH = 200  # characters of the design's name
MAX_CODE_LENGTH = 64  # characters of a template or material code, an option's name or value
MAX_PROBLEMS = 100  # reading stops after this many and says so with one too_many_problems

_ID = r"[A-Za-z0-9_\-]{1,16}"
SWINGS = ("in_left", "in_right", "out_left", "out_right", "none")
CABINET_REQUIRED = (
    "id",
    "template",
    "width_mm",
    "height_mm",
    "depth_mm",
    "carcass_material",
    "front_material",
)


def parse_design(document: object) -> Design:
    """Read a design document.

    Raises
    ------
    InvalidDesign
        With every structural problem found, each with the path of the value at fault; at most
        ``MAX_PROBLEMS`` of them, then one ``too_many_problems``.
    """
    r = Reader(max_problems=MAX_PROBLEMS)
    try:
        r.plain_text(document)
        if r.problems:
            raise InvalidDesign(r.problems)  # keys and values that are not text: read no further
        design = _design(r, document)
    except TooManyProblems as stop:
        raise InvalidDesign(stop.problems) from None
    if r.problems or design is None:
        raise InvalidDesign(r.problems)
    return design


def _design(r: Reader, document: object) -> Design | None:
    doc = r.mapping(document, "", required=("schema", "room", "cabinets"), optional=("name",))
    if not isinstance(document, dict):
        return None  # nothing else can be read from it
    if "schema" in doc and doc.get("schema") != SCHEMA_ID:
        r.fail(
            FieldProblem.INVALID_VALUE, "schema", value=str(doc.get("schema")), allowed=SCHEMA_ID
        )
    name = r.text(doc["name"], "name", max_length=MAX_NAME_LENGTH) if "name" in doc else ""
    room = _room(r, doc.get("room"), "room")
    cabinets = tuple(
        _cabinet(r, c, f"cabinets[{i}]")
        for i, c in enumerate(r.sequence(doc.get("cabinets"), "cabinets", max_len=MAX_CABINETS))
    )
    _unique(r, [c.id for c in cabinets], "cabinets", "id")
    _count_items(r, cabinets)
    return Design(name=name, room=room, cabinets=cabinets)


def _count_items(r: Reader, cabinets: tuple[Cabinet, ...]) -> None:
    total = sum(len(s.items) for c in cabinets if c.interior for s in c.interior.sections)
    if total > MAX_INTERIOR_ITEMS:
        r.fail(FieldProblem.TOO_MANY_ITEMS, "cabinets", value=total, max=MAX_INTERIOR_ITEMS)


def _length(r: Reader, m: Mapping[str, object], key: str, path: str, low: float = 1) -> float:
    return r.number(m.get(key), f"{path}.{key}", minimum=low, maximum=MAX_LENGTH_MM, whole=True)


def _point(r: Reader, value: object, path: str) -> tuple[float, float]:
    xy = r.sequence(value, path, min_len=2)
    if len(xy) != 2:
        if len(xy) > 2:
            r.fail(FieldProblem.INVALID_VALUE, path, expected="[x, y]")
        return (0.0, 0.0)
    x, y = (
        r.number(v, f"{path}[{i}]", minimum=-MAX_PLAN_MM, maximum=MAX_PLAN_MM)
        for i, v in enumerate(xy)
    )
    return (x, y)


def _outline(r: Reader, value: object, path: str) -> tuple[tuple[float, float], ...]:
    points = r.sequence(value, path, min_len=3, max_len=MAX_VERTICES)
    return tuple(_point(r, p, f"{path}[{i}]") for i, p in enumerate(points))


def _room(r: Reader, value: object, path: str) -> Room:
    m = r.mapping(
        value, path, required=("outline_mm", "ceiling_mm"), optional=("openings", "obstacles")
    )
    openings = tuple(
        _opening(r, o, f"{path}.openings[{i}]")
        for i, o in enumerate(
            r.sequence(m.get("openings", []), f"{path}.openings", max_len=MAX_OPENINGS)
        )
    )
    obstacles = tuple(
        _obstacle(r, o, f"{path}.obstacles[{i}]")
        for i, o in enumerate(
            r.sequence(m.get("obstacles", []), f"{path}.obstacles", max_len=MAX_OBSTACLES)
        )
    )
    _unique(r, [o.id for o in openings], f"{path}.openings", "id")
    _unique(r, [o.id for o in obstacles], f"{path}.obstacles", "id")
    return Room(
        outline_mm=_outline(r, m.get("outline_mm"), f"{path}.outline_mm"),
        ceiling_mm=_length(r, m, "ceiling_mm", path, low=1000),
        openings=openings,
        obstacles=obstacles,
    )


def _opening(r: Reader, value: object, path: str) -> Opening:
    m = r.mapping(
        value,
        path,
        required=("id", "kind", "wall", "offset_mm", "width_mm", "height_mm"),
        optional=("sill_mm", "swing"),
    )
    kind = r.text(m.get("kind"), f"{path}.kind", choices=list(OpeningKind))
    return Opening(
        id=r.text(m.get("id"), f"{path}.id", pattern=_ID),
        kind=OpeningKind(kind) if kind in list(OpeningKind) else OpeningKind.DOOR,
        wall=_wall(r, m.get("wall"), f"{path}.wall"),
        offset_mm=r.number(
            m.get("offset_mm"), f"{path}.offset_mm", minimum=0, maximum=MAX_PLAN_MM, whole=True
        ),
        width_mm=_length(r, m, "width_mm", path),
        height_mm=_length(r, m, "height_mm", path),
        sill_mm=_length(r, m, "sill_mm", path, low=0) if "sill_mm" in m else 0.0,
        swing=r.text(m["swing"], f"{path}.swing", choices=SWINGS)
        if "swing" in m
        else ("in_left" if kind == OpeningKind.DOOR else "none"),
    )


def _obstacle(r: Reader, value: object, path: str) -> Obstacle:
    m = r.mapping(
        value, path, required=("id", "kind", "outline_mm"), optional=("bottom_mm", "top_mm")
    )
    kind = r.text(m.get("kind"), f"{path}.kind", choices=list(ObstacleKind))
    return Obstacle(
        id=r.text(m.get("id"), f"{path}.id", pattern=_ID),
        kind=ObstacleKind(kind) if kind in list(ObstacleKind) else ObstacleKind.BEAM,
        outline_mm=_outline(r, m.get("outline_mm"), f"{path}.outline_mm"),
        bottom_mm=_length(r, m, "bottom_mm", path, low=0) if "bottom_mm" in m else 0.0,
        top_mm=_length(r, m, "top_mm", path) if "top_mm" in m else None,
    )


def _wall(r: Reader, value: object, path: str) -> int:
    return r.integer(value, path, minimum=0, maximum=MAX_WALL)


def _placement(r: Reader, m: Mapping[str, object], path: str) -> WallPlacement | Position:
    if "position" in m:
        if "wall" in m or "offset_mm" in m:
            r.fail(
                FieldProblem.INVALID_VALUE,
                f"{path}.position",
                expected="either wall + offset_mm or position, not both",
            )
        p = r.mapping(m["position"], f"{path}.position", required=("x_mm", "y_mm", "angle_deg"))
        x, y = (
            r.number(p.get(k), f"{path}.position.{k}", minimum=-MAX_PLAN_MM, maximum=MAX_PLAN_MM)
            for k in ("x_mm", "y_mm")
        )
        angle = r.number(
            p.get("angle_deg"), f"{path}.position.angle_deg", minimum=-360, maximum=360
        )
        return Position(x_mm=x, y_mm=y, angle_deg=angle)
    for key in ("wall", "offset_mm"):
        if key not in m:
            r.fail(FieldProblem.MISSING_KEY, f"{path}.{key}", alternative="position")
    offset = r.number(
        m.get("offset_mm", 0), f"{path}.offset_mm", minimum=0, maximum=MAX_PLAN_MM, whole=True
    )
    return WallPlacement(wall=_wall(r, m.get("wall", 0), f"{path}.wall"), offset_mm=offset)


def _cabinet(r: Reader, value: object, path: str) -> Cabinet:
    m = r.mapping(
        value,
        path,
        required=CABINET_REQUIRED,
        optional=("wall", "offset_mm", "position", "options", "interior", "elevation_mm"),
    )
    options = _options(r, m.get("options", {}), f"{path}.options")
    interior = m.get("interior")
    return Cabinet(
        id=CabinetId(r.text(m.get("id"), f"{path}.id", pattern=_ID)),
        template=TemplateCode(_code(r, m.get("template"), f"{path}.template")),
        placement=_placement(r, m, path),
        width_mm=_length(r, m, "width_mm", path),
        height_mm=_length(r, m, "height_mm", path),
        depth_mm=_length(r, m, "depth_mm", path),
        carcass_material=MaterialCode(
            _code(r, m.get("carcass_material"), f"{path}.carcass_material")
        ),
        front_material=MaterialCode(_code(r, m.get("front_material"), f"{path}.front_material")),
        options=MappingProxyType(options),
        interior=None if interior is None else _interior(r, interior, f"{path}.interior"),
        elevation_mm=_length(r, m, "elevation_mm", path, low=0) if "elevation_mm" in m else None,
    )


def _code(r: Reader, value: object, path: str) -> str:
    return r.text(value, path, max_length=MAX_CODE_LENGTH)


def _options(r: Reader, value: object, path: str) -> dict[str, str | int]:
    """Template options: names chosen by the template, each a short string or a whole number
    (which the template checks; here only that it is one)."""
    options = r.open_mapping(value, path)
    if len(options) > MAX_OPTIONS:
        r.fail(FieldProblem.TOO_MANY_ITEMS, path, value=len(options), max=MAX_OPTIONS)
        return {}
    read: dict[str, str | int] = {}
    for key, option in options.items():
        at = f"{path}.{key}"
        if len(key) > MAX_CODE_LENGTH:
            r.fail(FieldProblem.TOO_LONG, at, length=len(key), max=MAX_CODE_LENGTH)
        elif isinstance(option, str):
            read[key] = _code(r, option, at)
        elif _whole(option):  # 3.0 is one too, as JSON Schema has it; 10**40 is out of range
            read[key] = r.integer(option, at, minimum=-int(MAX_PLAN_MM), maximum=int(MAX_PLAN_MM))
        else:
            r.fail(
                FieldProblem.WRONG_TYPE,
                at,
                expected="a string or a whole number",
                got=type(option).__name__,
            )
    return read


def _whole(value: object) -> bool:
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int | HugeNumber) and not isinstance(value, bool)


def _interior(r: Reader, value: object, path: str) -> Interior:
    m = r.mapping(value, path, required=("sections",))
    sections = r.sequence(m.get("sections"), f"{path}.sections", min_len=1, max_len=MAX_SECTIONS)
    return Interior(
        sections=tuple(_section(r, s, f"{path}.sections[{i}]") for i, s in enumerate(sections))
    )


def _section(r: Reader, value: object, path: str) -> Section:
    m = r.mapping(value, path, required=("width_mm",), optional=("items", "doors"))
    width = None if m.get("width_mm") is None else _length(r, m, "width_mm", path)
    items = r.sequence(m.get("items", []), f"{path}.items", max_len=MAX_ITEMS_PER_SECTION)
    doors = m.get("doors")
    return Section(
        width_mm=width,
        items=tuple(_item(r, it, f"{path}.items[{i}]") for i, it in enumerate(items)),
        doors=None if doors is None else r.integer(doors, f"{path}.doors", minimum=0, maximum=2),
    )


def _item(r: Reader, value: object, path: str) -> Item:
    head = r.open_mapping(value, path)
    if isinstance(value, dict) and "kind" not in value:
        r.fail(FieldProblem.MISSING_KEY, f"{path}.kind")
        return Item(kind=ItemKind.SHELF, at_mm=0.0)
    kind = r.text(head.get("kind"), f"{path}.kind", choices=list(ItemKind))
    if kind not in list(ItemKind):
        return Item(kind=ItemKind.SHELF, at_mm=0.0)  # reported; its other keys mean nothing
    if kind == ItemKind.DRAWER:
        m = r.mapping(value, path, required=("kind",), optional=("height_mm",))
        height = m.get("height_mm")
        return Item(
            kind=ItemKind.DRAWER,
            height_mm=None if height is None else _length(r, m, "height_mm", path),
        )
    m = r.mapping(value, path, required=("kind", "at_mm"))
    return Item(
        kind=ItemKind(kind),
        at_mm=_length(r, m, "at_mm", path, low=0),
    )


def _unique(r: Reader, ids: list[str], path: str, key: str) -> None:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            r.fail(FieldProblem.DUPLICATE_ID, f"{path}[{i}].{key}", value=ident)
        seen.add(ident)


def to_document(design: Design) -> dict[str, Any]:
    """The design as a document v1 (plain JSON data): the inverse of ``parse_design``.

    Whole millimetres are written as integers, as a user writes them; keys the parser fills
    in (``sill_mm``, ``swing``, ``bottom_mm``) are written out, and absent optional values
    (``top_mm``, ``elevation_mm``, a drawer's shared ``height_mm``) are left out, except
    ``interior``, whose ``null`` means the template's default interior.
    """
    return {
        "schema": SCHEMA_ID,
        "name": design.name,
        "room": _room_document(design.room),
        "cabinets": [cabinet_document(c) for c in design.cabinets],
    }


def _num(value: float) -> float | int:
    """``1600.0`` as ``1600``; other numbers as they are."""
    return int(value) if float(value).is_integer() else value


def _points(points: tuple[tuple[float, float], ...]) -> list[list[float | int]]:
    return [[_num(x), _num(y)] for x, y in points]


def _room_document(room: Room) -> dict[str, Any]:
    return {
        "outline_mm": _points(room.outline_mm),
        "ceiling_mm": _num(room.ceiling_mm),
        "openings": [
            {
                "id": o.id,
                "kind": o.kind.value,
                "wall": o.wall,
                "offset_mm": _num(o.offset_mm),
                "width_mm": _num(o.width_mm),
                "height_mm": _num(o.height_mm),
                "sill_mm": _num(o.sill_mm),
                "swing": o.swing,
            }
            for o in room.openings
        ],
        "obstacles": [
            {
                "id": o.id,
                "kind": o.kind.value,
                "outline_mm": _points(o.outline_mm),
                "bottom_mm": _num(o.bottom_mm),
                **({} if o.top_mm is None else {"top_mm": _num(o.top_mm)}),
            }
            for o in room.obstacles
        ],
    }


def cabinet_document(c: Cabinet) -> dict[str, Any]:
    if isinstance(c.placement, WallPlacement):
        placement: dict[str, Any] = {
            "wall": c.placement.wall,
            "offset_mm": _num(c.placement.offset_mm),
        }
    else:
        placement = {
            "position": {
                "x_mm": _num(c.placement.x_mm),
                "y_mm": _num(c.placement.y_mm),
                "angle_deg": _num(c.placement.angle_deg),
            }
        }
    return {
        "id": c.id,
        "template": c.template,
        **placement,
        "width_mm": _num(c.width_mm),
        "height_mm": _num(c.height_mm),
        "depth_mm": _num(c.depth_mm),
        "carcass_material": c.carcass_material,
        "front_material": c.front_material,
        "options": dict(c.options),
        "interior": None if c.interior is None else interior_document(c.interior),
        **({} if c.elevation_mm is None else {"elevation_mm": _num(c.elevation_mm)}),
    }


def interior_document(interior: Interior) -> dict[str, Any]:
    """An interior as the document writes it (a cabinet's ``interior``)."""
    return {
        "sections": [
            {
                "width_mm": None if s.width_mm is None else _num(s.width_mm),
                "items": [_item_document(it) for it in s.items],
                **({} if s.doors is None else {"doors": s.doors}),
            }
            for s in interior.sections
        ]
    }


def _item_document(item: Item) -> dict[str, Any]:
    if item.kind == ItemKind.DRAWER:
        height = item.height_mm
        return {"kind": item.kind.value} | ({} if height is None else {"height_mm": _num(height)})
    return {"kind": item.kind.value, "at_mm": _num(item.at_mm or 0.0)}

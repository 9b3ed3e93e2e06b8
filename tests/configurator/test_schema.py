"""The published JSON Schema and the parser agree on what a design document is."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from configurator.model.document import (
    MAX_CABINETS,
    MAX_CODE_LENGTH,
    MAX_ITEMS_PER_SECTION,
    MAX_NAME_LENGTH,
    MAX_OBSTACLES,
    MAX_OPENINGS,
    MAX_OPTIONS,
    MAX_PLAN_MM,
    MAX_SECTIONS,
    MAX_VERTICES,
    MAX_WALL,
    parse_design,
)
from configurator.model.errors import InvalidDesign
from configurator.model.schema import design_schema
from tests.builders import ROOM, a_cabinet, a_document
from tests.strategies import cabinets

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.json"))
VALIDATOR = jsonschema.Draft202012Validator(design_schema())


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(design_schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid(path: Path) -> None:
    document = json.loads(path.read_text())
    VALIDATOR.validate(document)
    parse_design(document)


@given(cabinet=cabinets())
def test_every_generated_cabinet_is_valid_for_both(cabinet: dict[str, Any]) -> None:
    document = a_document(cabinet)
    VALIDATOR.validate(document)
    parse_design(document)


@pytest.mark.parametrize(
    "change",
    [
        {"width_mm": -600},
        {"width_mm": 600.5},
        {"colour": "red"},
        {"id": "has space"},
        {"interior": {"sections": []}},
        {"elevation_mm": -1},
        {"interior": {"sections": [{"width_mm": None, "items": [{"kind": "basket", "at_mm": 1}]}]}},
        {"position": {"x_mm": 0, "y_mm": 0, "angle_deg": 0}},
    ],
)
def test_what_the_parser_rejects_the_schema_rejects(change: dict[str, Any]) -> None:
    document = a_document(a_cabinet(**change))
    with pytest.raises(InvalidDesign):
        parse_design(document)
    assert not VALIDATOR.is_valid(document)


@given(
    st.dictionaries(
        st.sampled_from(["schema", "room", "cabinets", "name", "x"]),
        st.none() | st.integers() | st.text(max_size=3),
        max_size=4,
    )
)
def test_random_documents_are_rejected_by_both(document: dict[str, Any]) -> None:
    with pytest.raises(InvalidDesign):
        parse_design(document)
    assert not VALIDATOR.is_valid(document)


OPENING = {"id": "d", "kind": "door", "wall": 0, "offset_mm": 0, "width_mm": 900, "height_mm": 900}
OBSTACLE = {"id": "b", "kind": "column", "outline_mm": [[0, 0], [300, 0], [300, 300]]}


def _room(**changes: Any) -> dict[str, Any]:
    return a_document(room={**copy.deepcopy(ROOM), **changes})


def _shelves(n: int) -> dict[str, Any]:
    items = [{"kind": "shelf", "at_mm": 100 + i} for i in range(n)]
    return {"sections": [{"width_mm": None, "items": items}]}


# Documents with ``n`` things of a kind (each valid on its own), by the kind.
MAKE: dict[str, Callable[[int], dict[str, Any]]] = {
    "cabinets": lambda n: a_document(*[a_cabinet(id=f"C{i}") for i in range(n)]),
    "outline_mm": lambda n: _room(outline_mm=[[i, (i * i) % 97] for i in range(n)]),
    "openings": lambda n: _room(openings=[dict(OPENING, id=f"d{i}") for i in range(n)]),
    "obstacles": lambda n: _room(obstacles=[dict(OBSTACLE, id=f"b{i}") for i in range(n)]),
    "obstacle outline": lambda n: _room(
        obstacles=[dict(OBSTACLE, outline_mm=[[i, i % 7] for i in range(n)])]
    ),
    "sections": lambda n: a_document(
        a_cabinet(interior={"sections": [{"width_mm": None, "items": []}] * n})
    ),
    "items": lambda n: a_document(a_cabinet(interior=_shelves(n))),
    "options": lambda n: a_document(a_cabinet(options={f"o{i}": i for i in range(n)})),
    "name": lambda n: {**a_document(), "name": "名" * n},
    "template": lambda n: a_document(a_cabinet(template="t" * n)),
    # (offset, so that the limit falls at the bound)
    "option value": lambda n: a_document(a_cabinet(options={"x": int(MAX_PLAN_MM) + n - 1})),
    "wall": lambda n: a_document(a_cabinet(wall=MAX_WALL + n - 1)),
}


LIMITS = {
    "cabinets": MAX_CABINETS,
    "outline_mm": MAX_VERTICES,
    "openings": MAX_OPENINGS,
    "obstacles": MAX_OBSTACLES,
    "obstacle outline": MAX_VERTICES,
    "sections": MAX_SECTIONS,
    "items": MAX_ITEMS_PER_SECTION,
    "options": MAX_OPTIONS,
    "name": MAX_NAME_LENGTH,
    "template": MAX_CODE_LENGTH,
    "option value": 1,
    "wall": 1,
}


@pytest.mark.parametrize("where", LIMITS)
def test_the_schema_and_the_parser_have_the_same_limits(where: str) -> None:
    at_limit, past_it = MAKE[where](LIMITS[where]), MAKE[where](LIMITS[where] + 1)
    VALIDATOR.validate(at_limit)
    parse_design(at_limit)
    assert not VALIDATOR.is_valid(past_it)
    with pytest.raises(InvalidDesign) as refused:
        parse_design(past_it)
    codes = {p.code for p in refused.value.problems}
    assert codes <= {"too_many_items", "too_long", "out_of_range"}


@pytest.mark.parametrize("text", ["a\x00b", "\x1b[31m", "\u202eevil", "x\x7f", "\x85"])
def test_text_that_is_not_text_is_refused_by_both(text: str) -> None:
    document = {**a_document(), "name": text}
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(InvalidDesign):
        parse_design(document)


@pytest.mark.parametrize("text", ["主卧 Master bedroom", "tab\tand\nnew line", "🛏", ""])
def test_text_is_text_for_both(text: str) -> None:
    document = {**a_document(), "name": text}
    VALIDATOR.validate(document)
    parse_design(document)

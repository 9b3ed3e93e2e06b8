"""The published JSON Schema and the parser agree on what a design document is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from configurator.model.document import parse_design
from configurator.model.errors import InvalidDesign
from configurator.model.schema import design_schema
from tests.builders import a_cabinet, a_document
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

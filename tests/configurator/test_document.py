from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from configurator.model.design import ItemKind, Position, WallPlacement
from configurator.model.document import parse_design, to_document
from configurator.model.errors import InvalidDesign
from configurator.model.schema import design_schema
from tests.builders import a_cabinet, a_document
from tests.strategies import EXAMPLES, design_documents

VALIDATOR = jsonschema.Draft202012Validator(design_schema())


def problems(doc: Any) -> list[tuple[str, str]]:
    with pytest.raises(InvalidDesign) as exc:
        parse_design(doc)
    return [(p.code, p.path) for p in exc.value.problems]


def test_the_design_example_of_design_md_parses() -> None:
    doc = a_document(
        a_cabinet(
            interior={
                "sections": [
                    {
                        "width_mm": 800,
                        "items": [
                            {"kind": "rail", "at_mm": 1700},
                            {"kind": "drawer", "height_mm": 200},
                        ],
                    },
                    {"width_mm": None, "items": [{"kind": "drawer"}]},
                ]
            }
        )
    )
    doc["room"]["openings"] = [
        {
            "id": "d1",
            "kind": "door",
            "wall": 3,
            "offset_mm": 200,
            "width_mm": 900,
            "height_mm": 2100,
            "sill_mm": 0,
        }
    ]
    doc["room"]["obstacles"] = [
        {
            "id": "b1",
            "kind": "beam",
            "bottom_mm": 2350,
            "outline_mm": [[0, 2700], [3600, 2700], [3600, 3000]],
        }
    ]
    design = parse_design(doc)
    cabinet = design.cabinets[0]
    assert cabinet.placement == WallPlacement(wall=0, offset_mm=0)
    assert cabinet.interior is not None
    first, second = cabinet.interior.sections
    assert first.width_mm == 800 and second.width_mm is None
    assert first.items[0].kind is ItemKind.RAIL and first.items[1].height_mm == 200
    assert second.items[0].height_mm is None
    assert design.room.openings[0].swing == "in_left"
    assert design.room.obstacles[0].bottom_mm == 2350


def test_a_free_position_is_read() -> None:
    cab = a_cabinet(position={"x_mm": 100, "y_mm": 50, "angle_deg": 90})
    del cab["wall"], cab["offset_mm"]
    design = parse_design(a_document(cab))
    assert design.cabinets[0].placement == Position(x_mm=100, y_mm=50, angle_deg=90)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"width_mm": -600}, ("out_of_range", "cabinets[0].width_mm")),
        ({"width_mm": 0}, ("out_of_range", "cabinets[0].width_mm")),
        ({"width_mm": 1e9}, ("out_of_range", "cabinets[0].width_mm")),
        ({"width_mm": math.nan}, ("not_finite", "cabinets[0].width_mm")),
        ({"width_mm": math.inf}, ("not_finite", "cabinets[0].width_mm")),
        ({"width_mm": 600.5}, ("not_whole", "cabinets[0].width_mm")),
        ({"elevation_mm": -5}, ("out_of_range", "cabinets[0].elevation_mm")),
        ({"width_mm": "600"}, ("wrong_type", "cabinets[0].width_mm")),
        ({"height_mm": True}, ("wrong_type", "cabinets[0].height_mm")),
        ({"colour": "red"}, ("unknown_key", "cabinets[0].colour")),
        ({"offset_mm": -1}, ("out_of_range", "cabinets[0].offset_mm")),
        ({"offset_mm": 2e5}, ("out_of_range", "cabinets[0].offset_mm")),
        ({"id": "has space"}, ("invalid_value", "cabinets[0].id")),
        ({"options": {"handle": 1.5}}, ("wrong_type", "cabinets[0].options.handle")),
        ({"options": []}, ("wrong_type", "cabinets[0].options")),
        ({"interior": {"sections": []}}, ("out_of_range", "cabinets[0].interior.sections")),
        (
            {"interior": {"sections": [{"width_mm": None, "items": [{"kind": "basket"}]}]}},
            ("invalid_value", "cabinets[0].interior.sections[0].items[0].kind"),
        ),
        (
            {"interior": {"sections": [{"width_mm": None, "items": [{"kind": "shelf"}]}]}},
            ("missing_key", "cabinets[0].interior.sections[0].items[0].at_mm"),
        ),
        (
            {
                "interior": {
                    "sections": [{"width_mm": None, "items": [{"kind": "drawer", "at_mm": 5}]}]
                }
            },
            ("unknown_key", "cabinets[0].interior.sections[0].items[0].at_mm"),
        ),
        (
            {"interior": {"sections": [{"width_mm": None, "items": [{"at_mm": 5}]}]}},
            ("missing_key", "cabinets[0].interior.sections[0].items[0].kind"),
        ),
        (
            {"interior": {"sections": [{"items": []}]}},
            ("missing_key", "cabinets[0].interior.sections[0].width_mm"),
        ),
    ],
)
def test_impossible_cabinet_values_are_rejected_with_their_path(
    change: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert problems(a_document(a_cabinet(**change))) == [expected]


def test_every_mistake_is_reported_at_once() -> None:
    doc = a_document(a_cabinet(width_mm=-1, depth_mm="deep", extra=1))
    assert len(problems(doc)) == 3


def test_document_level_mistakes() -> None:
    assert problems([]) == [("wrong_type", "")]
    assert ("missing_key", "cabinets") in problems({"schema": "millwork/design@1", "room": {}})
    doc = a_document()
    doc["schema"] = "other@9"
    doc["name"] = 7
    assert problems(doc) == [("invalid_value", "schema"), ("wrong_type", "name")]


def test_room_mistakes_name_their_path() -> None:
    doc = a_document()
    doc["room"] = {
        "outline_mm": [[0, 0], [1, 2, 3], "x"],
        "ceiling_mm": 200,
        "openings": [
            {
                "id": "d1",
                "kind": "hatch",
                "wall": 0,
                "offset_mm": 0,
                "width_mm": 800,
                "height_mm": 2000,
                "swing": "up",
            }
        ],
        "obstacles": [{"id": "c", "kind": "column", "outline_mm": [[0, 0]]}],
    }
    assert problems(doc) == [
        ("invalid_value", "room.openings[0].kind"),
        ("invalid_value", "room.openings[0].swing"),
        ("out_of_range", "room.obstacles[0].outline_mm"),
        ("invalid_value", "room.outline_mm[1]"),
        ("wrong_type", "room.outline_mm[2]"),
        ("out_of_range", "room.ceiling_mm"),
    ]


def test_ids_must_be_unique() -> None:
    doc = a_document(a_cabinet(id="A"), a_cabinet(id="A"))
    assert problems(doc) == [("duplicate_id", "cabinets[1].id")]


def test_placement_is_wall_and_offset_or_position_not_both() -> None:
    both = a_cabinet(position={"x_mm": 0, "y_mm": 0, "angle_deg": 0})
    assert problems(a_document(both)) == [("invalid_value", "cabinets[0].position")]
    neither = a_cabinet()
    del neither["wall"]
    assert problems(a_document(neither)) == [("missing_key", "cabinets[0].wall")]


def test_a_missing_object_is_reported_once() -> None:
    assert problems({"schema": "millwork/design@1", "cabinets": []}) == [("missing_key", "room")]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_an_example_written_back_reads_the_same(path: Path) -> None:
    design = parse_design(json.loads(path.read_text()))
    written = to_document(design)
    assert parse_design(written) == design
    assert to_document(parse_design(written)) == written  # one normal form


def test_optional_values_are_written_only_when_given() -> None:
    drawers = {"sections": [{"width_mm": None, "items": [{"kind": "drawer"}]}]}
    doc = a_document(a_cabinet(id="A"), a_cabinet(id="B", interior=drawers, elevation_mm=900))
    written = to_document(parse_design(doc))
    first, second = written["cabinets"]
    assert first["interior"] is None and "elevation_mm" not in first
    assert second["interior"]["sections"][0] == {"width_mm": None, "items": [{"kind": "drawer"}]}
    assert second["elevation_mm"] == 900 and isinstance(second["width_mm"], int)


@given(doc=design_documents())
def test_to_document_is_the_inverse_of_parse_design(doc: dict[str, Any]) -> None:
    design = parse_design(doc)
    written = to_document(design)
    assert parse_design(written) == design
    assert parse_design(json.loads(json.dumps(written))) == design  # plain JSON data
    VALIDATOR.validate(written)

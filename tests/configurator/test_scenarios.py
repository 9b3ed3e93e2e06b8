"""Whole rooms: a sensibly furnished L-shaped room is clean; the same room with deliberate
mistakes gives exactly the expected problems; cabinets on random convex rooms."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from catalog.catalog import Catalog
from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from configurator.rules.fixes import offer_fixes
from tests.strategies import CATALOG
from web.messages import fix_message, message

L_SHAPED = json.loads(
    (Path(__file__).parents[2] / "examples" / "l-shaped-bedroom.json").read_text()
)


def cabinet(doc: dict[str, Any], ident: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in doc["cabinets"] if c["id"] == ident)
    return found


def test_the_l_shaped_room_furnished_sensibly_has_no_errors(catalog: Catalog) -> None:
    evaluation = evaluate(parse_design(L_SHAPED), catalog)
    assert [p for p in evaluation.problems if p.severity == "error"] == []
    assert len(evaluation.build.cabinets) == 4


def test_the_same_room_with_mistakes_gives_exactly_the_expected_problems(
    catalog: Catalog,
) -> None:
    doc = copy.deepcopy(L_SHAPED)
    cabinet(doc, "S1")["offset_mm"] = 2000  # wall 1 is 2500 long: 2000 + 800 passes its end
    cabinet(doc, "D1")["height_mm"] = 1000  # taller than the 900 mm window sill
    cabinet(doc, "W2")["height_mm"] = 2400  # under the beam at 2350
    cabinet(doc, "W1")["offset_mm"] = 2450  # into the window and onto D1
    evaluation = evaluate(parse_design(doc), catalog)
    found = sorted((p.code, p.path) for p in evaluation.problems if p.severity == "error")
    assert found == [
        ("blocks_opening", "cabinets[0]"),
        ("blocks_opening", "cabinets[1]"),
        ("cabinet_overlap", "cabinets[1]"),
        ("front_clearance", "cabinets[1]"),  # D1's drawers now open into W1
        ("obstacle_conflict", "cabinets[3]"),
        ("outside_room", "cabinets[2]"),
    ]


def test_every_problem_reads_in_both_languages_with_checked_fixes(catalog: Catalog) -> None:
    doc = copy.deepcopy(L_SHAPED)
    cabinet(doc, "S1")["offset_mm"] = 2000
    cabinet(doc, "W2")["height_mm"] = 2400
    design = parse_design(doc)
    problems = offer_fixes(design, evaluate(design, catalog), catalog)
    for problem in problems:
        for language in ("en", "zh-CN"):
            assert "?" not in message(problem, language) and problem.code not in message(
                problem, language
            )
            assert problem.fixes
            for change in problem.fixes:
                assert "?" not in fix_message(change, language)
    beam = next(p for p in problems if p.code == "obstacle_conflict")
    assert "2350" in fix_message(beam.fixes[0], "zh-CN")


@st.composite
def convex_rooms(draw: st.DrawFn) -> list[list[float]]:
    """Regular polygons (interior angles of 90° or more) of random size and rotation."""
    sides = draw(st.integers(4, 10))
    radius = draw(st.integers(2500, 6000))
    turn = draw(st.floats(0, 2 * math.pi))
    return [
        [
            round(radius * math.cos(turn + 2 * math.pi * i / sides), 3),
            round(radius * math.sin(turn + 2 * math.pi * i / sides), 3),
        ]
        for i in range(sides)
    ]


def design_with(room: list[list[float]], *, wall: int, offset: int, width: int) -> dict[str, Any]:
    return {
        "schema": "millwork/design@1",
        "room": {"outline_mm": room, "ceiling_mm": 2800},
        "cabinets": [
            {
                "id": "S",
                "template": "shelving_open",
                "wall": wall,
                "offset_mm": offset,
                "width_mm": width,
                "height_mm": 2000,
                "depth_mm": 350,
                "carcass_material": "PB18_WHITE",
                "front_material": "PB18_WHITE",
            }
        ],
    }


@given(room=convex_rooms(), data=st.data())
def test_a_cabinet_at_a_valid_offset_on_any_wall_of_a_convex_room_is_inside(
    room: list[list[float]], data: st.DataObject
) -> None:
    wall = data.draw(st.integers(0, len(room) - 1))
    length = math.dist(room[wall], room[(wall + 1) % len(room)])
    width = data.draw(st.integers(300, min(1200, int(length))))
    offset = data.draw(st.integers(0, int(length - width)))
    evaluation = evaluate(
        parse_design(design_with(room, wall=wall, offset=offset, width=width)), CATALOG
    )
    assert "outside_room" not in [p.code for p in evaluation.problems]


@given(room=convex_rooms(), data=st.data())
def test_moving_it_past_the_wall_end_reports_outside_room(
    room: list[list[float]], data: st.DataObject
) -> None:
    wall = data.draw(st.integers(0, len(room) - 1))
    length = math.dist(room[wall], room[(wall + 1) % len(room)])
    width = data.draw(st.integers(300, min(1200, int(length))))
    past = data.draw(st.integers(5, 500))
    offset = math.ceil(length - width) + past
    assume(offset + width < 100_000)
    evaluation = evaluate(
        parse_design(design_with(room, wall=wall, offset=offset, width=width)), CATALOG
    )
    assert "outside_room" in [p.code for p in evaluation.problems]

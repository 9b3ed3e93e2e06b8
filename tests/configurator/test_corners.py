"""Corner units and corner rules (issue 11, item 3): the L-shaped corner wardrobe and the
blind-corner units as built, drawn and priced; two cabinets meeting in a corner in front of
each other's fronts are a ``corner_blocked`` error whose checked fix is the corner unit."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from catalog.catalog import Catalog
from configurator.build.parts import Role
from configurator.model.document import parse_design
from configurator.rules.corners import CornerFix
from configurator.rules.evaluate import evaluate
from configurator.rules.fill import offer_fill
from configurator.rules.proposals import RuleFix
from configurator.views.elevation import render_elevation_svg
from configurator.views.plan import render_plan_svg
from kernel.json_patch import apply_patch
from kernel.problems import errors_in
from tests.builders import a_build, a_cabinet, a_document
from tests.configurator.test_drawings import texts
from tests.configurator.test_fixes import assert_works, offered, the
from tests.strategies import CATALOG, cabinets

ROOM: dict[str, Any] = {
    "outline_mm": [[0, 0], [4000, 0], [4000, 3000], [0, 3000]],
    "ceiling_mm": 2600,
}


class SvgSnapshot(SingleFileSnapshotExtension):
    file_extension = "svg"
    _write_mode = WriteMode.TEXT


def corner_room(*cabinets: dict[str, Any]) -> dict[str, Any]:
    return a_document(*cabinets, room=ROOM)


L_UNIT = a_cabinet(
    id="L1", template="corner_wardrobe", wall=0, offset_mm=2800, width_mm=1200, options={}
)
BLIND = a_cabinet(
    id="K1",
    template="blind_corner_base",
    wall=1,
    offset_mm=2000,  # into the corner with wall 2, which is on its left
    width_mm=1000,
    height_mm=820,
    depth_mm=560,
    options={"blind_side": "left"},
)
NEIGHBOUR = a_cabinet(
    id="K2",
    template="base_cabinet",
    wall=2,
    offset_mm=578,  # in front of the blind unit's blind part (580), its side on the unit's front
    width_mm=600,
    height_mm=820,
    depth_mm=560,
)


def test_a_room_with_an_l_unit_and_a_blind_corner_run_has_no_errors(catalog: Catalog) -> None:
    evaluation = evaluate(parse_design(corner_room(L_UNIT, BLIND, NEIGHBOUR)), catalog)
    assert errors_in(evaluation.problems) == []


def test_the_l_unit_has_two_arms_each_with_carcass_back_shelves_and_doors(
    catalog: Catalog,
) -> None:
    """Arm A on wall 0 is 1200 from the corner, arm B 1200 along wall 1 (the default arm):
    arm B stands 580 + 18 = 598 deep in front of arm A's blind panel, so it is 602 long; arm
    A's door starts past the blind panel and the 50 mm filler."""
    built = a_build(catalog, L_UNIT).cabinets[0].cabinet
    assert built.envelope.hi == (1200, 1200, 2400)
    assert built.front_length_mm == 2400
    by_arm: dict[str, set[Role]] = {"A": set(), "B": set()}
    for part in built.parts:
        by_arm[part.part_id.split("-")[1]].add(part.role)
    for roles in by_arm.values():
        assert {Role.SIDE, Role.TOP, Role.BOTTOM, Role.BACK, Role.DOOR, Role.FIXED_SHELF} <= roles
    parts = {p.part_id: p for p in built.parts}
    assert parts["L1-B-SIDE-R"].box.hi[1] == pytest.approx(602)  # against the blind panel
    assert parts["L1-A-BLIND"].box.lo[1] == pytest.approx(602)
    assert parts["L1-A-BLIND"].box.hi[0] == pytest.approx(598)  # behind arm B
    assert parts["L1-A-FILLER"].width_mm == pytest.approx(48.5)  # 50 less half a door gap
    door_a, door_b = parts["L1-A-DOOR1"], parts["L1-B-DOOR1"]
    assert door_a.box.lo[0] > parts["L1-A-FILLER"].box.hi[0]
    assert door_b.thickness_axis == 0  # arm B's door faces along the side wall
    assert {h.where.split(":")[0] for h in built.hardware} == {"arm A", "arm B"}


@pytest.mark.parametrize("side", ["left", "right"])
def test_a_blind_corner_unit_has_its_door_clear_of_the_blind_part(
    catalog: Catalog, side: str
) -> None:
    cabinet = {**BLIND, "options": {"blind_side": side, "blind_mm": 600, "filler_mm": 80}}
    built = a_build(catalog, cabinet).cabinets[0].cabinet
    parts = {p.part_id: p for p in built.parts}
    door, filler, blind = parts["K1-DOOR1"], parts["K1-FILLER"], parts["K1-BLIND"]
    if side == "right":
        assert blind.box.lo[0] == 400 and door.box.hi[0] < filler.box.lo[0]
    else:
        assert blind.box.hi[0] == 600 and door.box.lo[0] > filler.box.hi[0]
    assert filler.width_mm == pytest.approx(78.5)
    assert len([p for p in built.parts if p.role is Role.DOOR]) == 1


def test_a_corner_unit_refuses_an_interior_of_its_own(catalog: Catalog) -> None:
    cabinet = {**BLIND, "interior": {"sections": [{"width_mm": None, "items": []}]}}
    evaluation = evaluate(parse_design(corner_room(cabinet)), catalog)
    assert [p.code for p in evaluation.problems] == ["corner_interior"]


def test_plan_of_a_room_with_corner_units(catalog: Catalog, snapshot: SnapshotAssertion) -> None:
    build = evaluate(parse_design(corner_room(L_UNIT, BLIND, NEIGHBOUR)), catalog).build
    svg = render_plan_svg(build)
    assert svg == snapshot.use_extension(SvgSnapshot)


# -- the corner rule and its fixes ---------------------------------------------------------

W1 = a_cabinet(id="W1", wall=0, offset_mm=2400, width_mm=1600)  # reaches the corner
W2 = a_cabinet(id="W2", wall=1, offset_mm=598, width_mm=1200)  # in front of W1's first door


def test_two_wardrobes_in_a_corner_become_an_l_unit(catalog: Catalog) -> None:
    doc = corner_room(W1, W2)
    problems = offered(doc, catalog)
    blocked = the(problems, "corner_blocked")
    assert (blocked.path, blocked.params["other"]) == ("cabinets[0]", "W2")
    assert [f.code for f in blocked.fixes] == [CornerFix.USE_CORNER_UNIT, RuleFix.MOVE_ALONG_WALL]
    unit = blocked.fixes[0]
    assert (unit.params["width_mm"], unit.params["arm_mm"]) == (1600, 1798)
    for change in blocked.fixes:
        assert_works(doc, blocked, change, catalog)
    fixed = apply_patch(doc, unit.patch)
    assert [c["template"] for c in fixed["cabinets"]] == ["corner_wardrobe"]
    assert errors_in(evaluate(parse_design(fixed), catalog).problems) == []


def test_a_base_cabinet_behind_its_neighbour_becomes_a_blind_corner_unit(
    catalog: Catalog,
) -> None:
    base = a_cabinet(
        id="B1", template="base_cabinet", wall=0, offset_mm=3000, width_mm=1000,
        height_mm=820, depth_mm=560,
    )  # fmt: skip
    neighbour = {**NEIGHBOUR, "id": "B2", "wall": 1, "offset_mm": 578}
    doc = corner_room(base, neighbour)
    blocked = the(offered(doc, catalog), "corner_blocked")
    assert blocked.params["other"] == "B2"
    blind = next(f for f in blocked.fixes if f.code is CornerFix.USE_BLIND_CORNER)
    assert (blind.params["width_mm"], blind.params["blind_mm"]) == (1000, 578)
    assert_works(doc, blocked, blind, catalog)
    fixed = apply_patch(doc, blind.patch)["cabinets"][0]
    assert fixed["template"] == "blind_corner_base" and fixed["options"]["blind_side"] == "left"


def test_the_corner_rule_at_its_boundary(catalog: Catalog) -> None:
    """W1's doors (1600 wide: three of (1597 - 6) / 3 = 530.3) reach into the room from its
    598 mm front to 1128.3: W2 standing from 1128 on is clear (touching within the
    tolerance), from 1127 it is in their way."""
    blocked = evaluate(parse_design(corner_room(W1, {**W2, "offset_mm": 1127})), catalog)
    assert "corner_blocked" in [p.code for p in blocked.problems]
    clear = evaluate(parse_design(corner_room(W1, {**W2, "offset_mm": 1128})), catalog)
    assert "corner_blocked" not in [p.code for p in clear.problems]


def test_an_l_unit_stands_in_its_corner(catalog: Catalog) -> None:
    """Its left side at wall 0's end (offset 4000 - 1200 = 2800), or up to 10 mm short of it
    (scribed on site); 11 mm short is an error whose fix moves it into the corner."""
    for offset in (2800, 2790):
        evaluation = evaluate(parse_design(corner_room({**L_UNIT, "offset_mm": offset})), catalog)
        assert evaluation.problems == ()
    doc = corner_room({**L_UNIT, "offset_mm": 2789})
    off = the(offered(doc, catalog), "corner_unit_off_corner")
    assert (off.params["reason"], off.params["gap_mm"]) == ("gap", 11)
    assert [(f.code, f.params["offset_mm"]) for f in off.fixes] == [(RuleFix.MOVE_ALONG_WALL, 2800)]
    assert_works(doc, off, off.fixes[0], catalog)
    free = {k: v for k, v in L_UNIT.items() if k not in ("wall", "offset_mm")}
    placed = {**free, "position": {"x_mm": 1000, "y_mm": 1500, "angle_deg": 0}}
    loose = evaluate(parse_design(corner_room(placed)), catalog)
    assert [(p.code, p.params["reason"]) for p in loose.problems] == [
        ("corner_unit_off_corner", "position")
    ]


def test_fill_offers_the_corner_unit_for_a_free_corner(catalog: Catalog) -> None:
    empty = corner_room()
    empty["cabinets"] = []
    (offer,) = offer_fill(parse_design(empty), catalog, wall=0, template="corner_wardrobe")
    assert offer.fix is not None and offer.fill is not None
    assert (offer.span.start_mm, offer.fill.widths) == (2800, (1200,))
    filled = apply_patch(empty, offer.fix.patch)
    assert errors_in(evaluate(parse_design(filled), catalog).problems) == []
    # the corner is taken by a wardrobe on the next wall: no L unit fits there
    taken = corner_room(a_cabinet(id="W9", wall=1, offset_mm=0, width_mm=1200))
    (none,) = offer_fill(parse_design(taken), catalog, wall=0, template="corner_wardrobe")
    assert none.fix is None and none.problem is not None
    assert none.problem.code == "fill_adds_errors"


def test_the_elevations_show_each_arm_on_its_wall(catalog: Catalog) -> None:
    """Wall 0 shows arm A (1200 from the corner), wall 1 arm B with the L's outline to the
    corner: 1200 from wall 1's start, which is the corner."""
    build = evaluate(parse_design(corner_room(L_UNIT)), catalog).build
    for wall, rest in ((0, "2800"), (1, "1800")):  # the rest of the 4000 and 3000 mm walls
        words = texts(render_elevation_svg(build, catalog, wall=wall))
        assert {"L1", "1200", rest} <= set(words)
    words = texts(render_elevation_svg(build, catalog, wall=2))
    assert "L1" not in words


@settings(max_examples=25, deadline=None)
@given(
    first=cabinets(),
    second=cabinets(),
    gap=st.integers(0, 300),
    along=st.integers(0, 900),
)
def test_every_fix_offered_in_a_corner_works(
    first: dict[str, Any], second: dict[str, Any], gap: int, along: int
) -> None:
    """Any two cabinets of the catalog meeting in the corner of walls 0 and 1 (the first
    reaching the corner, give or take ``gap``; the second ``along`` from it): whatever the
    rules find there, each fix offered, applied, removes its problem and adds no error."""
    length = 4000
    first = {**first, "id": "P", "wall": 0, "offset_mm": max(0, length - first["width_mm"] - gap)}
    second = {**second, "id": "Q", "wall": 1, "offset_mm": along}
    doc = a_document(first, second, room={**ROOM, "ceiling_mm": 3200})
    for problem in offered(doc, CATALOG):
        for change in problem.fixes:
            assert_works(doc, problem, change, CATALOG)

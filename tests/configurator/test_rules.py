"""Each validation rule: a design that triggers it, and one at its boundary that does not."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from catalog.catalog import Catalog
from configurator.model.document import parse_design
from configurator.rules.evaluate import Evaluation, evaluate
from tests.builders import a_cabinet, a_document

ROOM: dict[str, Any] = {
    "outline_mm": [[0, 0], [4000, 0], [4000, 3000], [0, 3000]],
    "ceiling_mm": 2600,
}


def run(catalog: Catalog, *cabinets: dict[str, Any], **room: Any) -> Evaluation:
    return evaluate(parse_design(a_document(*cabinets, room={**ROOM, **room})), catalog)


def codes(evaluation: Evaluation, severity: str | None = None) -> list[str]:
    return [p.code for p in evaluation.problems if severity in (None, p.severity)]


def one(evaluation: Evaluation, code: str) -> dict[str, Any]:
    found = [p for p in evaluation.problems if p.code == code]
    assert len(found) == 1, evaluation.problems
    return dict(found[0].params)


def test_a_sensible_wardrobe_has_no_problems(catalog: Catalog) -> None:
    assert run(catalog, a_cabinet(width_mm=1600, offset_mm=200)).problems == ()


# -- part sizes ----------------------------------------------------------------------------


def test_part_exceeds_sheet_above_the_largest_usable_sheet_length(catalog: Catalog) -> None:
    """A 2440 x 1220 sheet gives 2420 mm after its trims; the sides of a taller cabinet come
    from the 2800 x 2070 sheet, which gives 2780: a 2782 mm cabinet's sides are cut
    2782 - 1.6 = 2780.4 long and fit no sheet (so the catalog stops at 2780)."""
    standard = run(catalog, a_cabinet(height_mm=2422), ceiling_mm=3000)
    assert "part_exceeds_sheet" not in codes(standard)
    hinged = catalog.template("wardrobe_hinged")
    taller = replace(hinged, height=replace(hinged.height, max=3000))
    catalog = replace(catalog, templates={**catalog.templates, "wardrobe_hinged": taller})
    tall = run(catalog, a_cabinet(height_mm=2782), ceiling_mm=3000)
    found = [p.params for p in tall.problems if p.code == "part_exceeds_sheet"]
    assert [p["part_id"] for p in found] == ["W1-SIDE-L", "W1-SIDE-R"]
    assert found[0]["sheet_mm"] == "2780 x 2050" and found[0]["max_mm"] == 2780
    fits = run(catalog, a_cabinet(height_mm=2781), ceiling_mm=3000)  # 2779.4 <= 2780
    assert "part_exceeds_sheet" not in codes(fits)


def test_a_material_without_a_large_sheet_stops_at_its_standard_sheet(
    catalog: Catalog,
) -> None:
    """Sides of a 2422 mm cabinet: cut 2422 - 1.6 = 2420.4 > 2440 - 2 x 10 = 2420."""
    white = replace(catalog.material("PB18_WHITE"), large_sheet_mm=None)
    small = replace(catalog, materials={**catalog.materials, "PB18_WHITE": white})
    tall = run(small, a_cabinet(height_mm=2422), ceiling_mm=2800)
    found = [p.params["part_id"] for p in tall.problems if p.code == "part_exceeds_sheet"]
    assert found == ["W1-SIDE-L", "W1-SIDE-R"]
    fits = run(small, a_cabinet(height_mm=2421), ceiling_mm=2800)  # 2419.4 <= 2420
    assert "part_exceeds_sheet" not in codes(fits)


def test_grained_parts_may_not_turn_on_the_sheet(catalog: Catalog) -> None:
    """A 1200 x 2364 sliding leaf in oak: 2360 along the grain fits 2420; in white the same."""
    white = run(
        catalog,
        a_cabinet(
            template="wardrobe_sliding",
            width_mm=2400,
            front_material="PB18_WHITE",
            options={"door_count": 2},
            depth_mm=660,
        ),
    )
    # leaves (2364 + 30) / 2 = 1197 wide: cut 1193 fits 1200 either way
    assert "part_exceeds_sheet" not in codes(white)


def test_part_too_small_by_the_factory_minimum(catalog: Catalog) -> None:
    """The demo templates never make parts under 60 x 30 mm; a factory whose saw needs
    120 mm lengths rejects a filler 100 mm tall (cut 100 - 2 x 2 = 96), not one 130 tall
    (cut 126)."""
    picky = replace(catalog, construction=replace(catalog.construction, min_part_length_mm=120))
    filler = a_cabinet(template="filler", width_mm=100, height_mm=100, depth_mm=50)
    small = [p.params["part_id"] for p in run(picky, filler).problems if p.code == "part_too_small"]
    assert small == ["W1-FILLER", "W1-FILLER-RETURN"]  # the return: 100 - 1.6 = 98.4
    assert "part_too_small" not in codes(run(picky, {**filler, "height_mm": 130}))
    assert "part_too_small" not in codes(run(catalog, filler))


# -- shelf sag -----------------------------------------------------------------------------


def sagging(catalog: Catalog, section_mm: int, **cabinet: Any) -> Evaluation:
    interior = {
        "sections": [
            {"width_mm": section_mm, "items": [{"kind": "shelf", "at_mm": 800}]},
            {"width_mm": None, "items": []},
        ]
    }
    return run(catalog, a_cabinet(width_mm=2000, interior=interior, **cabinet))


def test_shelf_sag_hand_calculation(catalog: Catalog) -> None:
    """Section 900 wide: shelf span 900 - 2 = 898 mm, depth 570 - 20 - 18 = 532 mm - 1 = 532
    (from 18 + 20 to 571 - 1), 18 mm PB, E = 2210 MPa, clothes 20 kg/m.

    W = 20 x 0.898 x 9.81 = 176.19 N; I = 532 x 18³ / 12 = 258,552 mm⁴;
    δ = 5 x 176.19 x 898³ / (384 x 2210 x 258,552) = 6.3794e11 / 2.1942e11 = 2.907 mm;
    long term x 1.5 = 4.36 mm. Limits: 898 / 240 = 3.74 (pass), 898 / 200 = 4.49 (fail):
    4.36 warns.
    """
    params = one(sagging(catalog, 900), "shelf_sag")
    assert params["sag_mm"] == pytest.approx(4.36, abs=0.005)
    assert params["limit_mm"] == pytest.approx(3.74, abs=0.01)
    warn = next(p for p in sagging(catalog, 900).problems if p.code == "shelf_sag")
    assert warn.severity == "warning"


def test_shelf_sag_boundary(catalog: Catalog) -> None:
    """The longest passing span for this shelf is max_span_mm; one section that wide passes,
    a much wider one fails."""
    limit = one(sagging(catalog, 900), "shelf_sag")["max_span_mm"]
    assert "shelf_sag" not in codes(sagging(catalog, limit + 2))  # span = width - 2 mm
    fail = [p for p in sagging(catalog, 1000).problems if p.code == "shelf_sag"]
    assert fail and fail[0].severity == "error"


def test_stiffer_board_passes_the_same_span(catalog: Catalog) -> None:
    assert "shelf_sag" not in codes(sagging(catalog, 1000, carcass_material="PLY18_BIRCH"))


# -- doors ---------------------------------------------------------------------------------


def test_door_too_large_when_a_section_needs_doors_over_650(catalog: Catalog) -> None:
    """One 1364 mm section: front span 1397 > 600 -> two doors of (1397 - 3) / 2 = 697 mm."""
    wide = run(
        catalog, a_cabinet(width_mm=1400, interior={"sections": [{"width_mm": None, "items": []}]})
    )
    assert codes(wide, "error").count("door_too_large") == 2
    # 1300: span 1297 -> 647 mm doors: allowed (an extra hinge), no error
    ok = run(
        catalog, a_cabinet(width_mm=1300, interior={"sections": [{"width_mm": None, "items": []}]})
    )
    assert "door_too_large" not in codes(ok, "error")


def test_tall_doors_warn(catalog: Catalog) -> None:
    """2500 tall, 80 plinth: doors 2500 - 80 - 3 = 2417 > 2400."""
    tall = run(
        catalog,
        a_cabinet(width_mm=800, height_mm=2500, carcass_material="PLY18_BIRCH"),
        ceiling_mm=2800,
    )
    assert "door_too_large" in codes(tall, "warning")
    ok = run(catalog, a_cabinet(width_mm=800, height_mm=2483), ceiling_mm=2800)
    assert "door_too_large" not in codes(ok)


def test_hinge_count_is_met_for_normal_doors(catalog: Catalog) -> None:
    evaluation = run(catalog, a_cabinet(width_mm=1200))
    assert "hinge_count" not in codes(evaluation)


# -- hanging space -------------------------------------------------------------------------


def hanging(
    catalog: Catalog, *, depth: int, rail_at: int, shelf_at: int | None = None
) -> Evaluation:
    items: list[dict[str, Any]] = [{"kind": "rail", "at_mm": rail_at}]
    if shelf_at is not None:
        items.insert(0, {"kind": "shelf", "at_mm": shelf_at})
    return run(
        catalog,
        a_cabinet(
            width_mm=800,
            depth_mm=depth,
            interior={"sections": [{"width_mm": None, "items": items}]},
        ),
    )


def test_hanging_depth_boundary(catalog: Catalog) -> None:
    """Hanging depth = depth - 18 setback - 9 back: 557 -> 530 passes, 556 -> 529 fails."""
    assert "hanging_space" not in codes(hanging(catalog, depth=557, rail_at=1900))
    assert one(hanging(catalog, depth=556, rail_at=1900), "hanging_space")["depth_mm"] == 529


def test_hanging_height_from_the_shelf_below(catalog: Catalog) -> None:
    """Rail at 1900 over a shelf at 482 (top 500): 1400 mm passes; at 483: 1399 is 'short'."""
    assert "hanging_space" not in codes(hanging(catalog, depth=580, rail_at=1900, shelf_at=482))
    short = hanging(catalog, depth=580, rail_at=1900, shelf_at=483)
    assert [p.severity for p in short.problems if p.code == "hanging_space"] == ["info"]
    low = hanging(catalog, depth=580, rail_at=600)
    assert [p.severity for p in low.problems if p.code == "hanging_space"] == ["error"]


# -- room ----------------------------------------------------------------------------------


def test_outside_room_past_the_wall_end(catalog: Catalog) -> None:
    """Wall 0 is 4000 long: a 1200 cabinet fits at offset 2800, not at 2802."""
    assert "outside_room" not in codes(run(catalog, a_cabinet(offset_mm=2800)))
    params = one(run(catalog, a_cabinet(offset_mm=2802)), "outside_room")
    assert params["max_offset_mm"] == 2800


def test_cabinet_overlap_and_touching(catalog: Catalog) -> None:
    touching = run(
        catalog, a_cabinet(id="A", width_mm=1000), a_cabinet(id="B", width_mm=1000, offset_mm=1000)
    )
    assert "cabinet_overlap" not in codes(touching)
    clash = run(
        catalog, a_cabinet(id="A", width_mm=1000), a_cabinet(id="B", width_mm=1000, offset_mm=990)
    )
    assert one(clash, "cabinet_overlap")["overlap_mm"] == 10


def test_a_wall_cabinet_over_a_base_cabinet_does_not_overlap(catalog: Catalog) -> None:
    base = a_cabinet(id="B", template="base_cabinet", width_mm=600, height_mm=820, depth_mm=560)
    wall = a_cabinet(id="W", template="wall_cabinet", width_mm=600, height_mm=720, depth_mm=350)
    assert "cabinet_overlap" not in codes(run(catalog, base, wall))
    low = a_cabinet(**{**wall, "elevation_mm": 800})
    assert "cabinet_overlap" in codes(run(catalog, base, low))


def test_window_blocked_only_above_the_sill(catalog: Catalog) -> None:
    window = {
        "id": "w1",
        "kind": "window",
        "wall": 0,
        "offset_mm": 1000,
        "width_mm": 1200,
        "height_mm": 1200,
        "sill_mm": 900,
    }
    low = a_cabinet(
        template="drawer_unit", width_mm=800, height_mm=900, depth_mm=500, offset_mm=1200
    )
    assert "blocks_opening" not in codes(run(catalog, low, openings=[window]))
    taller = a_cabinet(**{**low, "height_mm": 902})
    assert one(run(catalog, taller, openings=[window]), "blocks_opening")["reason"] == "window"


def test_door_swing_and_passage(catalog: Catalog) -> None:
    door = {
        "id": "d1",
        "kind": "door",
        "wall": 0,
        "offset_mm": 2000,
        "width_mm": 900,
        "height_mm": 2100,
        "swing": "in_right",
    }
    in_front = run(catalog, a_cabinet(offset_mm=1800, width_mm=600), openings=[door])
    assert one(in_front, "blocks_opening")["reason"] == "passage"
    # against wall 1 (x = 4000), 100 mm from its start: outside the swing (x 2000..2900)
    clear = run(catalog, a_cabinet(wall=1, offset_mm=100, width_mm=800), openings=[door])
    assert "blocks_opening" not in codes(clear)
    # door at 400..1300 on wall 0 hinged at x = 1300 sweeps the quarter disc of radius 900
    # around (1300, 0); its passage is x 400..1300, y 0..600. A unit standing free at
    # y 650..1000 holds (1100, 700), 728 mm from the hinge: in the swing, not the passage.
    swing_door = {**door, "offset_mm": 400, "swing": "in_left"}
    unit = a_cabinet(
        template="shelving_open",
        width_mm=600,
        depth_mm=350,
        height_mm=2000,
        position={"x_mm": 900, "y_mm": 1000, "angle_deg": 0},
    )
    del unit["wall"], unit["offset_mm"]
    assert one(run(catalog, unit, openings=[swing_door]), "blocks_opening")["reason"] == "swing"
    further = {**unit, "position": {"x_mm": 900, "y_mm": 1300, "angle_deg": 0}}
    assert "blocks_opening" not in codes(run(catalog, further, openings=[swing_door]))


def test_beam_lowers_the_usable_height(catalog: Catalog) -> None:
    beam = {
        "id": "b1",
        "kind": "beam",
        "bottom_mm": 2350,
        "outline_mm": [[0, 0], [4000, 0], [4000, 300], [0, 300]],
    }
    params = one(run(catalog, a_cabinet(height_mm=2400), obstacles=[beam]), "obstacle_conflict")
    assert params["max_height_mm"] == 2350
    assert "obstacle_conflict" not in codes(
        run(catalog, a_cabinet(height_mm=2350), obstacles=[beam])
    )


def test_a_cabinet_set_tight_against_a_column_touches_it_without_conflict(
    catalog: Catalog,
) -> None:
    """A 400 mm column against wall 0 from its start: a wardrobe from offset 400 touches its
    side (the editor places it there), one from 399 runs into it."""
    column = {
        "id": "c1",
        "kind": "column",
        "outline_mm": [[0, 0], [400, 0], [400, 400], [0, 400]],
    }
    touching = run(catalog, a_cabinet(offset_mm=400), obstacles=[column])
    assert "obstacle_conflict" not in codes(touching)
    into = run(catalog, a_cabinet(offset_mm=390), obstacles=[column])
    assert one(into, "obstacle_conflict")["obstacle"] == "c1"


def test_skirting_only_warns(catalog: Catalog) -> None:
    skirting = {
        "id": "s1",
        "kind": "skirting",
        "top_mm": 80,
        "outline_mm": [[0, 0], [4000, 0], [4000, 15], [0, 15]],
    }
    evaluation = run(catalog, a_cabinet(), obstacles=[skirting])
    assert [p.severity for p in evaluation.problems] == ["warning"]


def test_ceiling_height_and_tilt_up(catalog: Catalog) -> None:
    """Ceiling 2600: a 2600 wardrobe fits under it but its carcass diagonal
    sqrt(2600² + 580²) = 2664 > 2585 cannot be stood up; the largest that can is
    sqrt(2585² - 580²) = 2519."""
    over = run(catalog, a_cabinet(height_mm=2601, carcass_material="PLY18_BIRCH"))
    assert one(over, "ceiling_height")["max_mm"] == 2600
    tilt = one(run(catalog, a_cabinet(height_mm=2600)), "tilt_up_clearance")
    assert tilt["max_mm"] == 2519
    assert "tilt_up_clearance" not in codes(run(catalog, a_cabinet(height_mm=2400)))
    assert "tilt_up_clearance" not in codes(run(catalog, a_cabinet(height_mm=2519)))
    assert "tilt_up_clearance" in codes(run(catalog, a_cabinet(height_mm=2520)))


def test_front_clearance_against_a_facing_cabinet(catalog: Catalog) -> None:
    """Room 3000 deep; a 598 deep wardrobe on wall 0 with 397 doors needs y up to 995; a
    shelving unit on wall 2 reaching down to y = 3000 - 2050 = 950 is in the way."""
    wardrobe = a_cabinet(id="A", width_mm=1600)
    facing = a_cabinet(
        id="B",
        template="shelving_open",
        wall=2,
        offset_mm=2000,
        width_mm=800,
        height_mm=2000,
        depth_mm=600,
    )
    assert "front_clearance" not in codes(run(catalog, wardrobe, facing))
    narrow = run(catalog, wardrobe, facing, outline_mm=[[0, 0], [4000, 0], [4000, 1590], [0, 1590]])
    assert one(narrow, "front_clearance")["reason"] == "cabinet"


def test_corner_blocked_by_the_neighbour_on_the_adjacent_wall(catalog: Catalog) -> None:
    """A wardrobe in the corner of wall 0 (x 3200..4000, 598 deep) opens 397 mm doors up to
    y = 995; a drawer unit on wall 1 in their way is a corner problem (the corner unit is its
    fix), and must start at 995 or later to be clear."""
    wardrobe = a_cabinet(id="A", width_mm=800, offset_mm=3200)
    drawers = a_cabinet(
        id="B",
        template="drawer_unit",
        wall=1,
        offset_mm=990,
        width_mm=600,
        height_mm=800,
        depth_mm=500,
    )
    evaluation = run(catalog, wardrobe, drawers)
    clash = one(evaluation, "corner_blocked")
    assert (clash["cabinet"], clash["other"], clash["needed_mm"]) == ("A", "B", 397)
    assert "front_clearance" not in codes(evaluation)
    spaced = a_cabinet(**{**drawers, "offset_mm": 996})
    assert "corner_blocked" not in codes(run(catalog, wardrobe, spaced))


def test_drawers_pulled_out_hit_a_wall(catalog: Catalog) -> None:
    """A drawer unit on wall 0 of a 1000 mm deep room: 518 + 458 = 976 mm fits, in a 950 mm
    deep room the drawers hit the opposite wall."""
    drawers = a_cabinet(template="drawer_unit", width_mm=600, height_mm=800, depth_mm=500)
    deep = [[0, 0], [4000, 0], [4000, 1000], [0, 1000]]
    assert "front_clearance" not in codes(run(catalog, drawers, outline_mm=deep))
    shallow = [[0, 0], [4000, 0], [4000, 950], [0, 950]]
    assert one(run(catalog, drawers, outline_mm=shallow), "front_clearance")["reason"] == "wall"


def test_a_broken_room_is_one_clear_problem(catalog: Catalog) -> None:
    bowtie = run(catalog, a_cabinet(), outline_mm=[[0, 0], [4000, 3000], [4000, 0], [0, 3000]])
    assert codes(bowtie) == ["invalid_room"]
    tiny = run(catalog, a_cabinet(), outline_mm=[[0, 0], [4, 0], [4, 3]])
    assert "invalid_room" in codes(tiny)


def test_a_room_pinched_to_a_hairline_is_refused_not_buffered(catalog: Catalog) -> None:
    """Schemathesis found a room whose corner 1 lies 1e-57 mm above the wall from corner 2 to
    corner 3: a valid polygon to shapely, whose buffer divided by zero (a 500 in the tests).
    A corner must keep 10 mm from every wall it is not on; at 10 mm it may."""

    def room(gap: float) -> list[list[float]]:
        return [[0, 52632], [0, gap], [10, 0], [-38, 0]]

    hairline = run(catalog, outline_mm=room(8.804208448571358e-58))
    assert one(hairline, "invalid_room") == {"reason": "pinched", "corner": 1, "min": 10.0}
    assert one(run(catalog, outline_mm=room(9.99)), "invalid_room")["reason"] == "pinched"
    assert "pinched" not in str(run(catalog, outline_mm=room(10.0)).problems)


def test_front_clearance_against_a_column(catalog: Catalog) -> None:
    """A column in front of wall 0: the three 526 mm doors of a 1600 wide, 598 deep wardrobe
    need 530 mm (the passage) and reach y = 1128; a column from y = 1100 is in their way,
    one from y = 1150 is not."""

    def column(y: int) -> dict[str, Any]:
        return {
            "id": "c1",
            "kind": "column",
            "outline_mm": [[400, y], [700, y], [700, y + 300], [400, y + 300]],
        }

    wardrobe = a_cabinet(width_mm=1600)
    hit = run(catalog, wardrobe, obstacles=[column(1100)])
    assert one(hit, "front_clearance")["reason"] == "obstacle"
    assert "front_clearance" not in codes(run(catalog, wardrobe, obstacles=[column(1150)]))


def test_hinge_count_warns_beyond_five_hinges(catalog: Catalog) -> None:
    """2700 tall, 80 plinth: doors 2700 - 80 - 3 = 2617 mm; by height 5 up to 2400, then one
    per started 500 mm: 6 hinges, more than the hinge charts cover (by weight: 2.617 x 0.397 x
    0.018 x 680 = 12.7 kg -> 4). 2480 tall (doors 2397) needs 5."""
    tall = run(
        catalog,
        a_cabinet(width_mm=800, height_mm=2700, carcass_material="PLY18_BIRCH"),
        ceiling_mm=2900,
    )
    warned = [p for p in tall.problems if p.code == "hinge_count"]
    assert warned and {p.severity for p in warned} == {"warning"}
    assert warned[0].params["needed"] == 6
    ok = run(catalog, a_cabinet(width_mm=800, height_mm=2480), ceiling_mm=2800)
    assert "hinge_count" not in codes(ok)


def test_hinge_count_error_when_the_hinges_do_not_fit(catalog: Catalog) -> None:
    """A factory that sets hinges 110 mm from the door ends: on a 250 mm top box (doors
    247 mm) both land 26 mm apart, on the same 32 mm grid slot: one plate, two needed."""
    far = replace(catalog, construction=replace(catalog.construction, hinge_end_offset_mm=110))
    box = a_cabinet(
        template="top_box", width_mm=450, height_mm=250, depth_mm=580, elevation_mm=2000
    )
    problem = one(run(far, box, ceiling_mm=2800), "hinge_count")
    assert (problem["needed"], problem["placed"]) == (2, 1)
    assert "hinge_count" not in codes(run(catalog, box, ceiling_mm=2800))

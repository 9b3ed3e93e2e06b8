"""What the engine builds for given cabinets, and the problems that stop it."""

from __future__ import annotations

from typing import Any

import pytest

from catalog.catalog import Catalog
from catalog.hardware import HardwareKind
from configurator.build.boards import Blank, PartMaker
from configurator.build.design_build import DesignBuild
from configurator.build.parts import Box, Drill, Edges, Face, Operation, OpKind, Part, Role
from kernel.ids import CabinetId, HardwareCode, MaterialCode, PartId
from tests.builders import a_build, a_cabinet


def errors(build: DesignBuild) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in build.problems if p.severity == "error"]


def roles(build: DesignBuild) -> dict[Role, int]:
    counts: dict[Role, int] = {}
    for part in build.parts:
        counts[part.role] = counts.get(part.role, 0) + 1
    return counts


def hardware(build: DesignBuild, catalog: Catalog, kind: HardwareKind) -> int:
    return sum(h.quantity for h in build.hardware if catalog.item(h.code).kind is kind)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"template": "sofa"}, ("unknown_template", "cabinets[0].template")),
        ({"carcass_material": "GOLD"}, ("unknown_material", "cabinets[0].carcass_material")),
        ({"front_material": "HDF9_WHITE"}, ("material_not_allowed", "cabinets[0].front_material")),
        ({"width_mm": 2500}, ("dimension_out_of_range", "cabinets[0].width_mm")),
        ({"height_mm": 1599}, ("dimension_out_of_range", "cabinets[0].height_mm")),
        ({"depth_mm": 700}, ("dimension_out_of_range", "cabinets[0].depth_mm")),
        ({"options": {"handle": "HANDLE_999"}}, ("invalid_option", "cabinets[0].options.handle")),
        ({"options": {"plinth_mm": 10}}, ("invalid_option", "cabinets[0].options.plinth_mm")),
        ({"options": {"door_count": 3}}, ("unknown_option", "cabinets[0].options.door_count")),
        ({"wall": 7}, ("unknown_wall", "cabinets[0].wall")),
        (
            {
                "interior": {
                    "sections": [{"width_mm": 500, "items": []}, {"width_mm": 500, "items": []}]
                }
            },
            ("interior_width_mismatch", "cabinets[0].interior.sections"),
        ),
        (
            {
                "interior": {
                    "sections": [{"width_mm": 1050, "items": []}, {"width_mm": None, "items": []}]
                }
            },
            ("section_too_narrow", "cabinets[0].interior.sections[1].width_mm"),
        ),
        (
            {
                "interior": {
                    "sections": [{"width_mm": None, "items": [{"kind": "shelf", "at_mm": 2280}]}]
                }
            },
            ("item_out_of_range", "cabinets[0].interior.sections[0].items[0].at_mm"),
        ),
        (
            {
                "interior": {
                    "sections": [
                        {
                            "width_mm": None,
                            "items": [
                                {"kind": "shelf", "at_mm": 900},
                                {"kind": "rail", "at_mm": 930},
                            ],
                        }
                    ]
                }
            },
            ("items_collide", "cabinets[0].interior.sections[0].items[1]"),
        ),
        (
            {
                "interior": {
                    "sections": [
                        {
                            "width_mm": None,
                            "items": [
                                {"kind": "drawer", "height_mm": 300},
                                {"kind": "shelf", "at_mm": 200},
                            ],
                        }
                    ]
                }
            },
            ("items_collide", "cabinets[0].interior.sections[0].items[1]"),
        ),
        (
            {
                "interior": {
                    "sections": [
                        {"width_mm": None, "items": [{"kind": "drawer", "height_mm": 100}]}
                    ]
                }
            },
            ("drawer_fit", "cabinets[0].interior.sections[0].items[0].height_mm"),
        ),
        (
            {
                "interior": {
                    "sections": [
                        {"width_mm": None, "items": [{"kind": "drawer", "height_mm": 2300}]}
                    ]
                }
            },
            ("drawer_fit", "cabinets[0].interior.sections[0].items[0]"),
        ),
    ],
)
def test_a_cabinet_that_cannot_be_built_gives_its_problem_and_no_parts(
    catalog: Catalog, change: dict[str, Any], expected: tuple[str, str]
) -> None:
    build = a_build(catalog, a_cabinet(**change))
    assert errors(build) == [expected]
    assert build.parts == ()


def test_a_drawer_too_shallow_for_any_runner(catalog: Catalog) -> None:
    cab = a_cabinet(
        template="wall_cabinet",
        width_mm=600,
        height_mm=720,
        depth_mm=300,
        interior={
            "sections": [{"width_mm": None, "items": [{"kind": "drawer", "height_mm": 150}]}]
        },
    )
    build = a_build(catalog, cab)
    assert errors(build) == [("drawer_fit", "cabinets[0].interior.sections[0].items[0]")]
    assert build.problems[0].params["reason"] == "too_shallow"


def test_a_long_handle_on_a_narrow_drawer_front(catalog: Catalog) -> None:
    cab = a_cabinet(
        template="drawer_unit",
        width_mm=300,
        height_mm=600,
        depth_mm=500,
        options={"handle": "HANDLE_320"},
    )
    assert errors(a_build(catalog, cab)) == [("handle_too_long", "cabinets[0].options.handle")]


def test_one_bad_cabinet_does_not_stop_the_others(catalog: Catalog) -> None:
    build = a_build(catalog, a_cabinet(id="A"), a_cabinet(id="B", template="sofa"))
    assert [c.cabinet.spec.id for c in build.cabinets] == ["A"]
    assert errors(build) == [("unknown_template", "cabinets[1].template")]


def test_default_hinged_wardrobe(catalog: Catalog) -> None:
    """1600 wide: three equal doors of (1600 - 2 x 1.5 - 2 x 3) / 3 ≈ 530.3 mm (two would be
    wider than 600), one per section (hanging, shelves, hanging), so two dividers; each door
    2317 tall (2400 - 80 plinth - 2 x 1.5 reveal): 5 hinges by height (> 2000 mm)."""
    build = a_build(catalog, a_cabinet(width_mm=1600, height_mm=2400, depth_mm=600))
    count = roles(build)
    assert count[Role.DIVIDER] == 2 and count[Role.DOOR] == 3
    assert count[Role.FIXED_SHELF] == 2 and count[Role.SHELF] >= 4
    assert hardware(build, catalog, HardwareKind.HINGE) == 3 * 5
    assert hardware(build, catalog, HardwareKind.RAIL) == 2
    assert hardware(build, catalog, HardwareKind.WALL_FIXING) == 2
    doors = [p for p in build.parts if p.role is Role.DOOR]
    assert {round(d.length_mm, 1) for d in doors} == {2317.0}
    assert {round(d.width_mm, 2) for d in doors} == {round((1600 - 3 - 6) / 3, 2)}


@pytest.mark.parametrize(
    ("width", "doors"),
    [
        (400, [1]),
        (800, [2]),
        (1000, [1, 1]),
        (1200, [1, 1]),
        (1207, [1, 1, 1]),
        (2000, [1, 1, 1, 1]),
        (2400, [1, 1, 1, 1]),
    ],
)
def test_hinged_doors_are_equal_one_per_section_or_a_pair(
    catalog: Catalog, width: int, doors: list[int]
) -> None:
    """Issue 11: a 2000 mm wardrobe got six doors of 331.8/327.3 and a 1200 mm one 588 +
    301.5 + 301.5. Now the fewest doors no wider than 600 mm, all of one width, each hinged
    on a side or divider: a section per door, or one section with a pair."""
    build = a_build(catalog, a_cabinet(width_mm=width))
    parts = build.cabinets[0].cabinet.parts
    fronts = [p for p in parts if p.role is Role.DOOR]
    assert len(fronts) == sum(doors)
    assert roles(build).get(Role.DIVIDER, 0) == len(doors) - 1
    assert max(d.width_mm for d in fronts) - min(d.width_mm for d in fronts) < 0.01
    assert max(d.width_mm for d in fronts) <= catalog.construction.max_door_width_mm


def test_a_section_may_choose_its_doors(catalog: Catalog) -> None:
    """``doors`` per section: 0 leaves it open, 2 gives it a pair."""
    interior = {
        "sections": [
            {"width_mm": None, "items": [], "doors": 0},
            {"width_mm": None, "items": [], "doors": 2},
        ]
    }
    build = a_build(catalog, a_cabinet(width_mm=1000, interior=interior))
    fronts = sorted(
        (p for p in build.cabinets[0].cabinet.parts if p.role is Role.DOOR),
        key=lambda p: p.box.lo[0],
    )
    assert len(fronts) == 2 and fronts[0].box.lo[0] > 490


def test_sliding_wardrobe_leaves_overlap_in_two_lanes(catalog: Catalog) -> None:
    """Inner width 2400 - 36 = 2364; 3 leaves: (2364 + 2 x 30) / 3 = 808 mm each."""
    build = a_build(
        catalog, a_cabinet(template="wardrobe_sliding", width_mm=2400, height_mm=2400, depth_mm=620)
    )
    doors = sorted((p for p in build.parts if p.role is Role.DOOR), key=lambda p: p.box.lo[0])
    assert [round(d.width_mm, 3) for d in doors] == [808.0] * 3
    assert doors[0].box.hi[0] - doors[1].box.lo[0] == pytest.approx(30)
    assert doors[0].box.lo[1] == doors[2].box.lo[1] != doors[1].box.lo[1]
    assert hardware(build, catalog, HardwareKind.SLIDING_ROLLER) == 3


def test_drawer_unit_fronts_share_the_front_height(catalog: Catalog) -> None:
    """Front zone 800 - 60 plinth - 2 x 1.5 = 737; default 4 drawers (704 / 200 ≈ 3.5 → 4),
    each (737 - 3 x 3) / 4 = 182 mm."""
    build = a_build(
        catalog, a_cabinet(template="drawer_unit", width_mm=600, height_mm=800, depth_mm=500)
    )
    fronts = [p for p in build.parts if p.role is Role.DRAWER_FRONT]
    assert [round(f.width_mm, 3) for f in fronts] == [182.0] * 4
    assert hardware(build, catalog, HardwareKind.RUNNER) == 4
    runner = next(h for h in build.hardware if h.code.startswith("RUNNER"))
    assert runner.code == "RUNNER_450"  # 500 deep: 500 - 18 - 9 - 2 - 5 = 466 free


def test_base_cabinet_stands_on_legs_behind_a_kickboard(catalog: Catalog) -> None:
    build = a_build(
        catalog, a_cabinet(template="base_cabinet", width_mm=1200, height_mm=820, depth_mm=560)
    )
    assert hardware(build, catalog, HardwareKind.LEG) == 6
    plinth = next(p for p in build.parts if p.role is Role.PLINTH)
    assert plinth.length_mm == 1200 and plinth.width_mm == 100
    sides = [p for p in build.parts if p.role is Role.SIDE]
    assert {s.box.lo[2] for s in sides} == {100}


def test_wall_cabinet_has_no_plinth_and_no_anti_tip(catalog: Catalog) -> None:
    build = a_build(
        catalog, a_cabinet(template="wall_cabinet", width_mm=600, height_mm=720, depth_mm=350)
    )
    assert Role.PLINTH not in roles(build)
    assert hardware(build, catalog, HardwareKind.WALL_FIXING) == 0


def test_filler_is_a_front_strip_with_a_return(catalog: Catalog) -> None:
    build = a_build(
        catalog, a_cabinet(template="filler", width_mm=80, height_mm=2400, depth_mm=100)
    )
    assert [p.role for p in build.parts] == [Role.FILLER, Role.FILLER_RETURN]
    assert build.hardware == ()


def test_internal_drawers_sit_behind_the_doors_with_shelves_above(catalog: Catalog) -> None:
    cab = a_cabinet(
        width_mm=600,
        interior={
            "sections": [
                {
                    "width_mm": None,
                    "items": [
                        {"kind": "drawer", "height_mm": 200},
                        {"kind": "drawer", "height_mm": 200},
                        {"kind": "shelf", "at_mm": 700},
                        {"kind": "rail", "at_mm": 1800},
                    ],
                }
            ]
        },
    )
    build = a_build(catalog, cab)
    fronts = [p for p in build.parts if p.role is Role.DRAWER_FRONT]
    door = next(p for p in build.parts if p.role is Role.DOOR)
    assert len(fronts) == 2 and all(f.box.lo[1] >= door.box.hi[1] for f in fronts)
    sides = [p for p in build.parts if p.role is Role.SIDE]
    pins = [op for op in sides[0].operations if op.kind is OpKind.HOLE and op.depth_mm == 13]
    assert pins  # shelf pins, hinge plates and runner holes


def test_a_divider_is_never_drilled_through_from_both_faces(catalog: Catalog) -> None:
    cab = a_cabinet(
        width_mm=1600,
        interior={
            "sections": [
                {"width_mm": None, "items": [{"kind": "shelf", "at_mm": 800}]},
                {"width_mm": None, "items": [{"kind": "shelf", "at_mm": 800}]},
            ]
        },
    )
    divider = next(p for p in a_build(catalog, cab).parts if p.role is Role.DIVIDER)
    face_a = {(op.u, op.v) for op in divider.operations if op.face == "A"}
    face_b = {(op.u, op.v) for op in divider.operations if op.face == "B"}
    assert face_a and face_b and not face_a & face_b


def test_a_part_is_made_field_by_field_from_its_blank(catalog: Catalog) -> None:
    """``PartMaker`` builds parts (and bores) from their fields in order, for speed: each
    field must land where its name says."""
    maker = PartMaker(catalog=catalog, cabinet_id=CabinetId("K1"))
    box = Box((0.0, 20.0, 100.0), (18.0, 580.0, 2400.0))
    blank = maker.add(
        Blank("SIDE-L", Role.SIDE, "Left side", MaterialCode("PB18_WHITE"), box, 2, 1)
    )
    tool = Drill(5, 13, OpKind.HOLE, HardwareCode("PIN"))
    maker.drill(blank, (18.0, 57.0, 164.0), toward=1, tool=tool, repeat=3, pitch=32)
    codes, (l1, l2, w1, w2) = catalog.edges_for(Role.SIDE, "PB18_WHITE")
    assert maker.parts() == (
        Part(
            part_id=PartId("K1-SIDE-L"),
            cabinet_id=CabinetId("K1"),
            role=Role.SIDE,
            name="Left side",
            material=MaterialCode("PB18_WHITE"),
            thickness_mm=18.0,
            length_mm=2300.0,
            width_mm=560.0,
            cut_length_mm=2300.0 - w1 - w2,
            cut_width_mm=560.0 - l1 - l2,
            grained=catalog.material("PB18_WHITE").grained,
            edges=Edges(*codes),
            box=box,
            length_axis=2,
            width_axis=1,
            operations=(
                Operation(
                    kind=OpKind.HOLE,
                    face=Face.A,
                    u=64.0,
                    v=37.0,
                    depth_mm=13,
                    diameter_mm=5,
                    repeat=3,
                    pitch_mm=32,
                    item=HardwareCode("PIN"),
                ),
            ),
        ),
    )

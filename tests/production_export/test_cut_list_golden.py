"""Golden cut lists of reference cabinets, reviewed by hand against DOMAIN.md's rules.

Update with ``uv run pytest tests/production_export --snapshot-update`` and review the diff.
Common rules (demo catalog): carcass 18 mm; back 9 mm HDF in an 8 mm groove, 18 mm from the
rear edge, reaching 7 mm into the grooves; edge bands: visible carcass edges ABS 1.0 mm, hidden
ones 0.8 mm, all four edges of fronts 2.0 mm; cut = finished - band on each banded edge (A5).
"""

from __future__ import annotations

import csv
import io

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from catalog.catalog import Catalog
from production_export.cut_list import COLUMNS, render_cut_list_csv, render_cut_list_json
from tests.builders import a_build, a_cabinet


class CsvSnapshot(SingleFileSnapshotExtension):
    file_extension = "csv"
    _write_mode = WriteMode.TEXT


@pytest.fixture
def golden(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(CsvSnapshot)


def rows(text: str) -> dict[str, dict[str, str]]:
    return {r["part_id"]: r for r in csv.DictReader(io.StringIO(text))}


def test_hinged_wardrobe_1000(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """Wardrobe 1000 x 2400 x 580, white carcass, oak doors, plinth 80, one section.

    - Sides 2400 x 580: cut 2400 - 0.8 - 0.8 = 2398.4 long, 580 - 1.0 - 0.8 = 578.2 wide.
    - Top and bottom between the sides: 1000 - 2 x 18 = 964 -> cut 962.4 x 578.2.
    - Back: inner 964 x (2400 - 18 - 80 - 18 = 2284), plus 7 into each groove:
      978 x 2298, unbanded, length along the height.
    - Plinth 964 x 80: floor edge and ends 0.8, top edge bare -> cut 962.4 x 79.2.
    - Doors: front span 1000 - 2 x 1.5 = 997 > 600, so two doors (997 - 3) / 2 = 497 wide,
      2400 - 80 - 2 x 1.5 = 2317 tall; 2 mm band all round -> cut 2313 x 493, oak grain along
      the height.
    - Back's front face at 18 + 580 - 18 - 9 = 571: fixed shelf 964 x (571 - 18 = 553) -> cut
      962.4 x 551.2; shelf 964 - 2 x 1 = 962 x (570 - 38 = 532) -> cut 960.4 x 530.2.
    """
    build = a_build(
        catalog,
        a_cabinet(
            width_mm=1000,
            interior={
                "sections": [
                    {
                        "width_mm": None,
                        "items": [
                            {"kind": "shelf", "at_mm": 400},
                            {"kind": "rail", "at_mm": 1840},
                            {"kind": "fixed_shelf", "at_mm": 1900},
                        ],
                    }
                ]
            },
        ),
    )
    text = render_cut_list_csv(build.parts)
    got = rows(text)
    assert (got["W1-SIDE-L"]["length_mm"], got["W1-SIDE-L"]["width_mm"]) == ("2398.4", "578.2")
    assert (got["W1-TOP"]["length_mm"], got["W1-TOP"]["width_mm"]) == ("962.4", "578.2")
    assert (got["W1-BACK"]["length_mm"], got["W1-BACK"]["width_mm"]) == ("2298", "978")
    assert (got["W1-PLINTH"]["length_mm"], got["W1-PLINTH"]["width_mm"]) == ("962.4", "79.2")
    assert (got["W1-DOOR1"]["length_mm"], got["W1-DOOR1"]["width_mm"]) == ("2313", "493")
    assert got["W1-DOOR2"]["grain"] == "length" and got["W1-SIDE-L"]["grain"] == "none"
    assert (got["W1-S1-FIXED1"]["length_mm"], got["W1-S1-FIXED1"]["width_mm"]) == ("962.4", "551.2")
    assert (got["W1-S1-SHELF1"]["length_mm"], got["W1-S1-SHELF1"]["width_mm"]) == ("960.4", "530.2")
    assert text == golden


def test_drawer_unit_600(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """Drawer unit 600 x 800 x 500, default interior, plinth 60.

    - Front zone 60 + 1.5 to 800 - 1.5: 737 high; inner height 800 - 60 - 36 = 704 -> 4
      drawers; each front (737 - 3 x 3) / 4 = 182 high, 600 - 3 = 597 wide -> cut 593 x 178.
    - Runner: free depth 571 - 18 - 2 - 5 = ... (back front face 18 + 500 - 27 = 491; box front
      at 18 + 2 = 20) = 466 -> RUNNER_450; box 450 - 10 = 440 deep.
    - Box sides (15 mm PB): 440 long; height: front 182 - 15 (bottom clearance) - 35 (top drop)
      = 132, less the 9 mm bottom = 123; top edge (l2) and ends 0.8 -> cut 438.4 x 122.2. The lowest
      box starts 3 mm above the carcass bottom (81) instead of 61.5 + 15: 4.5 mm lower, 117.7.
    - Box width 564 - 2 x 13 = 538; box ends 538 - 30 = 508 -> cut 508 x 122.2 (top 0.8 only).
    - Bottom (9 mm) 538 x 440, unbanded.
    """
    build = a_build(
        catalog, a_cabinet(template="drawer_unit", width_mm=600, height_mm=800, depth_mm=500)
    )
    text = render_cut_list_csv(build.parts)
    got = rows(text)
    assert (got["W1-S1-DRW1-FRONT"]["length_mm"], got["W1-S1-DRW1-FRONT"]["width_mm"]) == (
        "593",
        "178",
    )
    assert (got["W1-S1-DRW2-SIDE-L"]["length_mm"], got["W1-S1-DRW2-SIDE-L"]["width_mm"]) == (
        "438.4",
        "122.2",
    )
    assert got["W1-S1-DRW1-SIDE-L"]["width_mm"] == "117.7"
    assert (got["W1-S1-DRW3-END-F"]["length_mm"], got["W1-S1-DRW3-END-F"]["width_mm"]) == (
        "508",
        "122.2",
    )
    assert (got["W1-S1-DRW4-BOTTOM"]["length_mm"], got["W1-S1-DRW4-BOTTOM"]["width_mm"]) == (
        "538",
        "440",
    )
    assert text == golden


def test_base_cabinet_600(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """Base cabinet 600 x 820 x 560 on 100 mm legs with a kickboard.

    - Sides from the legs up: 820 - 100 = 720 x 560 -> cut 718.4 x 558.2.
    - Kickboard in the front material (oak), full width: 600 x 100 -> cut 598.4 x 99.2,
      grain along its length.
    - One door: span 597 <= 600, 820 - 100 - 3 = 717 tall -> cut 713 x 593.
    - Default interior: inner height 720 - 36 = 684 -> round(684 / 350) - 1 = 1 shelf.
    """
    build = a_build(
        catalog, a_cabinet(template="base_cabinet", width_mm=600, height_mm=820, depth_mm=560)
    )
    text = render_cut_list_csv(build.parts)
    got = rows(text)
    assert (got["W1-SIDE-R"]["length_mm"], got["W1-SIDE-R"]["width_mm"]) == ("718.4", "558.2")
    assert (got["W1-PLINTH"]["length_mm"], got["W1-PLINTH"]["width_mm"]) == ("598.4", "99.2")
    assert got["W1-PLINTH"]["material"] == "PB18_OAK"
    assert (got["W1-DOOR1"]["length_mm"], got["W1-DOOR1"]["width_mm"]) == ("713", "593")
    assert sum(1 for r in got.values() if r["role"] == "shelf") == 1
    assert text == golden


def test_csv_header_is_exactly_the_design_columns_first(catalog: Catalog) -> None:
    header = render_cut_list_csv(a_build(catalog, a_cabinet()).parts).splitlines()[0]
    assert header.startswith(
        "part_id,cabinet,name,material,thickness_mm,length_mm,width_mm,"
        "quantity,grain,edge_l1,edge_l2,edge_w1,edge_w2"
    )
    assert header.split(",") == list(COLUMNS)


def test_json_cut_list_matches_the_csv(catalog: Catalog) -> None:
    import json

    build = a_build(catalog, a_cabinet())
    doc = json.loads(render_cut_list_json(build.parts, catalog_version=catalog.version))
    assert doc["catalog_version"] == catalog.version
    csv_rows = rows(render_cut_list_csv(build.parts))
    for part in doc["parts"]:
        assert float(csv_rows[part["part_id"]]["length_mm"]) == part["length_mm"]
        assert part["quantity"] == 1


def fronts(text: str) -> dict[str, dict[str, str]]:
    return {k: r for k, r in rows(text).items() if "-DOOR" in k}


def test_hinged_wardrobe_2000_equal_doors(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """Issue 11's 2000 mm wardrobe (six doors of 331.8/327.3 before): front span
    2000 - 2 x 1.5 = 1997 needs four doors no wider than 600, (1997 - 3 x 3) / 4 = 497 each,
    cut 493 x 2313; one door per section, so three dividers."""
    build = a_build(catalog, a_cabinet(width_mm=2000))
    text = render_cut_list_csv(build.parts)
    doors = fronts(text)
    assert {(r["length_mm"], r["width_mm"]) for r in doors.values()} == {("2313", "493")}
    assert len(doors) == 4
    assert text == golden


def test_hinged_glass_doors_push_to_open(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """Wardrobe 1200, glass doors, push-to-open. Two doors 597 x 2317, each a frame of oak:
    stiles 70 x 2317 (cut 66 x 2313), rails between them 597 - 2 x 70 = 457 x 70 (cut 453 x
    66), grooved 8 deep for 4 mm glass of (457 + 2 x 8) x (2317 - 140 + 16) = 473 x 2193,
    unbanded. No handle holes; a push latch per door."""
    build = a_build(
        catalog, a_cabinet(width_mm=1200, options={"door_style": "glass", "handle": "push"})
    )
    text = render_cut_list_csv(build.parts)
    doors = fronts(text)
    assert (
        doors["W1-DOOR1-STL"]["length_mm"] == "2313" and doors["W1-DOOR1-STL"]["width_mm"] == "66"
    )
    assert doors["W1-DOOR1-RB"]["length_mm"] == "453"
    assert doors["W1-DOOR1-IN"]["material"] == "GLASS4_CLEAR"
    assert (doors["W1-DOOR1-IN"]["length_mm"], doors["W1-DOOR1-IN"]["width_mm"]) == ("2193", "473")
    assert "W1-DOOR1" not in doors  # no plain board
    push = [h for h in build.hardware if h.code == "PUSH_LATCH"]
    assert sum(h.quantity for h in push) == 2
    assert not [h for h in build.hardware if h.code.startswith("HANDLE")]
    stile_ops = next(p for p in build.parts if p.part_id == "W1-DOOR1-STL").operations
    assert sum(1 for op in stile_ops if op.kind == "cup") == 5  # hinged on the left stile
    assert text == golden


def test_sliding_wardrobe_mirror_doors(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """Sliding 1800 x 2400 x 660, mirror doors: inner 1764, two leaves (1764 + 30) / 2 = 897
    wide (three would be narrower than needed; 897 <= 900), each a 70 mm oak frame around a
    4 mm mirror (897 - 140 + 16) = 773 wide."""
    build = a_build(
        catalog,
        a_cabinet(
            template="wardrobe_sliding",
            width_mm=1800,
            depth_mm=660,
            options={"door_style": "mirror"},
        ),
    )
    text = render_cut_list_csv(build.parts)
    doors = fronts(text)
    assert {r["width_mm"] for k, r in doors.items() if k.endswith("-IN")} == {"773"}
    assert {r["material"] for k, r in doors.items() if k.endswith("-IN")} == {"MIRROR4_SILVER"}
    assert text == golden


def test_corner_wardrobe_1200_by_1200(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """L unit 1200 along its wall and 1200 along the next, 580 deep, white carcass, oak doors.

    - Arm B stands 580 + 18 = 598 deep along the side wall, in front of arm A's blind panel:
      1200 - 598 = 602 long, one door 602 - 3 = 599 wide (cut 595 x 2313).
    - Arm A: 1200 wide, a divider at 598 + 50 = 648 from the corner (its centre line); the
      blind panel over the 598 behind arm B (598 - 1.5 = 596.5), the filler strip 50 - 1.5 =
      48.5 beside it, one door over the rest, 1198.5 - 649.5 = 549 wide.
    """
    build = a_build(
        catalog,
        a_cabinet(id="L1", template="corner_wardrobe", width_mm=1200, offset_mm=0),
    )
    text = render_cut_list_csv(build.parts)
    got = rows(text)
    assert got["L1-A-BLIND"]["width_mm"] == "592.5"  # 596.5 less the 2 mm bands
    assert got["L1-A-FILLER"]["width_mm"] == "44.5"
    assert got["L1-A-DOOR1"]["width_mm"] == "545"
    assert got["L1-B-DOOR1"]["width_mm"] == "595"
    assert (got["L1-B-TOP"]["length_mm"], got["L1-B-TOP"]["width_mm"]) == ("564.4", "578.2")
    assert text == golden


def test_blind_corner_base_1000(catalog: Catalog, golden: SnapshotAssertion) -> None:
    """Blind-corner base 1000 x 820 x 560, blind on the right 580, filler 50: the divider's
    centre line 370 from the left, one door 1.5..368.5 (cut 363 x 713), the filler strip
    371.5..420 and the blind panel 420..998.5 (cut 574.5 wide)."""
    build = a_build(
        catalog,
        a_cabinet(
            id="K1", template="blind_corner_base", width_mm=1000, height_mm=820, depth_mm=560
        ),
    )
    text = render_cut_list_csv(build.parts)
    got = rows(text)
    assert (got["K1-DOOR1"]["length_mm"], got["K1-DOOR1"]["width_mm"]) == ("713", "363")
    assert got["K1-FILLER"]["width_mm"] == "44.5"
    assert got["K1-BLIND"]["width_mm"] == "574.5"
    assert text == golden

"""build_production_package and nest_parts: the factory's use cases against the fakes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from production_export.errors import NoSheetSize, PartTooLarge
from production_export.nest_groups import NestedSheet, Saw
from production_export.nest_input import MAX_PIECES
from services.errors import DesignHasErrors, InvalidInput
from services.nesting import nest_parts
from services.production import Order, build_production_package
from tests.builders import a_cabinet, a_document
from tests.fakes import FixedCatalogs, FixedClock

EXAMPLES = Path(__file__).parents[2] / "examples"
BEDROOM = json.loads((EXAMPLES / "bedroom.json").read_text())


def test_the_package_is_dated_by_the_clock(catalogs: FixedCatalogs, clock: FixedClock) -> None:
    package = build_production_package(
        [Order(name="bedroom", document=BEDROOM)], catalogs=catalogs, clock=clock, saw=Saw()
    )
    manifest = json.loads(package.files["manifest.json"])
    assert manifest["created"] == clock.now().isoformat()
    assert package.part_count == manifest["parts"] > 0


def test_a_design_that_cannot_be_made_stops_the_batch(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    overlapping = a_document(a_cabinet(), a_cabinet(id="W2"))
    with pytest.raises(DesignHasErrors) as refused:
        build_production_package(
            [Order(name="ok", document=BEDROOM), Order(name="bad", document=overlapping)],
            catalogs=catalogs,
            clock=clock,
            saw=Saw(),
        )
    assert [p.path.split(":")[0] for p in refused.value.problems] == ["bad"]
    assert {p.code for p in refused.value.problems} == {"cabinet_overlap"}


CSV = (
    "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n"
    "A,PB18_WHITE,18,700,400,3,none\n"
    "B,PB18_OAK,18,2000,500,1,length\n"
)


def test_nesting_a_cut_list_groups_by_material_and_uses_the_catalog_sheet(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    sheets = nest_parts(CSV, catalogs=catalogs, clock=clock, saw=Saw())
    assert [s.material for s in sheets] == ["PB18_OAK", "PB18_WHITE"]
    assert sorted(p.part_id for s in sheets for p in s.layout.placements) == [
        "A#1",
        "A#2",
        "A#3",
        "B",
    ]
    white = catalogs.catalog().material("PB18_WHITE")
    assert sheets[1].layout.stock.length == white.sheet_length_mm


def test_nesting_refuses_bad_rows_and_unknown_sheets(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    with pytest.raises(InvalidInput) as bad:
        nest_parts(CSV.replace("700", "x"), catalogs=catalogs, clock=clock, saw=Saw())
    assert [p.path for p in bad.value.problems] == ["line 2.length_mm"]
    other = CSV.replace("PB18_OAK", "WALNUT")
    with pytest.raises(NoSheetSize):
        nest_parts(other, catalogs=catalogs, clock=clock, saw=Saw())
    given = nest_parts(other, catalogs=catalogs, clock=clock, saw=Saw(), sheet=(2800, 2070))
    assert given[0].material == "PB18_WHITE" and given[0].layout.stock.length == 2800


class SteppingClock:
    """A clock that moves a minute on every reading: the safety net fires at once."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 24, tzinfo=UTC)

    def now(self) -> datetime:
        self.moment += timedelta(minutes=1)
        return self.moment


def test_the_wall_clock_safety_net_still_gives_a_complete_layout(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    many = "part_id,material,thickness_mm,length_mm,width_mm,quantity,grain\n" + "".join(
        f"P{i},PB18_WHITE,18,{300 + 37 * i},{200 + 23 * i},3,none\n" for i in range(20)
    )
    searched = nest_parts(many, catalogs=catalogs, clock=clock, saw=Saw())
    hurried = nest_parts(many, catalogs=catalogs, clock=SteppingClock(), saw=Saw())
    placed = sorted(p.part_id for s in hurried for p in s.layout.placements)
    assert placed == sorted(p.part_id for s in searched for p in s.layout.placements)
    assert len(hurried) >= len(searched)


def test_force_exports_a_design_with_errors_and_records_them(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    """The production gate: refused without ``force``; with it, the package is made and its
    manifest lists the errors it was exported despite, each with its order's source."""
    overlapping = a_document(a_cabinet(), a_cabinet(id="W2"))
    orders = [Order(name="bad", document=overlapping, source="bad.json")]
    with pytest.raises(DesignHasErrors):
        build_production_package(orders, catalogs=catalogs, clock=clock, saw=Saw())
    package = build_production_package(
        orders, catalogs=catalogs, clock=clock, saw=Saw(), force=True
    )
    forced = json.loads(package.files["manifest.json"])["forced_problems"]
    assert [(p["code"], p["path"]) for p in forced] == [
        ("cabinet_overlap", "bad.json: cabinets[1]")
    ]
    assert package.forced and package.part_count > 0
    clean = build_production_package(
        [Order(name="ok", document=BEDROOM)], catalogs=catalogs, clock=clock, saw=Saw()
    )
    assert json.loads(clean.files["manifest.json"])["forced_problems"] == []


def test_force_does_not_export_a_document_that_cannot_be_read(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    with pytest.raises(DesignHasErrors):
        build_production_package(
            [Order(name="x", document={"schema": "nonsense"})],
            catalogs=catalogs,
            clock=clock,
            saw=Saw(),
            force=True,
        )


def test_tall_parts_come_from_the_large_sheet_only(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    """2600 mm sides need the 2800 x 2070 sheet; parts of another board stay on its
    2440 x 1220 sheets, and parts of the same board share the large sheet when that takes
    less board than buying standard sheets for them."""
    header = CSV.splitlines()[0] + "\n"
    tall = "T,PB18_OAK,18,2600,580,2,length\n"
    sheets = nest_parts(
        header + tall + CSV.splitlines()[1] + "\n", catalogs=catalogs, clock=clock, saw=Saw()
    )
    assert [(s.material, s.layout.stock.length) for s in sheets] == [
        ("PB18_OAK", 2800),
        ("PB18_WHITE", 2440),
    ]
    shared = nest_parts(
        header + tall + "S,PB18_OAK,18,800,600,2,length\n",
        catalogs=catalogs,
        clock=clock,
        saw=Saw(),
    )
    assert [(s.layout.stock.length, len(s.layout.placements)) for s in shared] == [(2800, 4)]
    many = header + tall + "S,PB18_OAK,18,1100,1000,6,length\n"
    mixed = nest_parts(many, catalogs=catalogs, clock=clock, saw=Saw())
    on_large = nest_parts(many, catalogs=catalogs, clock=clock, saw=Saw(), sheet=(2800, 2070))

    def board(found: list[NestedSheet]) -> float:
        return sum(s.layout.stock.length * s.layout.stock.width for s in found)

    assert board(mixed) <= board(on_large)
    assert all(
        s.layout.stock.length == 2800 for s in mixed for p in s.layout.placements if p.length > 2420
    )


def test_a_part_larger_than_every_sheet_is_refused_by_name(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    header = CSV.splitlines()[0] + "\n"
    with pytest.raises(PartTooLarge) as refused:
        nest_parts(
            header + "T,PB18_OAK,18,2790,580,1,length\n", catalogs=catalogs, clock=clock, saw=Saw()
        )
    assert "part T (2790 x 580) does not fit a 2800 x 2070 sheet" in str(refused.value)


def test_nesting_reads_a_byte_order_mark_and_caps_the_pieces(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    sheets = nest_parts("\ufeff" + CSV, catalogs=catalogs, clock=clock, saw=Saw())
    assert len([p for s in sheets for p in s.layout.placements]) == 4
    header = CSV.splitlines()[0] + "\n"
    rows = "".join(f"P{i},PB18_WHITE,18,300,200,{MAX_PIECES // 2},none\n" for i in range(2))
    nest_parts(header + rows, catalogs=catalogs, clock=clock, saw=Saw(), sheet=(1e5, 1e5))
    with pytest.raises(InvalidInput) as bad:
        nest_parts(
            header + rows + "X,PB18_WHITE,18,300,200,1,none\n",
            catalogs=catalogs,
            clock=clock,
            saw=Saw(),
        )
    assert [(p.code, p.params["pieces"]) for p in bad.value.problems] == [
        ("too_many_pieces", MAX_PIECES + 1)
    ]

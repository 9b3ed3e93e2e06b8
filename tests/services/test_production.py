"""build_production_package and nest_parts: the factory's use cases against the fakes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from production_export.errors import NoSheetSize
from production_export.nest_groups import Saw
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

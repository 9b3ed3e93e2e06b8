"""Everything the catalog offers can be made (issue 11): every template at the corners of its
documented ranges, in every material it offers, gives parts that its materials' sheets can
give; what cannot be made is refused at design time, by a rule that names the limit."""

from __future__ import annotations

import itertools

import pytest

from catalog.catalog import Catalog
from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from tests.builders import a_build, a_cabinet, a_document
from tests.strategies import CATALOG, TEMPLATES


@pytest.mark.parametrize("code", TEMPLATES)
def test_every_corner_of_every_template_fits_its_sheets(code: str) -> None:
    t = CATALOG.template(code)
    trim = CATALOG.construction.sheet_trim_mm
    keys = ("width_mm", "height_mm", "depth_mm", "carcass_material", "front_material")
    for values in itertools.product(
        (t.width.min, t.width.max),
        (t.height.min, t.height.max),
        (t.depth.min, t.depth.max),
        t.carcass_materials,
        t.front_materials,
    ):
        cabinet = a_cabinet(template=code, **dict(zip(keys, values, strict=True)))
        for p in a_build(CATALOG, cabinet).parts:
            sheet = CATALOG.material(p.material).sheet_for(
                p.cut_length_mm, p.cut_width_mm, turnable=not p.grained, trim_mm=trim
            )
            assert sheet is not None, (p.part_id, p.cut_length_mm, p.cut_width_mm, cabinet)


def test_the_bedroom_wardrobe_2450_high_is_made_from_the_large_sheet(catalog: Catalog) -> None:
    """Issue 11's first finding: 2450 mm is inside 1600-2780; its sides are cut 2448.4 long."""
    cabinet = a_cabinet(width_mm=1600, height_mm=2450, depth_mm=600)
    room = {"outline_mm": [[0, 0], [3600, 0], [3600, 3000], [0, 3000]], "ceiling_mm": 2600}
    evaluation = evaluate(parse_design(a_document(cabinet, room=room)), catalog)
    assert not evaluation.has_errors, evaluation.problems


def test_a_single_section_back_larger_than_every_sheet_is_refused(catalog: Catalog) -> None:
    """A 2400 mm wardrobe 2700 high with one section across: its back (2628 x 2378) fits no
    9 mm sheet, not even 2800 x 2070 (2780 x 2050 after trims); a divider makes two backs."""
    one = {"sections": [{"width_mm": None, "items": []}]}
    two = {"sections": [{"width_mm": None, "items": []}, {"width_mm": None, "items": []}]}
    room = {"outline_mm": [[0, 0], [4000, 0], [4000, 3000], [0, 3000]], "ceiling_mm": 3000}
    wide = a_cabinet(width_mm=2400, height_mm=2700, interior=one)
    found = [
        p
        for p in evaluate(parse_design(a_document(wide, room=room)), catalog).problems
        if p.code == "part_exceeds_sheet"
    ]
    assert [(p.params["part_id"], p.params["sheet_mm"]) for p in found] == [
        ("W1-BACK", "2780 x 2050")
    ]
    split = evaluate(parse_design(a_document({**wide, "interior": two}, room=room)), catalog)
    assert "part_exceeds_sheet" not in [p.code for p in split.problems]

"""What the catalog puts in front of a customer can be made (issue 11, item 1): every template
at each of its standard widths, its default height, depth and interior, in each of its carcass
materials, evaluates with no error. An 800 mm wall cabinet in PB18 at its default 350 mm depth
had one 764 mm shelf that sagged 3.98 mm (limit 3.17): a standard size the engine refused."""

from __future__ import annotations

import pytest

from catalog.templates import StandsOn
from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from kernel.problems import Severity
from tests.builders import ROOM, a_cabinet, a_document
from tests.strategies import CATALOG, TEMPLATES

WALL_MM = ROOM["outline_mm"][1][0]  # wall 0 of the test room


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_standard_width_at_its_defaults_has_no_error(template: str) -> None:
    t = CATALOG.template(template)
    refused = []
    for width in t.standard_widths:
        for material in t.carcass_materials:
            cabinet = a_cabinet(
                template=template,
                # a corner unit stands with its left side in the corner at the wall's end
                offset_mm=WALL_MM - width if t.corner == "l" else 0,
                width_mm=width,
                height_mm=t.height.default,
                depth_mm=t.depth.default,
                carcass_material=material,
                front_material=t.front_materials[0],
            )
            # a top box stands on a wardrobe as wide, whose top is the box's default elevation
            under = a_cabinet(id="U1", width_mm=width, height_mm=t.elevation_mm)
            placed = (cabinet, under) if t.stands_on is StandsOn.CABINET else (cabinet,)
            evaluation = evaluate(parse_design(a_document(*placed)), CATALOG)
            errors = [p.code for p in evaluation.problems if p.severity is Severity.ERROR]
            if errors:
                refused.append((width, material, errors))
    assert refused == []

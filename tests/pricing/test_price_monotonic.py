"""The price of a cabinet never drops as it gets wider (issue 11: at 1637 mm the default
hinged wardrobe went from 4 doors to 3 and got cheaper), except where a documented rule says
so: the non-standard-width surcharge (README, Pricing) ends at a standard width, so the
last non-standard width below a standard one may cost more than the standard one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.catalog import Catalog
from catalog.price_list import Method, PriceList
from pricing.costing import cost_design
from tests.builders import a_build, a_cabinet
from tests.strategies import CATALOG, TEMPLATES


def cabinet_price(
    catalog: Catalog, price_list: PriceList, template: str, width: int, method: Method
) -> Decimal:
    t = catalog.template(template)
    cabinet = a_cabinet(
        template=template,
        width_mm=width,
        height_mm=t.height.default,
        depth_mm=t.depth.default,
        carcass_material=t.carcass_materials[0],
        front_material=t.front_materials[0],
    )
    build = a_build(catalog, cabinet)
    assert not [p for p in build.problems if p.severity == "error"], (template, width)
    lines = cost_design(build, catalog, price_list, method=method)
    return sum((x.amount for x in lines if x.cabinet == "W1"), Decimal(0))


def surcharge_ends(template: str, narrower: int, wider: int) -> bool:
    """The documented exception: the narrower width pays the non-standard surcharge and
    the wider one, a standard width, does not."""
    standard = CATALOG.template(template).standard_widths
    return narrower not in standard and wider in standard


@st.composite
def widths(draw: st.DrawFn, template: str) -> tuple[int, int]:
    span = CATALOG.template(template).width
    # just below each 50 mm step too, where counts (doors, sections, shelves) change
    edges = sorted({w - 1 for w in range(span.min + 1, span.max + 1) if w % 50 == 0})
    narrower = draw(st.one_of(st.integers(span.min, span.max - 1), st.sampled_from(edges)))
    step = draw(st.one_of(st.just(1), st.integers(1, span.max - narrower)))
    return narrower, narrower + step


@pytest.mark.parametrize("method", [Method.UNFOLDED, Method.PROJECTED, Method.SHEETS])
@pytest.mark.parametrize("template", TEMPLATES)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_wider_cabinet_never_costs_less(
    catalog: Catalog,
    price_list: PriceList,
    template: str,
    method: Method,
    data: st.DataObject,
) -> None:
    narrower, wider = data.draw(widths(template))
    if surcharge_ends(template, narrower, wider):
        return
    before = cabinet_price(catalog, price_list, template, narrower, method)
    after = cabinet_price(catalog, price_list, template, wider, method)
    assert after >= before, (template, narrower, wider, before, after)


@pytest.mark.parametrize(("template", "narrower"), [("wardrobe_hinged", 1636)])
def test_the_issues_1637_mm_wardrobe_costs_more_than_1636(
    catalog: Catalog, price_list: PriceList, template: str, narrower: int
) -> None:
    prices = [
        cabinet_price(catalog, price_list, template, w, Method.UNFOLDED)
        for w in (narrower, narrower + 1)
    ]
    assert prices[1] > prices[0]

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.catalog import Catalog
from configurator.build.design_build import build_design
from configurator.model.document import parse_design
from configurator.room.fill import free_spans, propose_fill
from tests.strategies import CATALOG

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.mark.parametrize(
    ("span", "widths", "filler"),
    [
        (3600, (1200, 1200, 1200), 0),
        (2850, (1200, 1200, 450), 0),
        (1234, (1000,), 234),  # 1200 would leave 34 mm, under the 36 mm narrowest filler
        (3333.7, (1200, 1200, 800), 133),  # whole mm: the 0.7 is scribed on site
        (200, (), 200),  # narrower than any wardrobe: a filler alone
    ],
)
def test_proposals_of_standard_widths(
    catalog: Catalog, span: float, widths: tuple[int, ...], filler: int
) -> None:
    fill = propose_fill(span, "wardrobe_hinged", catalog)
    assert fill is not None and fill.standard
    assert (fill.widths, fill.filler_mm) == (widths, filler)


def test_non_standard_widths_when_no_combination_fits(catalog: Catalog) -> None:
    """No standard sliding width (at most 1200 per module) fills 2900; three 967 modules would
    be under the 1000 minimum, so two of 1450."""
    fill = propose_fill(2900, "wardrobe_sliding", catalog)
    assert fill is not None and not fill.standard
    assert fill.widths == (1450, 1450) and fill.filler_mm == 0


def test_nothing_fits_a_span_between_the_largest_filler_and_the_smallest_cabinet(
    catalog: Catalog,
) -> None:
    assert propose_fill(350, "wardrobe_hinged", catalog) is None


@given(
    extra=st.integers(0, 12_000),
    template=st.sampled_from(
        ["wardrobe_hinged", "wardrobe_sliding", "base_cabinet", "shelving_open", "top_box"]
    ),
)
def test_a_span_at_least_one_cabinet_wide_is_filled_exactly_within_the_ranges(
    extra: int, template: str
) -> None:
    tpl = CATALOG.template(template)
    span = tpl.width.min + extra
    fill = propose_fill(span, template, CATALOG)
    filler = CATALOG.template("filler").width
    assert fill is not None
    assert fill.total_mm == span
    assert all(tpl.width.min <= w <= tpl.width.max for w in fill.widths)
    assert fill.filler_mm == 0 or filler.min <= fill.filler_mm <= filler.max


def test_free_spans_leave_out_cabinets_and_doors(catalog: Catalog) -> None:
    design = parse_design(json.loads((EXAMPLES / "l-shaped-bedroom.json").read_text()))
    build = build_design(design, catalog)
    assert free_spans(build, 0) == [(0.0, 200.0), (1800.0, 3200.0), (3800.0, 5000.0)]
    assert free_spans(build, 3) == [(0.0, 300.0), (1200.0, 1500.0)]  # door d1 at 300..1200

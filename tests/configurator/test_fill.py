"""Filling a wall: the widths of one template that fill a span (standard widths of the template,
never one cap for all, never a filler alone), and over a real wall the free spans (clear of
windows above their sill, doors, beams, corners and existing cabinets) with checked
proposals whose JSON Patch, applied, adds no error (issue 11, item 5)."""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from catalog.catalog import Catalog
from configurator.model.document import parse_design
from configurator.room.fill import SLACK_MM, SMALL_FILLER_MM, fill_options, propose_fill
from configurator.room.geometry import check_room
from configurator.rules.evaluate import evaluate
from configurator.rules.fill import FillProblem, SpanOffer, offer_fill
from configurator.rules.room import TILT_MARGIN_MM
from kernel.json_patch import apply_patch
from kernel.problems import errors_in
from tests.builders import a_cabinet
from tests.strategies import CATALOG, design_documents
from web.messages import fix_message, message

TEMPLATES = ["wardrobe_hinged", "wardrobe_sliding", "base_cabinet", "shelving_open", "top_box"]

# --- widths --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "template", "widths", "filler"),
    [
        (2000, "wardrobe_sliding", (2000,), 0),  # was 2 x 1000 non-standard (a 1200 cap)
        (4000, "wardrobe_sliding", (2000, 2000), 0),  # equal standard units
        (3600, "wardrobe_hinged", (1800, 1800), 0),  # equal before 2400 + 1200
        (2102, "wardrobe_hinged", (1200, 900), 0),  # 2 mm left open, scribed on site
        (2050, "wardrobe_hinged", (2000,), 50),  # a small filler closes the rest
        (1234, "wardrobe_hinged", (1000,), 234),  # 34 mm is under the narrowest filler
        # whole mm; 1800 + 1500 would leave 33 mm: too much to leave open, too little to fill
        (3333.7, "wardrobe_hinged", (1800, 1000, 450), 83),
        (1800, "base_cabinet", (900, 900), 0),  # a base cabinet is at most 1200
    ],
)
def test_standard_widths_of_the_template(
    catalog: Catalog, span: float, template: str, widths: tuple[int, ...], filler: int
) -> None:
    fill = propose_fill(span, template, catalog)
    assert fill is not None and fill.standard
    assert (fill.widths, fill.filler_mm) == (widths, filler)


def test_non_standard_equal_widths_only_when_no_standard_combination_fits(
    catalog: Catalog,
) -> None:
    """2345 mm of sliding wardrobe: no standard width with a filler of at most 300 mm fits;
    one 2345 mm unit (with the surcharge), not several capped ones."""
    fill = propose_fill(2345, "wardrobe_sliding", catalog)
    assert fill is not None and not fill.standard
    assert fill.widths == (2345,) and fill.filler_mm == 0


@pytest.mark.parametrize("span", [0, 36, 200, 350])
def test_never_a_filler_alone(catalog: Catalog, span: int) -> None:
    assert propose_fill(span, "wardrobe_hinged", catalog) is None
    assert fill_options(span, "wardrobe_hinged", catalog) == []


@given(extra=st.integers(0, 9_000), template=st.sampled_from(TEMPLATES))
def test_a_span_at_least_one_cabinet_wide_is_filled_within_the_ranges(
    extra: int, template: str
) -> None:
    tpl = CATALOG.template(template)
    span = tpl.width.min + extra
    filler = CATALOG.template("filler").width
    options = fill_options(span, template, CATALOG)
    assert options, "a span one cabinet wide always gets an option"
    for fill in options:
        assert fill.widths, "never a filler alone"
        assert 0 <= span - fill.total_mm <= SLACK_MM
        assert all(tpl.width.min <= w <= tpl.width.max for w in fill.widths)
        assert fill.filler_mm == 0 or filler.min <= fill.filler_mm <= filler.max
        assert fill.standard == all(w in tpl.standard_widths for w in fill.widths)
    standard = [f for f in options if f.standard]
    if standard:  # the best standard option comes first; small fillers before large ones
        assert options[0].standard
        large = [f.filler_mm > SMALL_FILLER_MM for f in standard]
        assert large == sorted(large)


# --- a real wall ---------------------------------------------------------------------------


def room(
    width: int = 4000,
    depth: int = 3000,
    *,
    ceiling: int = 2700,
    openings: list[dict[str, Any]] | None = None,
    obstacles: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "outline_mm": [[0, 0], [width, 0], [width, depth], [0, depth]],
        "ceiling_mm": ceiling,
        "openings": openings or [],
        "obstacles": obstacles or [],
    }


def opening(
    kind: str, offset: int, width: int, *, height: int = 2100, sill: int = 0, **more: str
) -> dict[str, Any]:
    """An opening in wall 0."""
    return {
        "id": kind[0] + "1",
        "kind": kind,
        "wall": 0,
        "offset_mm": offset,
        "width_mm": width,
        "height_mm": height,
        "sill_mm": sill,
        **more,
    }


def design(the_room: dict[str, Any], *cabinets: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "millwork/design@1", "name": "t", "room": the_room, "cabinets": [*cabinets]}


def offers(doc: dict[str, Any], template: str, wall: int = 0) -> tuple[SpanOffer, ...]:
    return offer_fill(parse_design(doc), CATALOG, wall=wall, template=template)


def added(offer: SpanOffer) -> list[dict[str, Any]]:
    assert offer.fix is not None
    return [op["value"] for op in offer.fix.patch]  # type: ignore[misc]


def stretches(offer: SpanOffer) -> list[tuple[int, int]]:
    """Where the offer's floor cabinets stand along the wall."""
    return [(c["offset_mm"], c["offset_mm"] + c["width_mm"]) for c in added(offer)]


def assert_adds_no_error(doc: dict[str, Any], offer: SpanOffer) -> None:
    assert offer.fix is not None
    before = Counter(p.identity for p in errors_in(evaluate(parse_design(doc), CATALOG).problems))
    after = evaluate(parse_design(apply_patch(doc, offer.fix.patch)), CATALOG).problems
    assert not Counter(p.identity for p in errors_in(after)) - before, [
        p for p in after if p.severity == "error"
    ]


def clear_of(stretch: tuple[int, int], lo: float, hi: float) -> bool:
    return stretch[1] <= lo or stretch[0] >= hi


def test_the_corners_are_left_to_the_adjacent_walls(catalog: Catalog) -> None:
    """An empty 4000 mm wall: the run stops a cabinet's plan depth (580 + 18 mm doors) short of
    each corner, where the adjacent wall's run stands."""
    (offer,) = offers(design(room()), "wardrobe_hinged")
    assert (offer.span.start_mm, offer.span.end_mm) == (598, 3402)
    assert stretches(offer)[0][0] == 598 and stretches(offer)[-1][1] <= 3402
    assert offer.fill is not None and offer.fill.standard
    assert_adds_no_error(design(room()), offer)


def test_a_2000_mm_span_of_sliding_wardrobe_is_one_standard_unit() -> None:
    """The issue's case: 2 x 1000 "non-standard" with the surcharge; now one 2000 unit, no
    filler (the corners take 660 mm at each end of the 3320 mm wall)."""
    doc = design(room(3320))
    (offer,) = offers(doc, "wardrobe_sliding")
    assert offer.fill is not None
    assert (offer.fill.widths, offer.fill.filler_mm, offer.fill.standard) == ((2000,), 0, True)
    assert [c["template"] for c in added(offer)] == ["wardrobe_sliding"]
    assert_adds_no_error(doc, offer)


def test_nothing_in_front_of_a_window_but_low_units_under_its_sill() -> None:
    window = opening("window", 1200, 1500, height=1400, sill=900)
    doc = design(room(5000, openings=[window]))
    wardrobes = offers(doc, "wardrobe_hinged")
    for offer in wardrobes:
        if offer.fix is not None:
            assert all(clear_of(s, 1200, 2700) for s in stretches(offer))
            assert_adds_no_error(doc, offer)
    low = next(o for o in wardrobes if o.span.limit == "window")
    assert low.problem is not None and low.problem.code is FillProblem.TOO_LOW
    assert low.problem.params["max_mm"] == 900 and "window" in message(low.problem)
    # base cabinets stand under the sill, in one run past the window
    (base,) = offers(doc, "base_cabinet")
    assert base.fix is not None and base.height_mm is not None and base.height_mm <= 900
    assert stretches(base)[0][0] < 1200 and max(b for _, b in stretches(base)) > 2700
    assert_adds_no_error(doc, base)


def test_nothing_in_a_doorway_or_its_swing() -> None:
    door = opening("door", 1500, 900, swing="in_left")
    doc = design(room(5000, openings=[door]))
    found = offers(doc, "wardrobe_hinged")
    assert len(found) == 2
    for offer in found:
        assert offer.fix is not None
        assert all(clear_of(s, 1500, 2400) for s in stretches(offer))
        assert_adds_no_error(doc, offer)


def test_under_a_beam_only_units_that_fit_and_can_be_stood_up_there() -> None:
    """A 2350 mm beam along the wall under a 2700 mm ceiling (the bedroom's): wardrobes low
    enough to stand up under the beam (A15), not 2400 mm into it."""
    beam = {
        "id": "b1",
        "kind": "beam",
        "outline_mm": [[0, 0], [4000, 0], [4000, 300], [0, 300]],
        "bottom_mm": 2350,
    }
    doc = design(room(obstacles=[beam]))
    (offer,) = offers(doc, "wardrobe_hinged")
    assert offer.span.limit == "beam" and offer.span.top_mm == 2350
    assert offer.height_mm is not None and offer.height_mm <= 2350 - TILT_MARGIN_MM
    heights = {c["height_mm"] for c in added(offer)}
    assert heights == {offer.height_mm}
    assert_adds_no_error(doc, offer)


def test_existing_cabinets_and_the_floor_their_doors_sweep_are_left_free() -> None:
    """A wardrobe in the middle of wall 0 and one in the corner of wall 1: the proposals
    stand beside the first and clear of the second's footprint and its doors."""
    middle = a_cabinet(id="M", wall=0, offset_mm=1600, width_mm=800)
    corner = a_cabinet(id="C", wall=1, offset_mm=0, width_mm=1200)
    doc = design(room(5000), middle, corner)
    found = offers(doc, "wardrobe_hinged")
    ids = {c["id"] for o in found if o.fix is not None for c in added(o)}
    assert not ids & {"M", "C"}
    for offer in found:
        if offer.fix is None:
            continue
        assert all(clear_of(s, 1600, 2400) for s in stretches(offer))
        # C stands along x = 5000 from y = 0, 598 deep, its doors reaching 600 more
        assert all(s[1] <= 5000 - 598 - 600 for s in stretches(offer))
        assert_adds_no_error(doc, offer)


def test_wall_cabinets_hang_over_a_base_run() -> None:
    doc = design(room(3600))
    (offer,) = offers(doc, "base_cabinet")
    cabinets = added(offer)
    upper = [c for c in cabinets if c["template"] == "wall_cabinet"]
    assert upper and offer.fix is not None and offer.fix.params["above"] == len(upper)
    base = [c for c in cabinets if c["template"] == "base_cabinet"]
    assert min(c["offset_mm"] for c in upper) >= min(c["offset_mm"] for c in base)
    assert_adds_no_error(doc, offer)
    # and a wall cabinet run may hang over an existing base run
    with_base = design(room(3600), *[c for c in cabinets if c["template"] == "base_cabinet"])
    (hung,) = offers(with_base, "wall_cabinet")
    assert hung.fix is not None
    assert_adds_no_error(with_base, hung)


def test_a_span_no_cabinet_fits_gets_its_reason_not_a_filler() -> None:
    door = opening("door", 800, 900)  # swinging in, hinged at 1700
    doc = design(room(4000, openings=[door]))
    first = offers(doc, "wardrobe_sliding")[0]
    assert first.fix is None and first.problem is not None
    assert first.problem.code is FillProblem.TOO_NARROW
    assert first.problem.params == {"template": "wardrobe_sliding", "span_mm": 140, "min_mm": 1000}


def test_ids_are_unique_across_the_design_and_the_proposals() -> None:
    doc = design(room(6000), a_cabinet(id="W1", wall=0, offset_mm=2400, width_mm=1200))
    found = offers(doc, "wardrobe_hinged")
    ids = [c["id"] for o in found if o.fix is not None for c in added(o)]
    assert len(found) == 2 and len(ids) == len(set(ids)) and "W1" not in ids


def test_the_proposal_reads_in_both_languages() -> None:
    (offer,) = offers(design(room()), "wardrobe_hinged")
    assert offer.fix is not None
    for language in ("en", "zh-CN"):
        words = fix_message(offer.fix, language)
        assert "?" not in words and "wardrobe_hinged" in words


@settings(max_examples=25)
@given(
    doc=design_documents(),
    wall=st.integers(0, 5),
    template=st.sampled_from([*TEMPLATES, "wall_cabinet", "drawer_unit"]),
)
def test_every_proposal_applied_adds_no_error(
    doc: dict[str, Any], wall: int, template: str
) -> None:
    parsed = parse_design(doc)
    assume(not check_room(parsed.room) and wall < len(parsed.room.outline_mm))
    for offer in offer_fill(parsed, CATALOG, wall=wall, template=template):
        if offer.fix is None:
            assert offer.problem is not None
            continue
        assert offer.fill is not None and offer.fill.widths
        assert_adds_no_error(copy.deepcopy(doc), offer)
        start, end = offer.span.start_mm, offer.span.end_mm
        floor = [c for c in added(offer) if c["template"] in (template, "filler")]
        assert all(
            start - 1 <= c["offset_mm"] <= c["offset_mm"] + c["width_mm"] <= end + 1 for c in floor
        )

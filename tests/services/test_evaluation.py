"""evaluate_design: one call gives the problems, the price and the parts summary."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from catalog.price_list import Method
from configurator.model.errors import InvalidDesign
from pricing.promotions import Customer
from services.errors import InvalidInput
from services.evaluation import PriceRequest, evaluate_design
from tests.builders import a_cabinet, a_document
from tests.fakes import FixedCatalogs, FixedClock

BEDROOM = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())


def test_a_clean_design_has_a_price_and_its_parts(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    report = evaluate_design(BEDROOM, catalogs=catalogs, clock=clock)
    assert not report.evaluation.has_errors
    assert report.price.total > 0 and report.price.total == report.price.subtotal - (
        report.price.discount
    )
    assert report.parts.parts == len(report.evaluation.build.parts) > 0
    assert report.priced_at == clock.now()
    assert report.problems == (*report.evaluation.problems, *report.price.problems)


def test_the_price_is_taken_as_of_the_clock_unless_asked_for_another_moment(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    later = datetime(2031, 1, 1, tzinfo=UTC)  # long after the price list's validity
    report = evaluate_design(
        BEDROOM, catalogs=catalogs, clock=clock, request=PriceRequest(at=later)
    )
    assert report.priced_at == later
    assert "price_list_not_valid" in {p.code for p in report.price.problems}
    now = evaluate_design(BEDROOM, catalogs=catalogs, clock=clock)
    assert "price_list_not_valid" not in {p.code for p in now.price.problems}


def test_customer_and_method_reach_the_price(catalogs: FixedCatalogs, clock: FixedClock) -> None:
    plain = evaluate_design(BEDROOM, catalogs=catalogs, clock=clock)
    member = evaluate_design(
        BEDROOM,
        catalogs=catalogs,
        clock=clock,
        request=PriceRequest(customer=Customer(member=True), method=Method.UNFOLDED),
    )
    assert member.price.method is Method.UNFOLDED
    assert member.price.discount >= plain.price.discount >= Decimal(0)


def test_problems_of_the_design_and_of_the_price_come_together(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    document = a_document(a_cabinet(width_mm=1200), a_cabinet(id="W2", width_mm=1200))
    report = evaluate_design(
        document,
        catalogs=catalogs,
        clock=clock,
        request=PriceRequest(customer=Customer(coupon="NOSUCH")),
    )
    codes = [p.code for p in report.problems]
    assert "cabinet_overlap" in codes and codes[-1] == "unknown_coupon"


def test_an_unreadable_document_and_an_unknown_region_are_refused(
    catalogs: FixedCatalogs, clock: FixedClock
) -> None:
    with pytest.raises(InvalidDesign):
        evaluate_design({"schema": "nope"}, catalogs=catalogs, clock=clock)
    with pytest.raises(InvalidInput) as refused:
        evaluate_design(
            BEDROOM,
            catalogs=catalogs,
            clock=clock,
            request=PriceRequest(customer=Customer(region="mars")),
        )
    [problem] = refused.value.problems
    assert (problem.code, problem.path, problem.params["value"]) == (
        "unknown_region",
        "region",
        "mars",
    )
    assert "beijing" in str(problem.params["allowed"])

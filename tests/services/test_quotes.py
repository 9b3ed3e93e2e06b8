"""issue_quote: evaluated, refused when it cannot be made, numbered, frozen and kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.errors import DesignHasErrors, NotFound
from services.quotes import issue_quote
from tests.builders import a_cabinet, a_document
from tests.fakes import FixedCatalogs, FixedClock, InMemoryQuotes

BEDROOM = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())


def test_quotes_are_numbered_in_order_and_kept(
    catalogs: FixedCatalogs, clock: FixedClock, quotes: InMemoryQuotes
) -> None:
    first = issue_quote(BEDROOM, catalogs=catalogs, clock=clock, quotes=quotes)
    second = issue_quote(BEDROOM, catalogs=catalogs, clock=clock, quotes=quotes)
    assert (first.number, second.number) == ("Q-2026-000001", "Q-2026-000002")
    assert quotes.get(first.number) == first
    assert first.issued_at == clock.now() and first.valid_until > first.issued_at
    assert {"plan", "wall 0"} <= set(first.drawings)
    assert all(svg.startswith("<svg") for svg in first.drawings.values())


def test_a_design_with_errors_is_not_quoted(
    catalogs: FixedCatalogs, clock: FixedClock, quotes: InMemoryQuotes
) -> None:
    overlapping = a_document(a_cabinet(), a_cabinet(id="W2"))
    with pytest.raises(DesignHasErrors) as refused:
        issue_quote(overlapping, catalogs=catalogs, clock=clock, quotes=quotes)
    assert {p.code for p in refused.value.problems} == {"cabinet_overlap"}
    assert quotes.kept == {} and quotes.last == {}  # no number was used


def test_each_year_is_numbered_from_one(
    catalogs: FixedCatalogs, clock: FixedClock, quotes: InMemoryQuotes
) -> None:
    issue_quote(BEDROOM, catalogs=catalogs, clock=clock, quotes=quotes)
    clock.moment = clock.moment.replace(year=2027)
    new_year = issue_quote(BEDROOM, catalogs=catalogs, clock=clock, quotes=quotes)
    assert new_year.number == "Q-2027-000001"
    assert sorted(quotes.kept) == ["Q-2026-000001", "Q-2027-000001"]


def test_an_unknown_number_is_not_found(quotes: InMemoryQuotes) -> None:
    with pytest.raises(NotFound):
        quotes.get("Q-2026-999999")

"""Quotes in the database: numbered by it without gaps or duplicates, even when issued at the
same moment, and read back exactly as issued. The in-memory fake the use-case tests run on
keeps the same contract."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from persistence.db import make_engine
from persistence.mappers import quote_row
from persistence.pricing_json import quote_to_json
from persistence.quote_store import SqlQuoteStore
from persistence.tables import QuoteCounterRow, QuoteRow
from pricing.quote import Quote, quote_number
from services.errors import NotFound
from services.ports import QuoteStore
from tests.fakes import InMemoryQuotes
from tests.persistence.databases import DATABASES, empty_database, migrated

RACERS = 20


def numbered(quote: Quote) -> Callable[[str], Quote]:
    """``make`` for ``QuoteStore.issue``: ``quote`` under the number given."""
    return lambda number: replace(quote, number=number)


class Refused(Exception):
    """What a failing ``make`` raises."""


def refuse(number: str) -> Quote:
    raise Refused(number)


@pytest.fixture(params=["memory", *DATABASES])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[QuoteStore]:
    """The fake, and the database store on each database."""
    if request.param == "memory":
        yield InMemoryQuotes()
        return
    with empty_database(request.param, tmp_path) as url, migrated(url) as engine:
        yield SqlQuoteStore(engine)


def test_quotes_are_numbered_from_one_in_each_year(store: QuoteStore, bedroom_quote: Quote) -> None:
    issued = [store.issue(year, numbered(bedroom_quote)) for year in (2026, 2026, 2027, 2026)]
    assert [q.number for q in issued] == [
        "Q-2026-000001",
        "Q-2026-000002",
        "Q-2027-000001",
        "Q-2026-000003",
    ]
    assert [store.get(q.number) for q in issued] == issued


def test_a_failed_issue_keeps_nothing_and_uses_no_number(
    store: QuoteStore, bedroom_quote: Quote
) -> None:
    store.issue(2026, numbered(bedroom_quote))
    with pytest.raises(Refused):
        store.issue(2026, refuse)
    with pytest.raises(ValueError, match="Q-2026-000002"):
        store.issue(2026, lambda _: bedroom_quote)  # made under another number
    assert store.issue(2026, numbered(bedroom_quote)).number == "Q-2026-000002"
    with pytest.raises(NotFound):
        store.get("Q-2026-000003")


def test_an_unknown_number_is_not_found(store: QuoteStore) -> None:
    with pytest.raises(NotFound) as missing:
        store.get("Q-2026-999999")
    assert (missing.value.kind, missing.value.key) == ("quote", "Q-2026-999999")


def test_a_quote_reads_back_exactly_as_issued(engine: Engine, bedroom_quote: Quote) -> None:
    # given a quote issued in China time, kept, and the store reopened
    china = timezone(timedelta(hours=8))
    at = bedroom_quote.issued_at.astimezone(china)
    quote = replace(bedroom_quote, issued_at=at, valid_until=at + timedelta(days=30))
    issued = SqlQuoteStore(engine).issue(2026, numbered(quote))
    engine.dispose()
    # when it is read back
    again = SqlQuoteStore(engine).get(issued.number)
    # then it is the same frozen snapshot, down to the offset of its times
    assert again == issued
    assert quote_to_json(again) == quote_to_json(issued)
    assert again.issued_at.utcoffset() == timedelta(hours=8)
    assert again.price.applied and again.drawings["plan"].startswith("<svg")
    # and the columns are copies of it, times in UTC, money exact
    with Session(engine) as session:
        row = session.exec(select(QuoteRow)).one()
    assert (row.number, row.year, row.sequence) == (issued.number, 2026, 1)
    assert row.issued_at == issued.issued_at and row.issued_at.utcoffset() == timedelta(0)
    assert row.total == issued.price.total and isinstance(row.total, Decimal)
    assert row.price_list_version == issued.price.price_list_version
    assert row.catalog_version == issued.price.catalog_version


def test_a_number_is_never_given_twice(engine: Engine, db_url: str, bedroom_quote: Quote) -> None:
    # given three quotes issued, and the database closed
    store = SqlQuoteStore(engine)
    kept = [store.issue(2026, numbered(bedroom_quote)).number for _ in range(3)]
    engine.dispose()
    # then, opened again, numbering goes on from the last number, after a failure too
    with migrated(db_url) as reopened:
        again = SqlQuoteStore(reopened)
        with pytest.raises(Refused):
            again.issue(2026, refuse)
        assert again.issue(2026, numbered(bedroom_quote)).number == "Q-2026-000004"
    # and a number kept is refused even to a row written behind the store's back
    twin = quote_row(replace(bedroom_quote, number=kept[0]), year=2026, sequence=99)
    with pytest.raises(IntegrityError), Session(engine) as session, session.begin():
        session.add(twin)


def issue_together(db_url: str, makes: list[Callable[[str], Quote]]) -> list[Quote | BaseException]:
    """Issue one quote per ``make`` in 2026, each from its own thread and its own engine
    (its own connection), all let go at the same moment."""
    engines = [make_engine(db_url) for _ in makes]
    for engine in engines:  # connected beforehand, so the race is on the numbers
        with engine.connect():
            pass
    start = threading.Barrier(len(makes))

    def issue(engine: Engine, make: Callable[[str], Quote]) -> Quote | BaseException:
        store = SqlQuoteStore(engine)
        start.wait()
        try:
            return store.issue(2026, make)
        except Exception as exc:  # the outcome under test
            return exc

    try:
        with ThreadPoolExecutor(len(makes)) as pool:
            return list(pool.map(issue, engines, makes))
    finally:
        for engine in engines:
            engine.dispose()


def kept_numbers(engine: Engine) -> tuple[list[str], int | None]:
    """The numbers in the quotes table, in order, and 2026's counter."""
    with Session(engine) as session:
        numbers = session.exec(select(QuoteRow.number).order_by(QuoteRow.number)).all()
        last = session.exec(
            select(func.max(QuoteCounterRow.last)).where(QuoteCounterRow.year == 2026)
        ).one()
    return list(numbers), last


def test_quotes_issued_at_the_same_moment_get_consecutive_numbers(
    engine: Engine, db_url: str, bedroom_quote: Quote
) -> None:
    outcomes = issue_together(db_url, [numbered(bedroom_quote)] * RACERS)
    expected = [quote_number(2026, n) for n in range(1, RACERS + 1)]
    assert sorted(q.number for q in outcomes if isinstance(q, Quote)) == expected
    assert kept_numbers(engine) == (expected, RACERS)


def test_failed_issues_in_a_race_leave_no_gap(
    engine: Engine, db_url: str, bedroom_quote: Quote
) -> None:
    # given 20 issues at once, every fourth of which fails after taking its number
    makes = [refuse if n % 4 == 0 else numbered(bedroom_quote) for n in range(RACERS)]
    outcomes = issue_together(db_url, makes)
    # then the failures kept nothing, and the others got 1 to 15 without a gap
    assert sum(isinstance(o, Refused) for o in outcomes) == RACERS // 4
    expected = [quote_number(2026, n) for n in range(1, RACERS - RACERS // 4 + 1)]
    assert sorted(o.number for o in outcomes if isinstance(o, Quote)) == expected
    assert kept_numbers(engine) == (expected, len(expected))

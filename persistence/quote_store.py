"""Issued quotes in the database: the ``QuoteStore`` the CLI and the web app hand the use
cases.

A quote's number comes from its year's row in ``quote_counters``, taken in the transaction
that inserts the quote. ``UPDATE … SET last = last + 1 … RETURNING last`` locks that row
until the commit, so on PostgreSQL concurrent issues of one year queue on it and each reads
the number the one before committed; on SQLite the transaction begins with ``BEGIN
IMMEDIATE``, so issues run one at a time. If anything fails before the commit, the increment
rolls back with the quote: no number is skipped, and none is given twice (``number`` and
``(year, sequence)`` are unique as well).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from persistence.db import for_writing
from persistence.mappers import quote_of, quote_row
from persistence.tables import QuoteCounterRow, QuoteRow
from pricing.quote import Quote, quote_number
from services.errors import NotFound
from services.ports import QuoteSource

__all__ = ["SqlQuoteStore"]


class SqlQuoteStore:
    """Quotes kept in the database behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)

    def issue(
        self, year: int, make: Callable[[str], Quote], source: QuoteSource | None = None
    ) -> Quote:
        """Take the next number of ``year``, make the quote, keep it: one transaction."""
        with Session(self._writer) as session, session.begin():
            sequence = _take_number(session, year)
            number = quote_number(year, sequence)
            quote = make(number)
            if quote.number != number:
                raise ValueError(f"asked to make quote {number}, got {quote.number}")
            row = quote_row(quote, year=year, sequence=sequence)
            if source is not None:
                row.design_id, row.design_revision = source.design_id, source.revision
            session.add(row)
        return quote

    def get(self, number: str) -> Quote:
        """An issued quote exactly as it was issued (``NotFound`` if there is none)."""
        with Session(self._engine) as session:
            row = session.exec(select(QuoteRow).where(QuoteRow.number == number)).first()
            if row is None:
                raise NotFound("quote", number)
            return quote_of(row)

    def source(self, number: str) -> QuoteSource | None:
        """The design revision a quote was issued from (``None``: from a file)."""
        with Session(self._engine) as session:
            found = session.exec(
                select(QuoteRow.design_id, QuoteRow.design_revision).where(
                    QuoteRow.number == number
                )
            ).first()
            if found is None:
                raise NotFound("quote", number)
            design_id, revision = found
            if design_id is None or revision is None:
                return None
            return QuoteSource(design_id, revision)

    def of_design(self, design_id: str, after: str | None, limit: int) -> list[str]:
        """The numbers of the quotes issued from a design, oldest first (numbers grow with
        the year and the sequence, so their order is the order of issue)."""
        query = select(QuoteRow.number).where(QuoteRow.design_id == design_id)
        if after is not None:
            query = query.where(col(QuoteRow.number) > after)
        with Session(self._engine) as session:
            return list(session.exec(query.order_by(col(QuoteRow.number)).limit(limit)))


def _take_number(session: Session, year: int) -> int:
    """The next sequence number of ``year``, its counter row locked until the commit."""
    session.exec(_counter_row(session.get_bind().dialect.name, year))
    taken = session.exec(
        update(QuoteCounterRow)
        .where(col(QuoteCounterRow.year) == year)
        .values(last=col(QuoteCounterRow.last) + 1)
        .returning(col(QuoteCounterRow.last))
    )
    return int(taken.scalar_one())


def _counter_row(dialect: str, year: int) -> postgresql.Insert | sqlite.Insert:
    """Insert ``year``'s counter at 0 unless it exists (then, on PostgreSQL, after waiting
    for a concurrent insert of it to commit)."""
    if dialect == "postgresql":
        return postgresql.insert(QuoteCounterRow).values(year=year, last=0).on_conflict_do_nothing()
    return sqlite.insert(QuoteCounterRow).values(year=year, last=0).on_conflict_do_nothing()

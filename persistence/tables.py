"""The SQLModel tables, and nothing else: rows are turned into domain objects and back in
``persistence/mappers.py``. Portable types only (JSON, ``Numeric`` money, aware UTC times), so
SQLite and PostgreSQL behave the same; every change goes through an Alembic migration
(``persistence/migrations``), and a test fails when the two disagree."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from persistence.columns import UtcDateTime

__all__ = ["QuoteCounterRow", "QuoteRow", "metadata"]

metadata = SQLModel.metadata
# constraint names that are the same on every database, so migrations can name them
metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class QuoteCounterRow(SQLModel, table=True):
    """The last sequence number issued in a year; quote numbers are taken from it one by one,
    in the transaction that keeps the quote (``SqlQuoteStore.issue``)."""

    __tablename__ = "quote_counters"
    __table_args__ = (CheckConstraint("last >= 0", name="last_not_negative"),)

    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last: int = 0


class QuoteRow(SQLModel, table=True):
    """An issued quote: its frozen snapshot (``pricing_json.quote_to_json``) and, as columns,
    what lists and searches need. Never updated."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("year", "sequence"),
        CheckConstraint("sequence > 0", name="sequence_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=32, unique=True)
    year: int = Field(foreign_key="quote_counters.year")
    sequence: int
    issued_at: datetime = Field(sa_type=UtcDateTime, index=True)
    valid_until: datetime = Field(sa_type=UtcDateTime)
    design_name: str
    catalog_version: str
    price_list_version: str
    currency: str = Field(max_length=3)
    total: Decimal = Field(sa_type=Numeric(12, 2))
    snapshot: dict[str, Any] = Field(sa_type=JSON)

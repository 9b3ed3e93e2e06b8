"""Column types the tables share, portable between SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator

__all__ = ["UtcDateTime"]


class UtcDateTime(TypeDecorator[datetime]):
    """An aware moment, stored in UTC and read back aware, in UTC.

    PostgreSQL keeps ``timestamptz``; SQLite keeps text without an offset, so the offset is
    dropped on the way in (after converting to UTC) and put back on the way out. A naive
    datetime is refused: its moment is unknown.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()}: give it a timezone")
        moment = value.astimezone(UTC)
        return moment if dialect.name == "postgresql" else moment.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime), value
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

"""Moments are stored in UTC and read back aware; a naive one is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from persistence.columns import UtcDateTime

CHINA = timezone(timedelta(hours=8))


def test_moments_go_in_as_utc() -> None:
    moment = datetime(2026, 11, 24, 8, tzinfo=CHINA)
    column = UtcDateTime()
    assert column.process_bind_param(moment, postgresql.dialect()) == datetime(
        2026, 11, 24, 0, tzinfo=UTC
    )
    as_sqlite_keeps_it = datetime(2026, 11, 24, 0)  # noqa: DTZ001 - no offset
    assert column.process_bind_param(moment, sqlite.dialect()) == as_sqlite_keeps_it


def test_moments_come_out_aware_in_utc() -> None:
    column = UtcDateTime()
    naive_utc = datetime(2026, 11, 24, 0)  # noqa: DTZ001 - as SQLite gives it back
    assert column.process_result_value(naive_utc, sqlite.dialect()) == datetime(
        2026, 11, 24, tzinfo=UTC
    )
    china = datetime(2026, 11, 24, 8, tzinfo=CHINA)
    out = column.process_result_value(china, postgresql.dialect())
    assert out == china and out is not None and out.tzinfo is UTC


def test_no_moment_is_none_both_ways() -> None:
    column = UtcDateTime()
    assert column.process_bind_param(None, sqlite.dialect()) is None
    assert column.process_result_value(None, sqlite.dialect()) is None


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive datetime 2026-11-24T08:00:00"):
        naive = datetime(2026, 11, 24, 8)  # noqa: DTZ001 - the mistake under test
        UtcDateTime().process_bind_param(naive, sqlite.dialect())

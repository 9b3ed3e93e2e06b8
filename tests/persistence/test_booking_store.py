"""The database itself refuses two overlapping booked appointments of one designer, on SQLite
(triggers) and PostgreSQL (an exclusion constraint): a write that skipped the service's lock
and check still cannot double-book. A hypothesis sequence of raw writes never leaves two
overlapping."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from persistence.account_store import SqlAccounts
from persistence.booking_store import SqlBookings
from persistence.store_directory import SqlStores
from persistence.tables import AppointmentRow
from services.demo import DEMO_CALENDARS, DEMO_STORES
from services.identity import Role
from services.ports import NewAccount

T0 = datetime(2026, 12, 2, 2, tzinfo=UTC)


@pytest.fixture
def seeded(engine: Engine) -> int:
    """The demo stores with their designers; the id of an account that books."""
    for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True):
        SqlStores(engine).put(store)
        SqlBookings(engine).put_calendar(calendar)
    account = SqlAccounts(engine).add(NewAccount(login="c", role=Role.CONSUMER, at=T0))
    return account.id


def row(
    n: int, booked_by: int, start: datetime, minutes: int, state: str = "booked"
) -> AppointmentRow:
    return AppointmentRow(
        id=f"a{n}",
        store_id="sh-xuhui",
        designer_id="d-wang",
        kind="store_visit",
        state=state,
        start_at=start,
        end_at=start + timedelta(minutes=minutes),
        blocked_start=start,
        blocked_end=start + timedelta(minutes=minutes),
        latitude=31.0,
        longitude=121.0,
        customer_name="x",
        customer_phone="+8613800138000",
        booked_by=booked_by,
        token_hash=f"{n:064d}",
        created_at=T0,
        updated_at=T0,
    )


def insert(engine: Engine, kept: AppointmentRow) -> bool:
    """Whether the database kept the row."""
    try:
        with Session(engine) as session, session.begin():
            session.add(kept)
    except IntegrityError:
        return False
    return True


def test_an_overlapping_booking_of_one_designer_is_refused(engine: Engine, seeded: int) -> None:
    assert insert(engine, row(1, seeded, T0, 60))
    assert not insert(engine, row(2, seeded, T0 + timedelta(minutes=30), 60))
    assert insert(engine, row(3, seeded, T0 + timedelta(minutes=60), 60))  # touching: fine
    assert insert(engine, row(4, seeded, T0, 60, state="cancelled"))  # cancelled: fine
    with Session(engine) as session, session.begin():  # un-cancelling it overlaps: refused
        cancelled = session.get(AppointmentRow, "a4")
        assert cancelled is not None
        cancelled.state = "booked"
        session.add(cancelled)
        with pytest.raises(IntegrityError):
            session.flush()
        session.rollback()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(1, 8), st.booleans()), min_size=1, max_size=12
    )
)
def test_random_writes_never_leave_two_overlapping(
    engine: Engine, seeded: int, writes: list[tuple[int, int, bool]]
) -> None:
    with Session(engine) as session, session.begin():
        session.exec(delete(AppointmentRow))  # type: ignore[call-overload]
    for n, (slot, length, cancelled) in enumerate(writes):
        start = T0 + timedelta(minutes=15 * slot)
        insert(engine, row(n, seeded, start, 15 * length, "cancelled" if cancelled else "booked"))
    with Session(engine) as session:
        kept = list(
            session.exec(
                select(AppointmentRow)
                .where(AppointmentRow.state == "booked")
                .order_by(col(AppointmentRow.blocked_start))
            )
        )
    for a, b in itertools.pairwise(kept):
        assert a.blocked_end <= b.blocked_start

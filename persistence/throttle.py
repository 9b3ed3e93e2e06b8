"""Counted acts in the database: the services' ``Throttle``. Every app process counts in the
same table, so a limit holds across ``--workers`` and machines; ``services.throttle.admit``
records an act before counting, so concurrent acts cannot slip past a limit together."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, delete, func
from sqlmodel import Session, col, select

from persistence.db import for_writing
from persistence.tables import ThrottleEventRow

__all__ = ["SqlThrottle"]


class SqlThrottle:
    """Throttle events behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)

    def count(self, kind: str, key: str, since: datetime) -> int:
        with Session(self._engine) as session:
            return session.exec(
                select(func.count()).where(
                    ThrottleEventRow.kind == kind,
                    ThrottleEventRow.key == key[:64],
                    col(ThrottleEventRow.at) >= since,
                )
            ).one()

    def forget_before(self, before: datetime) -> int:
        with Session(self._writer) as session, session.begin():
            old = col(ThrottleEventRow.at) < before
            return int(session.exec(delete(ThrottleEventRow).where(old)).rowcount)

    def record(self, kind: str, key: str, at: datetime, *, forget_before: datetime) -> None:
        with Session(self._writer) as session, session.begin():
            session.exec(
                delete(ThrottleEventRow).where(
                    col(ThrottleEventRow.kind) == kind,
                    col(ThrottleEventRow.key) == key[:64],
                    col(ThrottleEventRow.at) < forget_before,
                )
            )
            session.add(ThrottleEventRow(kind=kind, key=key[:64], at=at))

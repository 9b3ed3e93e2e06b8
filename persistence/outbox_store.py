"""Notifications waiting in the database: the services' ``Outbox``.

A sender claims rows before sending them: in one transaction it picks due rows (pending, or
claimed by a sender whose lease ran out) and marks them ``sending`` until its lease ends. On
PostgreSQL the pick skips rows another claim has locked (``FOR UPDATE SKIP LOCKED``); on
SQLite claims run one at a time (``BEGIN IMMEDIATE``). So two senders never claim one row
while its lease runs.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, or_, update
from sqlmodel import Session, col, select

from persistence.db import for_writing
from persistence.tables import OutboxRow
from services.booking_records import OutboxItem

__all__ = ["SqlOutbox"]


class SqlOutbox:
    """The outbox behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._writer = for_writing(engine)

    def claim(self, now: datetime, lease_until: datetime, limit: int) -> list[OutboxItem]:
        due = or_(
            (col(OutboxRow.state) == "pending") & (col(OutboxRow.due_at) <= now),
            (col(OutboxRow.state) == "sending") & (col(OutboxRow.claimed_until) < now),
        )
        with Session(self._writer) as session, session.begin():
            rows = list(
                session.exec(
                    select(OutboxRow)
                    .where(due)
                    .order_by(col(OutboxRow.due_at), col(OutboxRow.id))
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            )
            for row in rows:
                row.state, row.claimed_until = "sending", lease_until
                row.attempts += 1
                session.add(row)
            return [
                OutboxItem(
                    id=r.id or 0,
                    kind=r.kind,
                    appointment_id=r.appointment_id,
                    message=r.message,
                    attempts=r.attempts,
                    lead_id=r.lead_id,
                )
                for r in rows
            ]

    def sent(self, item_id: int, at: datetime) -> None:
        with Session(self._writer) as session, session.begin():
            session.exec(
                update(OutboxRow)
                .where(col(OutboxRow.id) == item_id, col(OutboxRow.state) == "sending")
                .values(state="sent", sent_at=at, claimed_until=None)
            )

    def failed(self, item_id: int, error: str, retry_at: datetime) -> None:
        with Session(self._writer) as session, session.begin():
            session.exec(
                update(OutboxRow)
                .where(col(OutboxRow.id) == item_id, col(OutboxRow.state) == "sending")
                .values(
                    state="pending", due_at=retry_at, claimed_until=None, last_error=error[:500]
                )
            )

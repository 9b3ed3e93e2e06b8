"""Stores' calendars and appointments in the database: the services' ``Bookings``.

A booking or a change is one transaction that first takes the store's lock: on PostgreSQL
``SELECT … FROM stores WHERE id = … FOR UPDATE`` (a lock on a row that always exists, unlike
the bookings of an empty slot: RELIABILITY.md 1.6), on SQLite the write lock of ``BEGIN
IMMEDIATE``. The decision then reads the bookings under the lock, so the loser of a race
decides after the winner is kept and is refused ``slot_taken``. Behind that the database
itself refuses two overlapping booked appointments of one designer (an exclusion constraint
on PostgreSQL, triggers on SQLite: migration 0004); should that ever fire, the loser gets
the same refusal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Engine, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from kernel.problems import Problem
from persistence.booking_rows import appointment_record, calendar_in
from persistence.db import for_writing
from persistence.lead_store import take_lead
from persistence.sales_json import calendar_to_json, designer_to_json
from persistence.tables import AppointmentRow, DesignerRow, IdempotencyRow, OutboxRow, StoreRow
from sales.appointments import Appointment
from sales.hours import Interval
from sales.problems import SalesProblem
from services.booking_records import (
    AppointmentRecord,
    Calendar,
    Change,
    Decide,
    KeyUse,
    Notification,
    Outcome,
    Replay,
)
from services.errors import AlreadyExists, NotFound

__all__ = ["SqlBookings"]


class SqlBookings:
    """Calendars and appointments behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)
        # SQLite: this process's booking writers queue here rather than in SQLite's busy
        # handler, whose growing sleeps starve an unlucky writer past its busy timeout (503)
        # under 50 concurrent bookings (BENCHMARKS.md); PostgreSQL queues on the row lock.
        self._queue: AbstractContextManager[object] = (
            threading.Lock() if engine.dialect.name == "sqlite" else nullcontext()
        )

    def put_calendar(self, calendar: Calendar) -> None:
        store = calendar.store
        with Session(self._writer) as session, session.begin():
            row = session.get(StoreRow, store.id)
            if row is None:
                raise NotFound("store", store.id)
            row.calendar = calendar_to_json(store)
            row.timezone = store.zone
            session.add(row)
            for designer in calendar.designers:
                session.merge(
                    DesignerRow(
                        id=designer.id,
                        store_id=designer.store,
                        name=designer.name,
                        details=designer_to_json(designer),
                    )
                )

    def calendar(self, store_id: str) -> Calendar:
        with Session(self._engine) as session:
            return calendar_in(session, store_id)

    def edit_calendar(self, store_id: str, edit: Callable[[Calendar], Calendar]) -> Calendar:
        with self._queue, Session(self._writer) as session, session.begin():
            _lock_store(session, store_id)  # no booking decides on the hours being changed
            edited = edit(calendar_in(session, store_id))
            row = session.get(StoreRow, store_id)
            assert row is not None  # locked above
            row.calendar = calendar_to_json(edited.store)
            session.add(row)
            rows = {
                r.id: r
                for r in session.exec(
                    select(DesignerRow).where(
                        col(DesignerRow.id).in_([d.id for d in edited.designers])
                        | (DesignerRow.store_id == store_id)
                    )
                )
            }
            for designer in edited.designers:
                found = rows.pop(designer.id, None)
                if found is not None and found.store_id != store_id:
                    raise AlreadyExists("designer", designer.id)
                found = found or DesignerRow(id=designer.id, store_id=store_id, details={})
                found.name, found.details = designer.name, designer_to_json(designer)
                found.active = True
                session.add(found)
            for gone in rows.values():  # the store's designers left out: kept, inactive
                gone.active = False
                session.add(gone)
            return edited

    def booked(self, store_id: str, around: Interval) -> tuple[Appointment, ...]:
        with Session(self._engine) as session:
            return _booked(session, store_id, around)

    def book(
        self, store_id: str, around: Interval, key: KeyUse | None, decide: Decide
    ) -> Outcome | Replay:
        try:
            return self._book(store_id, around, key, decide)
        except IntegrityError as exc:
            if _overlap(exc):
                return Outcome(record=None, answer={"problem": _taken(around).as_dict()})
            # the same key used at once for another store: the other request's answer is
            # kept now, so a second try finds it
            return self._book(store_id, around, key, decide)

    def _book(
        self, store_id: str, around: Interval, key: KeyUse | None, decide: Decide
    ) -> Outcome | Replay:
        with self._queue, Session(self._writer) as session, session.begin():
            _lock_store(session, store_id)
            if key is not None:
                kept = session.get(IdempotencyRow, (key.caller, key.key))
                if kept is not None:
                    return Replay(
                        body_hash=kept.body_hash,
                        refused=kept.outcome == "refused",
                        answer=kept.answer,
                    )
            outcome = decide(calendar_in(session, store_id), _booked(session, store_id, around))
            if outcome.record is not None:
                session.add(_row(outcome.record, outcome.token_hash))
                session.flush()  # the appointment before the outbox rows that point at it
                session.add_all(_outbox_rows(outcome.record.id, outcome.notifications))
                if outcome.lead is not None:  # its lead, in the same transaction
                    plan = take_lead(session, *outcome.lead)
                    outcome = replace(outcome, answer={**outcome.answer, "lead_id": plan.lead.id})
            if key is not None:
                session.add(
                    IdempotencyRow(
                        caller=key.caller,
                        key=key.key,
                        body_hash=key.body_hash,
                        outcome="refused" if outcome.refused else "booked",
                        answer=outcome.answer,
                        created_at=key.at,
                    )
                )
            return outcome

    def by_token(self, token_hash: str) -> AppointmentRecord:
        with Session(self._engine) as session:
            return appointment_record(_by_token(session, token_hash))

    def change(
        self,
        token_hash: str,
        around: Callable[[AppointmentRecord], Interval],
        decide: Change,
    ) -> AppointmentRecord | None:
        store_id = self.by_token(token_hash).store_id
        with self._queue, Session(self._writer) as session, session.begin():
            _lock_store(session, store_id)
            row = _by_token(session, token_hash)  # as it is now, under the lock
            record = appointment_record(row)
            booked = _booked(session, store_id, around(record))
            decided = decide(record, calendar_in(session, store_id), booked)
            if decided is None:
                return None
            changed, notifications = decided
            if changed == record:
                return record
            _copy_into(row, changed)
            session.add(row)
            session.exec(
                update(OutboxRow)
                .where(
                    col(OutboxRow.appointment_id) == record.id,
                    col(OutboxRow.state) == "pending",
                )
                .values(state="dropped")
            )
            session.add_all(_outbox_rows(record.id, notifications))
            try:
                session.flush()
            except IntegrityError as exc:
                if _overlap(exc):
                    return None
                raise
            return changed

    def forget_keys_before(self, before: datetime) -> int:
        with Session(self._writer) as session, session.begin():
            old = col(IdempotencyRow.created_at) < before
            return int(session.exec(delete(IdempotencyRow).where(old)).rowcount)


def _lock_store(session: Session, store_id: str) -> None:
    """Hold the store's lock until the commit (SQLite: the write lock is held already)."""
    found = session.exec(
        select(StoreRow.id).where(StoreRow.id == store_id).with_for_update()
    ).first()
    if found is None:
        raise NotFound("store", store_id)


def _booked(session: Session, store_id: str, around: Interval) -> tuple[Appointment, ...]:
    rows = session.exec(
        select(AppointmentRow)
        .where(
            AppointmentRow.store_id == store_id,
            AppointmentRow.state == "booked",
            col(AppointmentRow.start_at) >= around.start,
            col(AppointmentRow.start_at) < around.end,
        )
        .order_by(col(AppointmentRow.start_at))
    )
    return tuple(appointment_record(r).appointment() for r in rows)


def _by_token(session: Session, token_hash: str) -> AppointmentRow:
    row = session.exec(
        select(AppointmentRow).where(AppointmentRow.token_hash == token_hash)
    ).first()
    if row is None:
        raise NotFound("booking", "(this link)")
    return row


def _row(record: AppointmentRecord, token_hash: str) -> AppointmentRow:
    row = AppointmentRow(
        id=record.id,
        store_id=record.store_id,
        booked_by=record.booked_by,
        token_hash=token_hash,
        created_at=record.created_at,
        kind="",
        state="",
        designer_id="",
        start_at=record.start,
        end_at=record.end,
        blocked_start=record.blocked.start,
        blocked_end=record.blocked.end,
        latitude=0.0,
        longitude=0.0,
        customer_name=record.customer_name,
        customer_phone=record.customer_phone,
        updated_at=record.updated_at,
    )
    _copy_into(row, record)
    return row


def _copy_into(row: AppointmentRow, record: AppointmentRecord) -> None:
    """What a change may change, from ``record`` into ``row``."""
    row.designer_id = record.designer_id
    row.kind = str(record.kind)
    row.state = record.state
    row.start_at, row.end_at = record.start, record.end
    row.blocked_start, row.blocked_end = record.blocked.start, record.blocked.end
    row.latitude, row.longitude = record.place.lat, record.place.lon
    row.customer_name, row.customer_phone = record.customer_name, record.customer_phone
    row.customer_email, row.address = record.customer_email, record.address
    row.design_id, row.design_revision = record.design_id, record.design_revision
    row.sequence, row.updated_at = record.sequence, record.updated_at


def _outbox_rows(appointment_id: str, notifications: Iterable[Notification]) -> list[OutboxRow]:
    return [
        OutboxRow(kind=n.kind, appointment_id=appointment_id, due_at=n.due_at, message=n.message)
        for n in notifications
    ]


def _overlap(exc: IntegrityError) -> bool:
    """Whether the database refused two overlapping bookings of one designer (PostgreSQL's
    exclusion constraint, SQLite's trigger)."""
    text = str(exc.orig)
    return "ex_appointments_designer_blocked" in text or "slot_taken" in text


def _taken(around: Interval) -> Problem:
    start = around.start + (around.end - around.start) / 2  # the request's start
    return Problem.of(SalesProblem.SLOT_TAKEN, "start", start=start.isoformat())

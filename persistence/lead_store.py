"""Leads and their routing decisions in the database: the services' ``Leads``.

A contact is decided under two locks, taken in this order (a booking holds its store's
already, so no two transactions wait on each other in a circle):

- routing a lead that did not book takes every store's row (``FOR UPDATE``, by id): the
  daily caps it counts cannot move under it;
- then the phone's row in ``lead_phones`` (inserted if missing, ``ON CONFLICT DO NOTHING``,
  then ``FOR UPDATE``): a second contact from the number waits, then reads the first's lead
  and joins it. On SQLite the write lock of ``BEGIN IMMEDIATE`` serialises all of it.

Acceptance and the SLA's reassignment are conditional updates of the lead's row (``WHERE
state = 'assigned' AND designer_id = …``): whichever commits first wins, the other changes
no row and says so.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, func, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from persistence.booking_rows import appointment_record, calendar_in
from persistence.cursors import make_cursor, read_cursor
from persistence.db import for_writing
from persistence.tables import (
    AppointmentRow,
    DesignerRow,
    DesignRow,
    LeadDecisionRow,
    LeadPhoneRow,
    LeadRow,
    OutboxRow,
    StoreRow,
)
from sales.geo import GeoPoint
from sales.hours import Interval
from sales.leads import LeadSource, LeadState
from sales.routing import Workload
from sales.stores import Skill
from services.booking_records import AppointmentRecord, Notification
from services.errors import NotFound
from services.lead_records import (
    Contact,
    DecideLead,
    Decision,
    LeadFacts,
    LeadPlan,
    LeadRecord,
    LeadScope,
    LeadTally,
    SlaChange,
)
from services.leads import WORKLOAD_PERIOD

__all__ = ["SqlLeads", "take_lead"]

ROUTED_LOOK_BACK = timedelta(days=2)  # a store's local date is within a day of UTC's
LEAD_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
OPEN_STATES = (str(LeadState.ASSIGNED), str(LeadState.ACCEPTED))


class SqlLeads:
    """Leads behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)
        # SQLite: queue here, not in SQLite's busy handler (as SqlBookings does)
        self._queue: AbstractContextManager[object] = (
            threading.Lock() if engine.dialect.name == "sqlite" else nullcontext()
        )

    def take(self, contact: Contact, decide: DecideLead) -> LeadPlan:
        with self._queue, Session(self._writer) as session, session.begin():
            return take_lead(session, contact, decide)

    def get(self, lead_id: str) -> LeadRecord:
        with Session(self._engine) as session:
            row = session.get(LeadRow, lead_id)
            if row is None:
                raise NotFound("lead", lead_id)
            return _with_decisions(session, [row])[0]

    def page(
        self, scope: LeadScope, cursor: str | None, limit: int
    ) -> tuple[list[LeadRecord], str | None]:
        query = select(LeadRow)
        if scope.store_id is not None:
            query = query.where(LeadRow.store_id == scope.store_id)
        elif scope.designer_id is not None:
            lapsed = select(LeadDecisionRow.lead_id).where(
                LeadDecisionRow.step == "sla", LeadDecisionRow.designer_id == scope.designer_id
            )
            query = query.where(
                or_(col(LeadRow.designer_id) == scope.designer_id, col(LeadRow.id).in_(lapsed))
            )
        elif not scope.every_store:
            return [], None
        if cursor is not None:
            at, lead_id = read_cursor(cursor, LEAD_ID)
            query = query.where(
                or_(
                    col(LeadRow.created_at) < at,
                    and_(col(LeadRow.created_at) == at, col(LeadRow.id) < lead_id),
                )
            )
        query = query.order_by(col(LeadRow.created_at).desc(), col(LeadRow.id).desc())
        with Session(self._engine) as session:
            rows = list(session.exec(query.limit(limit + 1)))
            records = _with_decisions(session, rows[:limit])
        following = (
            make_cursor(rows[limit - 1].created_at, rows[limit - 1].id)
            if len(rows) > limit
            else None
        )
        return records, following

    def accept(self, lead_id: str, designer_id: str, at: datetime, actor_id: int) -> bool:
        with Session(self._writer) as session, session.begin():
            done = session.exec(
                update(LeadRow)
                .where(
                    col(LeadRow.id) == lead_id,
                    col(LeadRow.state) == str(LeadState.ASSIGNED),
                    col(LeadRow.designer_id) == designer_id,
                )
                .values(state=str(LeadState.ACCEPTED), accepted_at=at, sla_due=None)
            )
            if done.rowcount != 1:
                return False
            row = session.get(LeadRow, lead_id)
            assert row is not None
            accepted = Decision(
                at=at,
                step="accepted",
                code="accepted",
                store_id=row.store_id,
                designer_id=designer_id,
                actor_id=actor_id,
            )
            session.add(_decision_row(lead_id, accepted))
            return True

    def hand_over(self, lead_id: str, decision: Decision, sla_due: datetime) -> bool:
        assert decision.store_id is not None and decision.designer_id is not None
        with self._queue, Session(self._writer) as session, session.begin():
            done = session.exec(
                update(LeadRow)
                .where(
                    col(LeadRow.id) == lead_id,
                    col(LeadRow.state) == str(LeadState.POOLED),
                    col(LeadRow.store_id) == decision.store_id,
                )
                .values(
                    state=str(LeadState.ASSIGNED),
                    designer_id=decision.designer_id,
                    assigned_at=decision.at,
                    sla_due=sla_due,
                )
            )
            if done.rowcount != 1:
                return False
            session.add(_decision_row(lead_id, decision))
            return True

    def lead_of(self, appointment: AppointmentRecord) -> str | None:
        with Session(self._engine) as session:
            made = session.exec(
                select(LeadRow.id).where(LeadRow.appointment_id == appointment.id)
            ).first()
            if made is not None:
                return made
            # a later booking of the same phone joined the lead and points it at itself
            return session.exec(
                select(LeadRow.id)
                .where(
                    LeadRow.phone == appointment.customer_phone,
                    col(LeadRow.created_at) <= appointment.created_at,
                )
                .order_by(col(LeadRow.created_at).desc())
            ).first()

    def lapsed(self, now: datetime, limit: int) -> list[LeadRecord]:
        with Session(self._engine) as session:
            rows = session.exec(
                select(LeadRow)
                .where(LeadRow.state == str(LeadState.ASSIGNED), col(LeadRow.sla_due) <= now)
                .order_by(col(LeadRow.sla_due), col(LeadRow.id))
                .limit(limit)
            )
            return [_record(r) for r in rows]

    def apply_sla(self, change: SlaChange) -> bool:
        with self._queue, Session(self._writer) as session, session.begin():
            done = session.exec(
                update(LeadRow)
                .where(
                    col(LeadRow.id) == change.lead_id,
                    col(LeadRow.state) == str(LeadState.ASSIGNED),
                    col(LeadRow.designer_id) == change.expected_designer,
                    col(LeadRow.assigned_at) == change.expected_at,
                )
                .values(
                    state=str(change.state),
                    designer_id=change.designer_id,
                    assigned_at=change.assigned_at,
                    sla_due=change.sla_due,
                    lapsed=list(change.lapsed),
                )
            )
            if done.rowcount != 1:
                return False
            session.add_all(_decision_row(change.lead_id, d) for d in change.decisions)
            session.add_all(_outbox_rows(change.lead_id, change.notifications))
            return True

    def workload(self, since: datetime) -> dict[str, Workload]:
        with Session(self._engine) as session:
            return _workload(session, since)

    def tally(self) -> list[LeadTally]:
        with Session(self._engine) as session:
            rows = session.exec(
                select(LeadRow.source, LeadRow.store_id, LeadRow.state, func.count())
                .group_by(col(LeadRow.source), col(LeadRow.store_id), col(LeadRow.state))
                .order_by(col(LeadRow.source), col(LeadRow.store_id), col(LeadRow.state))
            )
            return [LeadTally(source, store, state, n) for source, store, state, n in rows]

    def designer_of(self, account_id: int) -> str | None:
        with Session(self._engine) as session:
            return session.exec(
                select(DesignerRow.id).where(DesignerRow.account_id == account_id)
            ).first()

    def link_designer(self, designer_id: str, account_id: int | None) -> None:
        with Session(self._writer) as session, session.begin():
            row = session.get(DesignerRow, designer_id)
            if row is None:
                raise NotFound("designer", designer_id)
            if account_id is not None:  # one account signs in as one designer
                session.exec(
                    update(DesignerRow)
                    .where(col(DesignerRow.account_id) == account_id)
                    .values(account_id=None)
                )
            row.account_id = account_id
            session.add(row)

    def agenda(
        self, store_id: str | None, designer_id: str | None, around: Interval
    ) -> list[tuple[AppointmentRecord, str | None]]:
        query = select(AppointmentRow).where(
            AppointmentRow.state == "booked",
            col(AppointmentRow.start_at) >= around.start,
            col(AppointmentRow.start_at) < around.end,
        )
        if store_id is not None:
            query = query.where(AppointmentRow.store_id == store_id)
        if designer_id is not None:
            query = query.where(AppointmentRow.designer_id == designer_id)
        with Session(self._engine) as session:
            rows = list(session.exec(query.order_by(col(AppointmentRow.start_at))))
            phones = {r.customer_phone for r in rows}
            leads = session.exec(
                select(LeadRow.phone, LeadRow.id)
                .where(col(LeadRow.phone).in_(phones))
                .order_by(col(LeadRow.created_at))
            )
            lead_of = dict(leads.all())  # the newest lead of each phone
        return [(appointment_record(r), lead_of.get(r.customer_phone)) for r in rows]


def take_lead(session: Session, contact: Contact, decide: DecideLead) -> LeadPlan:
    """Decide ``contact`` under the locks in ``session``'s transaction and keep the plan
    (a booking's transaction holds its store's lock already, and routes to that store)."""
    if contact.booked_store is None:
        list(session.exec(select(StoreRow.id).order_by(col(StoreRow.id)).with_for_update()))
    _lock_phone(session, contact.phone)
    plan = decide(_facts(session, contact))
    _keep(session, plan)
    return plan


def _lock_phone(session: Session, phone: str) -> None:
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    session.execute(insert(LeadPhoneRow).values(phone=phone).on_conflict_do_nothing())
    session.exec(select(LeadPhoneRow.phone).where(LeadPhoneRow.phone == phone).with_for_update())


def _facts(session: Session, contact: Contact) -> LeadFacts:
    same = session.exec(select(LeadRow).where(LeadRow.phone == contact.phone))
    stores = session.exec(
        select(StoreRow.id).where(col(StoreRow.calendar).is_not(None)).order_by(col(StoreRow.id))
    )
    routed = session.exec(
        select(LeadDecisionRow.store_id, LeadDecisionRow.at).where(
            LeadDecisionRow.step == "store",
            col(LeadDecisionRow.store_id).is_not(None),
            LeadDecisionRow.code != "booked_store",
            col(LeadDecisionRow.at) >= contact.at - ROUTED_LOOK_BACK,
        )
    )
    return LeadFacts(
        contact=contact,
        same_phone=tuple(_record(r) for r in same),
        calendars=tuple(calendar_in(session, s) for s in list(stores)),
        workload=_workload(session, contact.at - WORKLOAD_PERIOD),
        routed=tuple((s, at) for s, at in routed if s is not None),
    )


def _workload(session: Session, since: datetime) -> dict[str, Workload]:
    open_ = session.exec(
        select(LeadRow.designer_id, func.count())
        .where(col(LeadRow.state).in_(OPEN_STATES), col(LeadRow.designer_id).is_not(None))
        .group_by(col(LeadRow.designer_id))
    )
    given = session.exec(
        select(LeadDecisionRow.designer_id, func.count())
        .where(
            LeadDecisionRow.step == "designer",
            col(LeadDecisionRow.designer_id).is_not(None),
            col(LeadDecisionRow.at) >= since,
        )
        .group_by(col(LeadDecisionRow.designer_id))
    )
    counts: dict[str, list[int]] = {}
    for designer, n in open_:
        counts.setdefault(str(designer), [0, 0])[0] = n
    for designer, n in given:
        counts.setdefault(str(designer), [0, 0])[1] = n
    return {d: Workload(open=o, assigned=a) for d, (o, a) in counts.items()}


def _keep(session: Session, plan: LeadPlan) -> None:
    lead = plan.lead
    row = LeadRow(id=lead.id, source="", phone="", state="", created_at=lead.created_at)
    if not plan.new:
        found = session.get(LeadRow, lead.id)
        assert found is not None  # read under the phone's lock
        row = found
    _copy_into(row, lead)
    session.add(row)
    session.flush()  # the lead before the rows that point at it
    session.add_all(_decision_row(lead.id, d) for d in plan.decisions)
    session.add_all(_outbox_rows(lead.id, plan.notifications))
    if lead.design_id is not None and lead.store_id is not None:
        # the store's designers may now open the design the customer made
        session.exec(
            update(DesignRow)
            .where(col(DesignRow.id) == lead.design_id, col(DesignRow.store_id).is_(None))
            .values(store_id=lead.store_id)
        )


def _copy_into(row: LeadRow, lead: LeadRecord) -> None:
    row.source, row.phone, row.name = str(lead.source), lead.phone, lead.name
    row.state, row.store_id, row.designer_id = str(lead.state), lead.store_id, lead.designer_id
    row.design_id, row.appointment_id = lead.design_id, lead.appointment_id
    row.district, row.skill = lead.district, str(lead.skill) if lead.skill else None
    row.latitude = lead.location.lat if lead.location else None
    row.longitude = lead.location.lon if lead.location else None
    row.lapsed = list(lead.lapsed)
    row.assigned_at, row.accepted_at, row.sla_due = lead.assigned_at, lead.accepted_at, lead.sla_due


def _record(row: LeadRow, decisions: Sequence[Decision] = ()) -> LeadRecord:
    located = row.latitude is not None and row.longitude is not None
    return LeadRecord(
        id=row.id,
        source=LeadSource(row.source),
        phone=row.phone,
        name=row.name,
        state=LeadState(row.state),
        store_id=row.store_id,
        designer_id=row.designer_id,
        design_id=row.design_id,
        appointment_id=row.appointment_id,
        district=row.district,
        location=GeoPoint(row.latitude, row.longitude) if located else None,  # type: ignore[arg-type]
        skill=Skill(row.skill) if row.skill else None,
        lapsed=tuple(row.lapsed),
        created_at=row.created_at,
        assigned_at=row.assigned_at,
        accepted_at=row.accepted_at,
        sla_due=row.sla_due,
        decisions=tuple(decisions),
    )


def _with_decisions(session: Session, rows: list[LeadRow]) -> list[LeadRecord]:
    found: dict[str, list[Decision]] = {r.id: [] for r in rows}
    if found:
        decided = session.exec(
            select(LeadDecisionRow)
            .where(col(LeadDecisionRow.lead_id).in_(found))
            .order_by(col(LeadDecisionRow.id))
        )
        for d in decided:
            found[d.lead_id].append(
                Decision(
                    at=d.at,
                    step=d.step,
                    code=d.code,
                    params=d.params,
                    store_id=d.store_id,
                    designer_id=d.designer_id,
                    actor_id=d.actor_id,
                )
            )
    return [_record(r, found[r.id]) for r in rows]


def _decision_row(lead_id: str, decision: Decision) -> LeadDecisionRow:
    return LeadDecisionRow(
        lead_id=lead_id,
        at=decision.at,
        step=decision.step,
        code=decision.code,
        params=dict(decision.params),
        store_id=decision.store_id,
        designer_id=decision.designer_id,
        actor_id=decision.actor_id,
    )


def _outbox_rows(lead_id: str, notifications: Iterable[Notification]) -> list[OutboxRow]:
    return [
        OutboxRow(kind=n.kind, lead_id=lead_id, due_at=n.due_at, message=n.message)
        for n in notifications
    ]

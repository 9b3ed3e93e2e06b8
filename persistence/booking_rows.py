"""Rows of the booking tables read into what the services use: a store's calendar with its
designers, an appointment as kept (shared by the bookings and the leads)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from persistence.sales_json import designer_of, store_of
from persistence.tables import AppointmentRow, DesignerRow, StoreRow
from sales.appointments import AppointmentKind
from sales.geo import GeoPoint
from sales.hours import Interval
from services.booking_records import AppointmentRecord, Calendar
from services.errors import NotFound

__all__ = ["appointment_record", "calendar_in"]


def calendar_in(session: Session, store_id: str) -> Calendar:
    row = session.get(StoreRow, store_id)
    if row is None or row.calendar is None:
        raise NotFound("store", store_id)
    designers = session.exec(
        select(DesignerRow)
        .where(DesignerRow.store_id == store_id, col(DesignerRow.active))
        .order_by(col(DesignerRow.id))
    )
    return Calendar(
        store=store_of(row.id, row.name, row.city, row.timezone, row.calendar),
        designers=tuple(designer_of(d.id, d.store_id, d.name, d.details) for d in designers),
    )


def appointment_record(row: AppointmentRow) -> AppointmentRecord:
    return AppointmentRecord(
        id=row.id,
        store_id=row.store_id,
        designer_id=row.designer_id,
        kind=AppointmentKind(row.kind),
        state="cancelled" if row.state == "cancelled" else "booked",
        start=row.start_at,
        end=row.end_at,
        blocked=Interval(row.blocked_start, row.blocked_end),
        place=GeoPoint(row.latitude, row.longitude),
        customer_name=row.customer_name,
        customer_phone=row.customer_phone,
        customer_email=row.customer_email,
        address=row.address,
        design_id=row.design_id,
        design_revision=row.design_revision,
        booked_by=row.booked_by,
        sequence=row.sequence,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )

"""The notifications a booking change makes due, and its calendar invitation: written to the
outbox in the transaction of the change, sent later by ``millwork notify``."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final, Literal

from sales.appointments import AppointmentKind
from sales.invitation import Invitation, invitation_ics
from sales.stores import Store
from services.booking_records import AppointmentRecord, Notification

__all__ = ["REMINDER_BEFORE", "invitation", "notices"]

REMINDER_BEFORE: Final = timedelta(hours=24)
Change = Literal["booked", "rescheduled", "cancelled"]

_KIND_NAMES: Final = {
    AppointmentKind.STORE_VISIT: "到店咨询 Store visit",
    AppointmentKind.MEASUREMENT: "上门量尺 Home measurement",
}
_SUBJECTS: Final = {
    "confirmation": "预约确认 Booking confirmed",
    "reminder": "预约提醒 Reminder",
    "rescheduled": "预约已改期 Booking moved",
    "cancelled": "预约已取消 Booking cancelled",
}


def invitation(record: AppointmentRecord, store: Store, *, now: datetime) -> str:
    """The appointment's iCalendar invitation, in the store's zone."""
    where = record.address if record.kind is AppointmentKind.MEASUREMENT else store.address
    return invitation_ics(
        Invitation(
            uid=f"{record.id}@millwork",
            sequence=record.sequence,
            start=record.start,
            end=record.end,
            zone=store.zone,
            summary=f"{_KIND_NAMES[record.kind]} · {store.name}",
            location=where,
            description=f"{store.name}, {store.address}",
            organizer=store.name,
            stamp=now,
            cancelled=record.state == "cancelled",
        )
    )


def notices(
    record: AppointmentRecord, store: Store, token: str, *, now: datetime, change: Change
) -> tuple[Notification, ...]:
    """What to send for ``change``: a confirmation (or the news of the move or the
    cancellation) now, and for a live appointment a reminder a day before."""
    first = {"booked": "confirmation", "rescheduled": "rescheduled", "cancelled": "cancelled"}
    due = [(first[change], now)]
    if record.state == "booked":
        due.append(("reminder", max(now, record.start - REMINDER_BEFORE)))
    ics = invitation(record, store, now=now)
    return tuple(
        Notification(kind=kind, due_at=at, message=_message(kind, record, store, token, ics))
        for kind, at in due
    )


def _message(
    kind: str, record: AppointmentRecord, store: Store, token: str, ics: str
) -> dict[str, str]:
    local = record.start.astimezone(store.tz)
    when = f"{local:%Y-%m-%d %H:%M} ({store.zone}, UTC{local:%z})"
    lines = [
        f"{record.customer_name}:",
        "",
        f"{_KIND_NAMES[record.kind]} · {store.name}",
        f"时间 When: {when}",
        f"地点 Where: {record.address or store.address}",
        "",
        f"查看、改期或取消 Manage: /api/v1/appointments/manage/{token}",
    ]
    return {
        "to": record.customer_email,
        "phone": record.customer_phone,
        "subject": f"{_SUBJECTS[kind]} · {store.name} · {local:%Y-%m-%d %H:%M}",
        "text": "\n".join(lines) + "\n",
        "ics": ics,
    }

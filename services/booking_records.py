"""What booking keeps and hands around: a store's calendar, an appointment as stored, the
notifications a change makes due, and the answer kept under an idempotency key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sales.appointments import Appointment, AppointmentKind
from sales.geo import GeoPoint
from sales.hours import Interval
from sales.ids import AppointmentId, DesignerId, StoreId
from services.lead_records import Contact, DecideLead
from services.sales_records import Calendar, Notification

__all__ = [
    "AppointmentRecord",
    "Calendar",
    "Change",
    "Decide",
    "KeyUse",
    "Notification",
    "OutboxItem",
    "Outcome",
    "Replay",
]

State = Literal["booked", "cancelled"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AppointmentRecord:
    """An appointment as kept: the sales core's ``Appointment`` and who booked it, for whom,
    with which design, in which state."""

    id: str
    store_id: str
    designer_id: str
    kind: AppointmentKind
    state: State
    start: datetime
    end: datetime
    blocked: Interval
    place: GeoPoint
    customer_name: str
    customer_phone: str
    customer_email: str = ""
    address: str = ""
    design_id: str | None = None
    design_revision: int | None = None
    booked_by: int
    sequence: int = 0
    created_at: datetime
    updated_at: datetime

    def appointment(self) -> Appointment:
        """The sales core's view of it."""
        return Appointment(
            id=AppointmentId(self.id),
            store=StoreId(self.store_id),
            designer=DesignerId(self.designer_id),
            kind=self.kind,
            start=self.start,
            end=self.end,
            place=self.place,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxItem:
    """A notification claimed for sending."""

    id: int
    kind: str
    appointment_id: str | None
    message: dict[str, Any]
    attempts: int
    lead_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyUse:
    """An ``Idempotency-Key`` as used: by whom, the key, the hash of the request, when."""

    caller: str
    key: str
    body_hash: str
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What one booking transaction keeps: the appointment and its notifications (``None``
    when refused) and the answer the caller gets, kept under their key; and the booking's
    contact, made a lead (or joined to one) in the same transaction, its id in the answer's
    ``lead_id``."""

    record: AppointmentRecord | None
    token_hash: str = ""
    notifications: tuple[Notification, ...] = ()
    answer: dict[str, Any]
    lead: tuple[Contact, DecideLead] | None = None

    @property
    def refused(self) -> bool:
        return self.record is None


@dataclass(frozen=True, slots=True, kw_only=True)
class Replay:
    """The answer already given under a key, and the hash of the request it answered."""

    body_hash: str
    refused: bool
    answer: dict[str, Any]


Decide = Callable[[Calendar, tuple[Appointment, ...]], Outcome]
"""A booking's decision on the store's calendar and its bookings, under the store's lock."""
Change = Callable[
    [AppointmentRecord, Calendar, tuple[Appointment, ...]],
    tuple[AppointmentRecord, tuple[Notification, ...]] | None,
]
"""A change's decision on the appointment as it is, its store's calendar and the other
bookings: the changed record and its notifications, or ``None`` (refused)."""

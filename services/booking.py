"""Booking a store visit or a home measurement (issue 13): free slots, book with an
``Idempotency-Key``, and the manage link's read, reschedule, cancel and invitation.

The decision is the sales core's (``decide_booking``), taken inside the storage's
transaction that holds the store's lock, on the bookings read under that lock: of two
requests for one slot the second decides after the first is kept, and is refused
``slot_taken`` (RELIABILITY.md 1.6). The answer is kept under the caller's key in the same
transaction, and so are the notifications it makes due (the outbox).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Final

from kernel.problems import Problem, ProblemCode
from sales.appointments import Appointment, AppointmentKind
from sales.booking import Booked, BookingRequest, decide_booking
from sales.demo import DEMO_RULES
from sales.geo import GeoPoint, straight_line
from sales.hours import Interval
from sales.local_time import wall_to_utc
from sales.phone import normalise_phone
from sales.problems import SalesProblem
from sales.slots import Diary, Slot, SlotQuery, free_slots
from sales.stores import Skill
from services.access import may_read
from services.backend import Backend
from services.booking_notices import notices
from services.booking_records import AppointmentRecord, Calendar, KeyUse, Outcome, Replay
from services.credentials import hash_token, new_token
from services.errors import InvalidInput, NotFound
from services.identity import Actor
from services.leads import booking_contact
from services.problems import ServiceProblem

__all__ = [
    "MANAGE_PREFIX",
    "MAX_SLOT_DAYS",
    "BookingInput",
    "BookingResult",
    "book",
    "cancel_booking",
    "manage_answer",
    "manage_view",
    "read_booking",
    "reschedule_booking",
    "store_slots",
]

MAX_SLOT_DAYS: Final = 62  # local dates one slots request may cover
MANAGE_PREFIX: Final = "mwb_"
TRAVEL: Final = straight_line()  # no map service yet: straight lines through city traffic
# what one booking's check may look at: its day and a day either side (MAX_REACH is 12 h)
_AROUND: Final = timedelta(days=2)


@dataclass(frozen=True, slots=True, kw_only=True)
class BookingInput:
    """A booking request as read from the caller (the phone not yet normalised)."""

    store_id: str
    kind: AppointmentKind
    start: datetime
    name: str
    phone: str
    email: str = ""
    address: str = ""
    location: GeoPoint | None = None
    design_id: str | None = None
    skill: Skill | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BookingResult:
    """The answer: the booking (``refused`` false) or the problem, as first given."""

    refused: bool
    answer: dict[str, Any]
    replayed: bool = False

    @property
    def problem(self) -> Problem | None:
        """The refusal, read back from the answer."""
        if not self.refused:
            return None
        kept = self.answer["problem"]
        return Problem.of(ProblemCode.named(kept["code"]), kept["path"], **kept["params"])


def store_slots(
    store_id: str,
    kind: AppointmentKind,
    first: date | None,
    last: date | None,
    *,
    backend: Backend,
    skill: Skill | None = None,
) -> tuple[Calendar, tuple[Slot, ...]]:
    """The free slots of a store, kind and local dates ``first``–``last`` (at most
    ``MAX_SLOT_DAYS``; ``first`` by default today in the store's zone, ``last`` by default
    ``first``), with the calendar they were computed from."""
    calendar = backend.bookings.calendar(store_id)
    zone = calendar.store.tz
    first = first or backend.clock.now().astimezone(zone).date()
    last = last or first
    # centuries off: no slots anyway, and at the ends of the calendar the zones overflow
    beyond = not date(1900, 1, 1) <= first <= last < date(2200, 1, 1)
    if beyond or (last - first).days >= MAX_SLOT_DAYS:
        raise InvalidInput([Problem.of(ServiceProblem.INVALID_RANGE, "to", max_days=MAX_SLOT_DAYS)])
    around = Interval(
        wall_to_utc(first, datetime.min.time(), zone) - _AROUND,
        wall_to_utc(last, datetime.min.time(), zone) + 2 * _AROUND,
    )
    booked = backend.bookings.booked(store_id, around)
    query = SlotQuery(kind=kind, first=first, last=last, skill=skill)
    diary = _diary(calendar, booked)
    return calendar, free_slots(diary, query, now=backend.clock.now(), travel=TRAVEL)


def book(
    request: BookingInput,
    idempotency_key: str | None,
    body_hash: str,
    *,
    actor: Actor,
    backend: Backend,
) -> BookingResult:
    """Book ``request`` for ``actor``: the same key and request (``body_hash``) again get the
    same answer; another request under a used key is refused (``idempotency_key_reused``).
    Keys are the caller's own: another caller's key is another key."""
    phone = _checked(request, actor, backend)
    revision = None
    if request.design_id is not None:
        revision = backend.designs.get(request.design_id).revision
    now = backend.clock.now()
    key = None
    if idempotency_key is not None:
        key = KeyUse(caller=str(actor.account_id), key=idempotency_key, body_hash=body_hash, at=now)
    around = Interval(request.start - _AROUND, request.start + _AROUND)

    def decide(calendar: Calendar, booked: tuple[Appointment, ...]) -> Outcome:
        place = _place(request, calendar)
        wanted = BookingRequest(kind=request.kind, start=request.start, place=place)
        decision = decide_booking(_diary(calendar, booked), wanted, now=now, travel=TRAVEL)
        if not isinstance(decision, Booked):
            return Outcome(record=None, answer={"problem": decision.problem.as_dict()})
        token, token_hash = new_token(MANAGE_PREFIX)
        record = AppointmentRecord(
            id=secrets.token_hex(8),
            store_id=request.store_id,
            designer_id=decision.designer,
            kind=request.kind,
            state="booked",
            start=decision.appointment.start,
            end=decision.appointment.end,
            blocked=decision.blocked,
            place=place,
            customer_name=request.name,
            customer_phone=phone,
            customer_email=request.email,
            address=request.address,
            design_id=request.design_id,
            design_revision=revision,
            booked_by=actor.account_id,
            created_at=now,
            updated_at=now,
        )
        return Outcome(
            record=record,
            token_hash=token_hash,
            notifications=notices(record, calendar.store, token, now=now, change="booked"),
            answer=manage_view(record, calendar, token),
            lead=booking_contact(record, request.skill),
        )

    done = backend.bookings.book(request.store_id, around, key, decide)
    if isinstance(done, Replay):
        if done.body_hash != body_hash:
            raise InvalidInput([Problem.of(ServiceProblem.KEY_REUSED, "Idempotency-Key")])
        return BookingResult(refused=done.refused, answer=done.answer, replayed=True)
    return BookingResult(refused=done.refused, answer=done.answer)


def read_booking(token: str, *, backend: Backend) -> tuple[AppointmentRecord, Calendar]:
    """The appointment a manage link opens, with its store's calendar."""
    record = backend.bookings.by_token(hash_token(token))
    return record, backend.bookings.calendar(record.store_id)


def reschedule_booking(
    token: str, start: datetime, *, backend: Backend
) -> tuple[AppointmentRecord, Calendar]:
    """Move a booked appointment to ``start`` (same kind, place and store; maybe another
    designer): refused like a new booking when that time is not free."""
    now = backend.clock.now()
    refusal: list[Problem] = []

    def decide(
        record: AppointmentRecord, calendar: Calendar, booked: tuple[Appointment, ...]
    ) -> tuple[AppointmentRecord, tuple[Any, ...]] | None:
        if record.state != "booked":
            refusal.append(Problem.of(ServiceProblem.BOOKING_CANCELLED, "start"))
            return None
        others = tuple(a for a in booked if a.id != record.id)
        wanted = BookingRequest(kind=record.kind, start=start, place=record.place)
        decision = decide_booking(_diary(calendar, others), wanted, now=now, travel=TRAVEL)
        if not isinstance(decision, Booked):
            refusal.append(decision.problem)
            return None
        moved = replace(
            record,
            designer_id=decision.designer,
            start=decision.appointment.start,
            end=decision.appointment.end,
            blocked=decision.blocked,
            sequence=record.sequence + 1,
            updated_at=now,
        )
        return moved, notices(moved, calendar.store, token, now=now, change="rescheduled")

    def around(record: AppointmentRecord) -> Interval:
        return Interval(start - _AROUND, start + _AROUND)

    changed = backend.bookings.change(hash_token(token), around, decide)
    if changed is None:
        raise Refusal(refusal[0])
    return changed, backend.bookings.calendar(changed.store_id)


def cancel_booking(token: str, *, backend: Backend) -> tuple[AppointmentRecord, Calendar]:
    """Cancel a booked appointment (its slot is free again; cancelling twice is a no-op)."""
    now = backend.clock.now()

    def decide(
        record: AppointmentRecord, calendar: Calendar, booked: tuple[Appointment, ...]
    ) -> tuple[AppointmentRecord, tuple[Any, ...]] | None:
        if record.state == "cancelled":
            return record, ()
        gone = replace(record, state="cancelled", sequence=record.sequence + 1, updated_at=now)
        return gone, notices(gone, calendar.store, token, now=now, change="cancelled")

    def around(record: AppointmentRecord) -> Interval:
        return record.blocked

    changed = backend.bookings.change(hash_token(token), around, decide)
    assert changed is not None  # cancelling is never refused
    return changed, backend.bookings.calendar(changed.store_id)


class Refusal(Exception):
    """A booking change the rules refuse: ``problem`` says why (``slot_taken``: HTTP 409)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem.code))
        self.problem = problem


def manage_answer(
    record: AppointmentRecord, calendar: Calendar, token: str, *, backend: Backend
) -> dict[str, Any]:
    """``manage_view`` with the lead the booking made (or joined), as the booking's own
    answer carries it."""
    return manage_view(record, calendar, token, lead_id=backend.leads.lead_of(record))


def manage_view(
    record: AppointmentRecord, calendar: Calendar, token: str, *, lead_id: str | None = None
) -> dict[str, Any]:
    """An appointment as its manage link shows it: times with the store's offset (the lead,
    known only once booked, is filled in by the store's transaction or ``manage_answer``)."""
    zone = calendar.store.tz
    designer = next((d for d in calendar.designers if d.id == record.designer_id), None)
    manage = f"/api/v1/appointments/manage/{token}"
    return {
        "id": record.id,
        "store_id": record.store_id,
        "store_name": calendar.store.name,
        "kind": str(record.kind),
        "state": record.state,
        "start": record.start.astimezone(zone).isoformat(),
        "end": record.end.astimezone(zone).isoformat(),
        "timezone": calendar.store.zone,
        "designer": {"id": record.designer_id, "name": designer.name if designer else ""},
        "name": record.customer_name,
        "phone": record.customer_phone,
        "email": record.customer_email,
        "address": record.address,
        "design_id": record.design_id,
        "design_revision": record.design_revision,
        "manage_url": manage,
        "ics_url": f"{manage}.ics",
        "lead_id": lead_id,
    }


def _checked(request: BookingInput, actor: Actor, backend: Backend) -> str:
    """The request's phone in E.164, once everything the rules do not decide is right: the
    store exists, a measurement has an address, the design is the caller's to show."""
    problems = []
    phone = normalise_phone(request.phone)
    if phone is None:
        problems.append(Problem.of(SalesProblem.PHONE_INVALID, "phone"))
    if request.kind is AppointmentKind.MEASUREMENT and not request.address.strip():
        problems.append(Problem.of(ServiceProblem.ADDRESS_REQUIRED, "address"))
    if problems:
        raise InvalidInput(problems)
    backend.bookings.calendar(request.store_id)  # NotFound: no such store taking bookings
    if request.design_id is not None and not may_read(
        actor, backend.designs.owned(request.design_id)
    ):
        raise NotFound("design", request.design_id)
    assert phone is not None
    return phone


def _place(request: BookingInput, calendar: Calendar) -> GeoPoint:
    """Where the appointment is: the customer's home for a measurement (the store's when its
    position is not given), else the store."""
    if request.kind is AppointmentKind.MEASUREMENT and request.location is not None:
        return request.location
    return calendar.store.location


def _diary(calendar: Calendar, booked: tuple[Appointment, ...]) -> Diary:
    return Diary(
        store=calendar.store,
        designers=calendar.designers,
        appointments=booked,
        rules=DEMO_RULES,
    )

"""The pure part of booking: may this appointment be added, and with which designer.

The decision reruns the slot search for the requested day, so a request is accepted exactly
when the start is an offered slot. It is the check before the write: the database must still
refuse the loser of a race (RELIABILITY.md 1.6), and ``Booked.blocked`` is the interval its
constraint or lock guards per designer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kernel.problems import Problem
from sales.appointments import AppointmentKind
from sales.geo import GeoPoint, Travel, no_travel
from sales.hours import Interval
from sales.ids import DesignerId
from sales.local_time import local_date, require_aware
from sales.problems import SalesProblem
from sales.slots import Diary, Slot, SlotQuery, bookable_days, candidates, day_full, slot_at
from sales.stores import Skill

__all__ = ["Booked", "BookingRequest", "Refused", "choose_designer", "decide_booking"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BookingRequest:
    """A customer's request: kind, start, their place (measurements), the skill their design
    needs and, when they chose one, a designer."""

    kind: AppointmentKind
    start: datetime
    place: GeoPoint | None = None
    skill: Skill | None = None
    designer: DesignerId | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Booked:
    """Accepted: the designer who takes it, the appointment and the designer's time it blocks
    (with the buffers), and how many alternatives there were."""

    designer: DesignerId
    appointment: Interval
    blocked: Interval
    free_designers: int


@dataclass(frozen=True, slots=True)
class Refused:
    """Refused, with the problem that says why."""

    problem: Problem


def decide_booking(
    diary: Diary, request: BookingRequest, *, now: datetime, travel: Travel = no_travel
) -> Booked | Refused:
    """Accept the request with a designer chosen fairly, or say why not."""
    zone = diary.store.tz
    day = local_date(require_aware(request.start), zone)
    query = SlotQuery(
        kind=request.kind, first=day, last=day, place=request.place, skill=request.skill
    )
    slot = slot_at(diary, query, request.start, now=now, travel=travel)
    if slot is None:
        return Refused(_why_not(diary, request, now=now))
    if request.designer is not None:
        if request.designer not in slot.designers:
            return Refused(_problem(SalesProblem.SLOT_TAKEN, request, designer=request.designer))
        chosen = request.designer
    else:
        chosen = choose_designer(diary, slot)
    rules = diary.rules[request.kind]
    return Booked(
        designer=chosen,
        appointment=Interval(slot.start, slot.end),
        blocked=rules.blocked(slot.start),
        free_designers=len(slot.designers),
    )


def choose_designer(diary: Diary, slot: Slot) -> DesignerId:
    """The fairest of the slot's designers: the fewest appointments that local day, then the
    smallest id (so the choice is the same on every retry)."""
    zone = diary.store.tz
    day = local_date(slot.start, zone)
    load = dict.fromkeys(slot.designers, 0)
    for a in diary.appointments:
        if a.designer in load and local_date(a.start, zone) == day:
            load[a.designer] += 1
    return min(slot.designers, key=lambda d: (load[d], d))


def _why_not(diary: Diary, request: BookingRequest, *, now: datetime) -> Problem:
    """The first rule the request breaks, store-wide rules before the designers'."""
    rules = diary.rules[request.kind]
    day = local_date(request.start, diary.store.tz)
    code = SalesProblem.SLOT_TAKEN
    if diary.store.closed_on(day):
        code = SalesProblem.STORE_CLOSED
    elif day not in set(bookable_days(diary.store, rules, day, day, now=now)):
        code = SalesProblem.BEYOND_WINDOW
    elif all(c.start != request.start for c in candidates(diary.store, rules, day)):
        code = SalesProblem.NOT_A_SLOT
    elif request.start < now + rules.min_notice:
        code = SalesProblem.TOO_SOON
    elif day_full(diary, request.kind, day):
        code = SalesProblem.DAY_FULL
    elif not _anyone_skilled(diary, request):
        code = SalesProblem.NO_DESIGNER
    return _problem(code, request)


def _anyone_skilled(diary: Diary, request: BookingRequest) -> bool:
    return any(
        d.store == diary.store.id
        and (request.skill is None or request.skill in d.skills)
        and (request.designer is None or request.designer == d.id)
        for d in diary.designers
    )


def _problem(code: SalesProblem, request: BookingRequest, **params: str) -> Problem:
    return Problem.of(
        code, "start", start=request.start.isoformat(), kind=str(request.kind), **params
    )

"""Free slots: when a store can take an appointment of one kind, and which designers could.

A start is offered when, in the store's zone:
- its local date is bookable: from today to the end of the kind's window, not a closure,
  and the store's cap for the kind that day is not reached;
- it lies on the kind's step from the start of an opening span, at least the minimum notice
  after ``now``, and the appointment ends within the span;
- at least one designer of the store with the skill is at work for the whole appointment and
  can keep it with their other appointments (buffers and travel, ``fit_together``).

Steps are taken in real time from each span's start, so a clock change inside a span never
gives a start twice or an appointment an hour too long. The booking decision runs this same
search, so a slot that was shown is checked by the very rules that showed it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sales.appointments import MAX_REACH, Appointment, AppointmentKind, KindRules, fit_together
from sales.geo import GeoPoint, Travel, no_travel
from sales.hours import Interval
from sales.ids import AppointmentId, DesignerId
from sales.local_time import days, local_date
from sales.stores import Designer, Skill, Store, working_intervals

__all__ = [
    "Diary",
    "Slot",
    "SlotQuery",
    "bookable_days",
    "candidates",
    "day_full",
    "free_slots",
    "slot_at",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Diary:
    """What a store's slots depend on: the store, its designers, its active appointments
    (booked, not cancelled) and the rules of each kind."""

    store: Store
    designers: tuple[Designer, ...]
    appointments: tuple[Appointment, ...]
    rules: Mapping[AppointmentKind, KindRules]


@dataclass(frozen=True, slots=True, kw_only=True)
class SlotQuery:
    """Which slots: a kind, local dates ``first`` to ``last``, the customer's place for a
    measurement (the store's when not yet known) and the skill their design needs."""

    kind: AppointmentKind
    first: date
    last: date
    place: GeoPoint | None = None
    skill: Skill | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """An offered appointment ``[start, end)`` in UTC and the designers free to take it."""

    start: datetime
    end: datetime
    designers: tuple[DesignerId, ...]


def free_slots(
    diary: Diary, query: SlotQuery, *, now: datetime, travel: Travel = no_travel
) -> tuple[Slot, ...]:
    """Every slot of ``query``, in time order."""
    search = _Search.of(diary, query, now=now, travel=travel)
    rules = diary.rules[query.kind]
    found: list[Slot] = []
    for day in bookable_days(diary.store, rules, query.first, query.last, now=now):
        if not day_full(diary, query.kind, day):
            found += search.slots_on(day)
    return tuple(found)


def slot_at(
    diary: Diary, query: SlotQuery, start: datetime, *, now: datetime, travel: Travel = no_travel
) -> Slot | None:
    """The slot starting at ``start`` if ``free_slots`` offers it (``query``'s dates are
    ignored): the same rules, tried on that one start."""
    rules = diary.rules[query.kind]
    day = local_date(start, diary.store.tz)
    if not any(bookable_days(diary.store, rules, day, day, now=now)):
        return None
    if day_full(diary, query.kind, day):
        return None
    search = _Search.of(diary, query, now=now, travel=travel)
    return next(iter(search.slots_on(day, only=start)), None)


def bookable_days(
    store: Store, rules: KindRules, first: date, last: date, *, now: datetime
) -> Iterator[date]:
    """The dates of ``first``–``last`` within the booking window, closures left out."""
    today = local_date(now, store.tz)
    end = today + timedelta(days=rules.window_days - 1)
    for day in days(max(first, today), min(last, end)):
        if not store.closed_on(day):
            yield day


def day_full(diary: Diary, kind: AppointmentKind, day: date) -> bool:
    """Tell whether the store has reached its cap of ``kind`` appointments on ``day``."""
    cap = diary.store.visit_capacity.get(kind)
    if cap is None:
        return False
    zone = diary.store.tz
    taken = sum(
        1 for a in diary.appointments if a.kind is kind and local_date(a.start, zone) == day
    )
    return taken >= cap


def candidates(store: Store, rules: KindRules, day: date) -> Iterator[Interval]:
    """The appointments on the kind's step within the store's opening spans of ``day``."""
    for span in store.open_on(day):
        start = span.start
        while start + rules.length <= span.end:
            yield Interval(start, start + rules.length)
            start += rules.step


@dataclass(frozen=True, slots=True, kw_only=True)
class _Search:
    diary: Diary
    query: SlotQuery
    now: datetime
    travel: Travel
    team: tuple[Designer, ...]  # the store's designers with the skill
    booked: Mapping[DesignerId, tuple[Appointment, ...]]  # each designer's, by start
    starts: Mapping[DesignerId, tuple[datetime, ...]]

    @classmethod
    def of(cls, diary: Diary, query: SlotQuery, *, now: datetime, travel: Travel) -> _Search:
        team = tuple(
            d
            for d in diary.designers
            if d.store == diary.store.id and (query.skill is None or query.skill in d.skills)
        )
        booked = {
            d.id: tuple(
                sorted((a for a in diary.appointments if a.designer == d.id), key=lambda a: a.start)
            )
            for d in team
        }
        starts = {d: tuple(a.start for a in mine) for d, mine in booked.items()}
        travel = _remembered(travel)
        return cls(
            diary=diary,
            query=query,
            now=now,
            travel=travel,
            team=team,
            booked=booked,
            starts=starts,
        )

    @property
    def place(self) -> GeoPoint:
        if self.query.kind is AppointmentKind.MEASUREMENT and self.query.place is not None:
            return self.query.place
        return self.diary.store.location

    def slots_on(self, day: date, only: datetime | None = None) -> list[Slot]:
        """The slots of one bookable day (or the one starting at ``only``)."""
        rules = self.diary.rules[self.query.kind]
        earliest = self.now + rules.min_notice
        working = {d.id: working_intervals(self.diary.store, d, day) for d in self.team}
        ids = sorted(d for d, w in working.items() if w)
        found = []
        for candidate in candidates(self.diary.store, rules, day):
            if candidate.start < earliest or (only is not None and candidate.start != only):
                continue
            new = Appointment(
                id=AppointmentId(""),
                store=self.diary.store.id,
                designer=DesignerId(""),
                kind=self.query.kind,
                start=candidate.start,
                end=candidate.end,
                place=self.place,
            )
            free = tuple(d for d in ids if self.free(d, new, working[d]))
            if free:
                found.append(Slot(candidate.start, candidate.end, free))
        return found

    def free(self, designer: DesignerId, new: Appointment, working: tuple[Interval, ...]) -> bool:
        """Tell whether ``designer`` is at work for all of ``new`` and can keep it with their
        appointments (those starting within twice ``MAX_REACH``: no farther one can meet it)."""
        if not any(w.start <= new.start and new.end <= w.end for w in working):
            return False
        starts = self.starts[designer]
        low = bisect_left(starts, new.start - 2 * MAX_REACH)
        high = bisect_right(starts, new.end + 2 * MAX_REACH)
        rules, travel = self.diary.rules, self.travel
        return all(fit_together(new, a, rules, travel) for a in self.booked[designer][low:high])


def _remembered(travel: Travel) -> Travel:
    """``travel`` asked once per pair of places within one search (the new appointment's
    place is the same for every candidate; the bookings' places repeat day after day)."""
    known: dict[tuple[GeoPoint, GeoPoint], timedelta] = {}

    def remembered(a: GeoPoint, b: GeoPoint) -> timedelta:
        key = (a, b)
        if key not in known:
            known[key] = travel(a, b)
        return known[key]

    return remembered

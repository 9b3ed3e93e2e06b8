"""A store's schedule as its manager edits it: weekly opening hours, special hours of some
dates, closures, the daily caps, and each designer's hours, days off and skills.

``schedule_view`` gives it as plain JSON values, ``read_schedule`` reads an edited one back
and says every mistake at once (times that are not times of day, a span that closes before
it opens or overlaps another of the same day, closures that run backwards or overlap, caps
out of range, a designer without a skill), and ``apply_schedule`` puts it on the store.
Times are ``HH:MM`` on the store's wall clock, dates ISO ``YYYY-MM-DD`` in its zone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, time
from types import MappingProxyType
from typing import Any, Final

from kernel.fields import MISSING, FieldProblem, Reader
from kernel.problems import Problem, ProblemCode
from sales.appointments import Appointment, AppointmentKind
from sales.hours import Span, WeeklyHours
from sales.ids import DesignerId, StoreId
from sales.local_time import local_date
from sales.stores import Closure, Designer, Skill, Store, working_intervals

__all__ = [
    "MAX_DESIGNERS",
    "DesignerEdit",
    "ScheduleEdit",
    "ScheduleProblem",
    "apply_schedule",
    "read_schedule",
    "schedule_view",
    "stranded",
]

MAX_DESIGNERS: Final = 50
MAX_SPANS_A_DAY: Final = 4
MAX_DATES: Final = 200  # special dates, closures, a designer's days off
MAX_VISITS_A_DAY: Final = 200
MAX_LEADS_A_DAY: Final = 10_000
DESIGNER_ID: Final = r"[a-z0-9][a-z0-9_-]{0,31}"
_TIME: Final = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_DATE: Final = re.compile(r"(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}")
_KEYS: Final = ("hours", "special_hours", "closures", "capacity", "designers")
_DESIGNER_KEYS: Final = ("id", "name", "hours", "days_off", "skills")


class ScheduleProblem(ProblemCode):
    """Mistakes in an edited schedule (wording in the message catalogue)."""

    CLOSES_BEFORE_OPENING = "closes_before_opening"  # a span's end not after its start
    HOURS_OVERLAP = "hours_overlap"  # two spans of one day share a moment
    CLOSURE_BACKWARDS = "closure_backwards"  # a closure's last day before its first
    CLOSURES_OVERLAP = "closures_overlap"  # two closures share a day
    DATE_TWICE = "date_twice"  # special hours given twice for one date
    DESIGNER_TWICE = "designer_twice"  # one designer id twice
    NO_SKILL = "no_skill"  # a designer who can do nothing


@dataclass(frozen=True, slots=True, kw_only=True)
class DesignerEdit:
    """A designer as the manager edits them (their share of leads is not edited here)."""

    id: DesignerId
    name: str
    hours: WeeklyHours
    days_off: frozenset[date]
    skills: frozenset[Skill]


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleEdit:
    """An edited schedule, read and checked."""

    hours: WeeklyHours
    special_hours: Mapping[date, tuple[Span, ...]]
    closures: tuple[Closure, ...]
    visit_capacity: Mapping[AppointmentKind, int]
    lead_capacity: int | None
    designers: tuple[DesignerEdit, ...]


def schedule_view(store: Store, designers: Sequence[Designer]) -> dict[str, Any]:
    """The store's schedule as JSON values, in the shape ``read_schedule`` reads."""
    return {
        "hours": _week(store.hours),
        "special_hours": [
            {"date": d.isoformat(), "spans": _spans(s)}
            for d, s in sorted(store.special_hours.items())
        ],
        "closures": [
            {"first": c.first.isoformat(), "last": c.last.isoformat(), "name": c.name}
            for c in sorted(store.closures, key=lambda c: c.first)
        ],
        "capacity": {
            **{str(k): store.visit_capacity.get(k) for k in AppointmentKind},
            "leads": store.lead_capacity,
        },
        "designers": [
            {
                "id": d.id,
                "name": d.name,
                "hours": _week(d.hours),
                "days_off": sorted(x.isoformat() for x in d.days_off),
                "skills": sorted(d.skills),
            }
            for d in sorted(designers, key=lambda d: d.id)
        ],
    }


def read_schedule(body: object) -> tuple[ScheduleEdit | None, list[Problem]]:
    """The schedule in ``body``, or ``None`` and every mistake found (paths like
    ``hours[2][0]``, ``closures[1].last``, ``designers[0].skills``)."""
    reader = Reader()
    reader.plain_text(body)
    fields = reader.mapping(body, "", required=_KEYS)
    hours = _week_of(reader, fields.get("hours", MISSING), "hours")
    special = _special_of(reader, fields.get("special_hours", MISSING))
    closures = _closures_of(reader, fields.get("closures", MISSING))
    visits, leads = _capacity_of(reader, fields.get("capacity", MISSING))
    designers = _designers_of(reader, fields.get("designers", MISSING))
    if reader.problems:
        return None, reader.problems
    edit = ScheduleEdit(
        hours=hours,
        special_hours=MappingProxyType(special),
        closures=closures,
        visit_capacity=MappingProxyType(visits),
        lead_capacity=leads,
        designers=designers,
    )
    return edit, []


def apply_schedule(
    store: Store, designers: Sequence[Designer], edit: ScheduleEdit
) -> tuple[Store, tuple[Designer, ...]]:
    """The store and its designers as edited: a designer left out is no longer one of the
    store's; one kept keeps their share of leads; a new one gets an equal share."""
    kept = {d.id: d for d in designers}
    new_store = replace(
        store,
        hours=edit.hours,
        special_hours=edit.special_hours,
        closures=edit.closures,
        visit_capacity=edit.visit_capacity,
        lead_capacity=edit.lead_capacity,
    )
    team = []
    for d in edit.designers:
        before = kept.get(d.id) or Designer(id=d.id, store=StoreId(store.id), hours=d.hours)
        team.append(
            replace(before, name=d.name, hours=d.hours, days_off=d.days_off, skills=d.skills)
        )
    return new_store, tuple(team)


def stranded(
    store: Store, designers: Sequence[Designer], booked: Sequence[Appointment]
) -> tuple[Appointment, ...]:
    """The booked appointments the schedule no longer has room for: outside their designer's
    working time that day (the store closed, shorter hours, a day off, a designer no longer
    the store's). They stay booked; the store calls the customers.

    Examples
    --------
    >>> from datetime import datetime, timedelta, UTC
    >>> from sales.demo import demo_designers, demo_stores
    >>> xuhui = demo_stores()[0]
    >>> team = [d for d in demo_designers() if d.store == xuhui.id]
    >>> ten = datetime(2026, 11, 25, 2, tzinfo=UTC)  # Wednesday 10:00 in Shanghai
    >>> visit = Appointment(id="a", store=xuhui.id, designer=team[0].id,
    ...     kind=AppointmentKind.STORE_VISIT, start=ten, end=ten + timedelta(hours=1),
    ...     place=xuhui.location)
    >>> stranded(xuhui, team, [visit])
    ()
    >>> late = replace(xuhui, hours=WeeklyHours.same(Span(time(14), time(21))))
    >>> [a.id for a in stranded(late, team, [visit])]
    ['a']
    """
    by_id = {d.id: d for d in designers}
    found = []
    for a in booked:
        designer = by_id.get(a.designer)
        day = local_date(a.start, store.tz)
        working = working_intervals(store, designer, day) if designer else ()
        if not any(w.start <= a.start and a.end <= w.end for w in working):
            found.append(a)
    return tuple(found)


def _spans(spans: Sequence[Span]) -> list[list[str]]:
    return [[s.start.strftime("%H:%M"), s.end.strftime("%H:%M")] for s in spans]


def _week(hours: WeeklyHours) -> list[list[list[str]]]:
    return [_spans(day) for day in hours.days]


def _time_of(reader: Reader, value: object, path: str) -> time | None:
    text = reader.text(value, path, max_length=5)
    if not isinstance(value, str):
        return None
    if not text:
        reader.fail(FieldProblem.MISSING_KEY, path)
        return None
    if not _TIME.fullmatch(text):
        reader.fail(FieldProblem.INVALID_VALUE, path, value=text, allowed="HH:MM, 00:00–23:59")
        return None
    return time.fromisoformat(text)


def _date_of(reader: Reader, value: object, path: str) -> date | None:
    text = reader.text(value, path, max_length=10)
    if not isinstance(value, str):
        return None
    if not text:
        reader.fail(FieldProblem.MISSING_KEY, path)
        return None
    try:
        found = date.fromisoformat(text) if _DATE.fullmatch(text) else None
    except ValueError:
        found = None
    if found is None:
        reader.fail(FieldProblem.INVALID_VALUE, path, value=text, allowed="YYYY-MM-DD")
    return found


def _day_of(reader: Reader, value: object, path: str) -> tuple[Span, ...]:
    """One day's spans: each opens before it closes; none overlaps another."""
    spans: list[Span] = []
    for i, item in enumerate(reader.sequence(value, path, max_len=MAX_SPANS_A_DAY)):
        at = f"{path}[{i}]"
        pair = reader.sequence(item, at, min_len=2, max_len=2)
        if len(pair) != 2:
            continue
        start, end = _time_of(reader, pair[0], f"{at}[0]"), _time_of(reader, pair[1], f"{at}[1]")
        if start is None or end is None:
            continue
        shown = {"start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
        if not start < end:
            reader.fail(ScheduleProblem.CLOSES_BEFORE_OPENING, at, **shown)
            continue
        span = Span(start, end)
        if any(s.start < span.end and span.start < s.end for s in spans):
            reader.fail(ScheduleProblem.HOURS_OVERLAP, at, **shown)
            continue
        spans.append(span)
    return tuple(sorted(spans, key=lambda s: s.start))


def _week_of(reader: Reader, value: object, path: str) -> WeeklyHours:
    days = reader.sequence(value, path, min_len=7, max_len=7)
    read = [_day_of(reader, day, f"{path}[{i}]") for i, day in enumerate(days)]
    return WeeklyHours(tuple(read) if len(read) == 7 else ((),) * 7)


def _special_of(reader: Reader, value: object) -> dict[date, tuple[Span, ...]]:
    found: dict[date, tuple[Span, ...]] = {}
    for i, item in enumerate(reader.sequence(value, "special_hours", max_len=MAX_DATES)):
        at = f"special_hours[{i}]"
        fields = reader.mapping(item, at, required=("date", "spans"))
        day = _date_of(reader, fields.get("date", MISSING), f"{at}.date")
        spans = _day_of(reader, fields.get("spans", MISSING), f"{at}.spans")
        if day is None:
            continue
        if day in found:
            reader.fail(ScheduleProblem.DATE_TWICE, f"{at}.date", value=day.isoformat())
        found[day] = spans
    return found


def _closures_of(reader: Reader, value: object) -> tuple[Closure, ...]:
    found: list[Closure] = []
    for i, item in enumerate(reader.sequence(value, "closures", max_len=MAX_DATES)):
        at = f"closures[{i}]"
        fields = reader.mapping(item, at, required=("first", "last"), optional=("name",))
        first = _date_of(reader, fields.get("first", MISSING), f"{at}.first")
        last = _date_of(reader, fields.get("last", MISSING), f"{at}.last")
        name = reader.text(fields.get("name", MISSING), f"{at}.name", max_length=50).strip()
        if first is None or last is None:
            continue
        if last < first:
            reader.fail(
                ScheduleProblem.CLOSURE_BACKWARDS,
                f"{at}.last",
                first=first.isoformat(),
                last=last.isoformat(),
            )
            continue
        other = next((c for c in found if c.first <= last and first <= c.last), None)
        if other is not None:
            reader.fail(
                ScheduleProblem.CLOSURES_OVERLAP,
                at,
                first=first.isoformat(),
                last=last.isoformat(),
                other=f"{other.first.isoformat()}–{other.last.isoformat()}",
            )
            continue
        found.append(Closure(first, last, name))
    return tuple(sorted(found, key=lambda c: c.first))


def _capacity_of(reader: Reader, value: object) -> tuple[dict[AppointmentKind, int], int | None]:
    """The caps a day: of each kind of visit and of leads (``null``: no cap)."""
    kinds = [str(k) for k in AppointmentKind]
    fields = reader.mapping(value, "capacity", optional=(*kinds, "leads"))

    def cap(key: str, maximum: int) -> int | None:
        given = fields.get(key, MISSING)
        if given is MISSING or given is None:
            return None
        return reader.integer(given, f"capacity.{key}", minimum=0, maximum=maximum)

    visits = {AppointmentKind(k): cap(k, MAX_VISITS_A_DAY) for k in kinds}
    return {k: n for k, n in visits.items() if n is not None}, cap("leads", MAX_LEADS_A_DAY)


def _designers_of(reader: Reader, value: object) -> tuple[DesignerEdit, ...]:
    found: list[DesignerEdit] = []
    for i, item in enumerate(reader.sequence(value, "designers", max_len=MAX_DESIGNERS)):
        at = f"designers[{i}]"
        fields = reader.mapping(item, at, required=_DESIGNER_KEYS)
        designer_id = reader.text(fields.get("id", MISSING), f"{at}.id", pattern=DESIGNER_ID)
        name = reader.text(fields.get("name", MISSING), f"{at}.name", max_length=100).strip()
        if not name and isinstance(fields.get("name"), str):
            reader.fail(FieldProblem.INVALID_VALUE, f"{at}.name", value=name, allowed="a name")
        hours = _week_of(reader, fields.get("hours", MISSING), f"{at}.hours")
        days_off = reader.sequence(
            fields.get("days_off", MISSING), f"{at}.days_off", max_len=MAX_DATES
        )
        off = {_date_of(reader, d, f"{at}.days_off[{j}]") for j, d in enumerate(days_off)}
        skills = _skills_of(reader, fields.get("skills", MISSING), f"{at}.skills")
        if any(d.id == designer_id for d in found):
            reader.fail(ScheduleProblem.DESIGNER_TWICE, f"{at}.id", value=designer_id)
        found.append(
            DesignerEdit(
                id=DesignerId(designer_id),
                name=name,
                hours=hours,
                days_off=frozenset(d for d in off if d is not None),
                skills=skills,
            )
        )
    return tuple(found)


def _skills_of(reader: Reader, value: object, path: str) -> frozenset[Skill]:
    given = reader.sequence(value, path, max_len=len(Skill))
    skills = {
        reader.text(s, f"{path}[{j}]", choices=[str(k) for k in Skill]) for j, s in enumerate(given)
    }
    known = frozenset(Skill(s) for s in skills if s in set(Skill))
    if not given and isinstance(value, list):
        reader.fail(ScheduleProblem.NO_SKILL, path)
    return known

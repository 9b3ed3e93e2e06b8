"""The pure part of booking: the designer chosen, each reason to refuse, and random booking
sequences in which one designer's accepted appointments never meet."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sales.appointments import Appointment
from sales.booking import Booked, BookingRequest, Refused, decide_booking
from sales.geo import GeoPoint, straight_line
from sales.ids import AppointmentId, DesignerId
from sales.problems import SalesProblem
from sales.slots import Diary
from sales.stores import Closure, Skill
from tests.sales.builders import MEASURE, VISIT, appointment, designer, local, rules, store

MONDAY = date(2026, 12, 7)
SHOP = store(capacity={MEASURE: 2})
EARLY = datetime(2026, 12, 6, tzinfo=UTC)
TRAVEL = straight_line()


def diary(*appointments: Appointment, **more: object) -> Diary:
    base = Diary(
        store=SHOP,
        designers=(designer("d1"), designer("d2", skills=frozenset({Skill.KITCHENS}))),
        appointments=appointments,
        rules=rules(before=15, after=15, notice=120, window=14),
    )
    return replace(base, **more)  # type: ignore[arg-type]


def refusal(result: Booked | Refused) -> str:
    assert isinstance(result, Refused), result
    return str(result.problem.code)


def test_the_least_busy_designer_of_the_day_takes_it_then_the_first_by_id() -> None:
    ten = local(SHOP, MONDAY, 10)
    first = decide_booking(diary(), BookingRequest(kind=VISIT, start=ten), now=EARLY)
    assert isinstance(first, Booked) and first.designer == "d1" and first.free_designers == 2
    assert first.blocked.start == ten - timedelta(minutes=15)
    busy = diary(appointment("d1", local(SHOP, MONDAY, 16)))
    second = decide_booking(busy, BookingRequest(kind=VISIT, start=ten), now=EARLY)
    assert isinstance(second, Booked) and second.designer == "d2"


def test_a_chosen_designer_is_kept_or_the_slot_is_taken() -> None:
    ten = local(SHOP, MONDAY, 10)
    busy = diary(appointment("d2", ten))
    assert (
        refusal(
            decide_booking(
                busy, BookingRequest(kind=VISIT, start=ten, designer=DesignerId("d2")), now=EARLY
            )
        )
        == "slot_taken"
    )
    kept = decide_booking(
        diary(), BookingRequest(kind=VISIT, start=ten, designer=DesignerId("d2")), now=EARLY
    )
    assert isinstance(kept, Booked) and kept.designer == "d2"


@pytest.mark.parametrize(
    ("request_", "setup", "code"),
    [
        ("10:00", "both busy", SalesProblem.SLOT_TAKEN),
        ("10:00", "now 08:30", SalesProblem.TOO_SOON),
        ("10:00", "now a month before", SalesProblem.BEYOND_WINDOW),
        ("10:00", "now the day after", SalesProblem.BEYOND_WINDOW),
        ("10:00", "closed", SalesProblem.STORE_CLOSED),
        ("10:00", "two measurements", SalesProblem.DAY_FULL),
        ("10:10", "", SalesProblem.NOT_A_SLOT),
        ("18:00", "", SalesProblem.NOT_A_SLOT),
        ("10:00", "skill nobody has", SalesProblem.NO_DESIGNER),
    ],
)
def test_each_refusal_says_why(request_: str, setup: str, code: SalesProblem) -> None:
    hour, minute = map(int, request_.split(":"))
    start = local(SHOP, MONDAY, hour, minute)
    book, now, kind = diary(), EARLY, MEASURE if setup == "two measurements" else VISIT
    if setup == "both busy":
        book = diary(appointment("d1", start), appointment("d2", start - timedelta(minutes=30)))
    elif setup == "now 08:30":
        now = local(SHOP, MONDAY, 8, 30)
    elif setup == "now a month before":
        now = EARLY - timedelta(days=30)
    elif setup == "now the day after":
        now = EARLY + timedelta(days=2)
    elif setup == "closed":
        book = diary(store=store(closures=(Closure(MONDAY, MONDAY),)))
    elif setup == "two measurements":
        book = diary(*(appointment("d1", local(SHOP, MONDAY, h), kind=MEASURE) for h in (15, 17)))
    request = BookingRequest(kind=kind, start=start, skill=None)
    if setup == "skill nobody has":
        book = diary(designers=(designer("d2", skills=frozenset({Skill.KITCHENS})),))
        request = replace(request, skill=Skill.WARDROBES)
    result = decide_booking(book, request, now=now, travel=TRAVEL)
    assert refusal(result) == code
    assert isinstance(result, Refused) and result.problem.params["start"] == start.isoformat()


def apply(book: Diary, request: BookingRequest, *, now: datetime) -> Diary:
    """``book`` with ``request`` added if it is accepted."""
    result = decide_booking(book, request, now=now, travel=TRAVEL)
    if isinstance(result, Refused):
        return book
    place = request.place if request.kind is MEASURE and request.place else book.store.location
    added = Appointment(
        id=AppointmentId(f"a{len(book.appointments)}"),
        store=book.store.id,
        designer=result.designer,
        kind=request.kind,
        start=result.appointment.start,
        end=result.appointment.end,
        place=place,
    )
    return replace(book, appointments=(*book.appointments, added))


def never_meet(book: Diary) -> None:
    """No two accepted appointments of one designer meet, buffers included."""
    for a, b in combinations(book.appointments, 2):
        if a.designer != b.designer:
            continue
        ra, rb = book.rules[a.kind], book.rules[b.kind]
        assert not (
            a.start - ra.buffer_before < b.end + rb.buffer_after
            and b.start - rb.buffer_before < a.end + ra.buffer_after
        ), (a, b)


requests = st.builds(
    lambda quarter, kind, lat, who: BookingRequest(
        kind=kind,
        start=local(SHOP, MONDAY, 9) + timedelta(minutes=15 * quarter),
        place=GeoPoint(31.2 + lat / 100, 121.4),
        designer=who,
    ),
    st.integers(-4, 40),
    st.sampled_from([VISIT, MEASURE]),
    st.integers(0, 20),
    st.sampled_from([None, None, DesignerId("d1"), DesignerId("d2")]),
)


@given(st.lists(requests, max_size=30))
def test_overlapping_appointments_of_one_designer_are_never_both_accepted(
    sequence: list[BookingRequest],
) -> None:
    book = diary(rules=rules(before=15, after=30, length=60, step=15, notice=0))
    book = replace(book, store=store())  # no cap on measurements: only the designers limit
    for request in sequence:
        book = apply(book, request, now=EARLY)
    never_meet(book)


@pytest.mark.slow
def test_random_booking_sequences_in_zones_with_clock_changes() -> None:
    accepted = 0
    for seed in range(300):
        rng = Random(seed)  # noqa: S311 (test data)
        zone = rng.choice(["Europe/Berlin", "America/New_York", "Asia/Urumqi"])
        day = rng.choice([date(2026, 3, 29), date(2026, 11, 1), date(2026, 10, 25)])
        shop = store(zone)
        book = Diary(
            store=shop,
            designers=tuple(designer(f"d{i}") for i in range(rng.randint(1, 3))),
            appointments=(),
            rules=rules(before=rng.choice([0, 15]), after=rng.choice([0, 30]), step=15, window=400),
        )
        for _ in range(40):
            start = local(shop, day, 9) + timedelta(minutes=15 * rng.randint(-4, 40))
            kind = rng.choice([VISIT, MEASURE])
            place = GeoPoint(31.2 + rng.random() / 5, 121.4)
            book = apply(
                book,
                BookingRequest(kind=kind, start=start, place=place),
                now=EARLY - timedelta(days=300),
            )
        never_meet(book)
        accepted += len(book.appointments)
    assert accepted > 1000

"""Free slots at the boundaries of each rule: hours, notice, window, buffers, closures,
special hours, capacity, designers' hours and skills, travel, and days the clocks change."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sales.geo import GeoPoint, straight_line
from sales.hours import Span, WeeklyHours
from sales.slots import Diary, SlotQuery, free_slots
from sales.stores import Closure, Skill
from tests.sales.builders import MEASURE, VISIT, appointment, designer, local, rules, store

MONDAY = date(2026, 12, 7)
SHOP = store()
EARLY = datetime(2026, 12, 6, tzinfo=UTC)  # the day before, so notice never bites


def starts(
    diary: Diary,
    *,
    now: datetime = EARLY,
    day: date = MONDAY,
    last: date | None = None,
    **query: Any,
) -> list[str]:
    """The local starts (``MM-DD HH:MM``) offered from ``day`` to ``last``."""
    found = free_slots(
        diary,
        SlotQuery(kind=query.pop("kind", VISIT), first=day, last=last or day, **query),
        now=now,
        travel=straight_line(),
    )
    zone = diary.store.tz
    return [s.start.astimezone(zone).strftime("%m-%d %H:%M") for s in found]


def test_slots_fill_the_opening_hours_on_the_step() -> None:
    diary = Diary(store=SHOP, designers=(designer(),), appointments=(), rules=rules())
    found = starts(diary)
    assert found[0] == "12-07 09:00" and found[-1] == "12-07 17:00" and len(found) == 17


def test_minimum_notice_is_counted_from_now() -> None:
    diary = Diary(store=SHOP, designers=(designer(),), appointments=(), rules=rules(notice=60))
    assert starts(diary, now=local(SHOP, MONDAY, 10))[0] == "12-07 11:00"  # exactly the notice
    assert starts(diary, now=local(SHOP, MONDAY, 10, 1))[0] == "12-07 11:30"


def test_the_booking_window_starts_today_and_counts_whole_days() -> None:
    diary = Diary(store=SHOP, designers=(designer(),), appointments=(), rules=rules(window=2))
    now = local(SHOP, MONDAY, 8)
    found = starts(diary, now=now, day=MONDAY - timedelta(days=1), last=MONDAY + timedelta(days=5))
    assert {s[:5] for s in found} == {"12-07", "12-08"}


def test_buffers_keep_a_designer_clear_of_an_appointment() -> None:
    booked = appointment("d1", local(SHOP, MONDAY, 12))
    diary = Diary(
        store=SHOP,
        designers=(designer(),),
        appointments=(booked,),
        rules=rules(before=15, after=15),
    )
    found = starts(diary)
    assert "12-07 10:30" in found and "12-07 13:30" in found  # buffers just touch
    assert not {"12-07 11:00", "12-07 11:30", "12-07 12:00", "12-07 12:30", "12-07 13:00"} & set(
        found
    )


def test_another_designer_takes_the_slot_one_is_booked_for() -> None:
    booked = appointment("d1", local(SHOP, MONDAY, 12))
    diary = Diary(
        store=SHOP,
        designers=(designer("d1"), designer("d2")),
        appointments=(booked,),
        rules=rules(),
    )
    slots = free_slots(diary, SlotQuery(kind=VISIT, first=MONDAY, last=MONDAY), now=EARLY)
    noon = next(s for s in slots if s.start == local(SHOP, MONDAY, 12))
    assert noon.designers == ("d2",)


def test_no_slot_on_a_closure_day() -> None:
    closed = store(closures=(Closure(MONDAY, MONDAY, "holiday"),))
    diary = Diary(store=closed, designers=(designer(),), appointments=(), rules=rules())
    assert starts(diary, day=MONDAY - timedelta(days=1), last=MONDAY + timedelta(days=1)) == [
        *(f"12-06 {h:02}:{m:02}" for h in range(9, 18) for m in (0, 30) if (h, m) <= (17, 0)),
        *(f"12-08 {h:02}:{m:02}" for h in range(9, 18) for m in (0, 30) if (h, m) <= (17, 0)),
    ]


def test_special_hours_replace_the_week_on_their_date() -> None:
    short = store(special={MONDAY: (Span(time(14), time(16)),)})
    diary = Diary(store=short, designers=(designer(),), appointments=(), rules=rules())
    assert starts(diary) == ["12-07 14:00", "12-07 14:30", "12-07 15:00"]


def test_a_full_day_offers_nothing() -> None:
    capped = store(capacity={MEASURE: 1})
    booked = appointment("d1", local(capped, MONDAY, 9), kind=MEASURE)
    diary = Diary(
        store=capped,
        designers=(designer("d1"), designer("d2")),
        appointments=(booked,),
        rules=rules(),
    )
    assert starts(diary, kind=MEASURE) == []
    assert len(starts(diary, kind=VISIT)) == 17  # visits have no cap here


def test_designers_hours_days_off_and_skills() -> None:
    afternoon = WeeklyHours.same(Span(time(14), time(18)))
    team = (
        designer("d1", afternoon, skills=frozenset({Skill.KITCHENS})),
        designer("d2", days_off=frozenset({MONDAY})),
    )
    diary = Diary(store=SHOP, designers=team, appointments=(), rules=rules())
    assert starts(diary, skill=Skill.KITCHENS) == [
        "12-07 14:00",
        "12-07 14:30",
        "12-07 15:00",
        "12-07 15:30",
        "12-07 16:00",
        "12-07 16:30",
        "12-07 17:00",
    ]
    assert starts(diary, skill=Skill.WARDROBES) == []


def test_a_measurement_leaves_time_to_travel_from_the_last_appointment() -> None:
    home = GeoPoint(31.26, 121.40)  # 6.7 km away: 28 minutes at 20 km/h, 1.4 detour
    booked = appointment("d1", local(SHOP, MONDAY, 11))  # at the store until 12:00
    diary = Diary(store=SHOP, designers=(designer(),), appointments=(booked,), rules=rules(step=15))
    found = starts(diary, kind=MEASURE, place=home)
    assert "12-07 12:30" in found and "12-07 12:15" not in found
    assert "12-07 09:30" in found and "12-07 09:45" not in found  # and back before 11:00


def test_a_slot_lasts_its_real_length_on_the_night_the_clock_springs_forward() -> None:
    night = store("Europe/Berlin", WeeklyHours.same(Span(time(1), time(5))))
    diary = Diary(
        store=night,
        designers=(designer(hours=night.hours),),
        appointments=(),
        rules=rules(window=400),
    )
    sunday = date(2026, 3, 29)
    slots = free_slots(
        diary, SlotQuery(kind=VISIT, first=sunday, last=sunday), now=EARLY - timedelta(days=300)
    )
    assert [s.start.strftime("%H:%M") for s in slots] == [
        "00:00",
        "00:30",
        "01:00",
        "01:30",
        "02:00",
    ]
    assert {s.end - s.start for s in slots} == {timedelta(hours=1)}


def test_opening_hours_keep_their_wall_clock_across_a_clock_change() -> None:
    for zone, first in (
        ("Europe/Berlin", date(2026, 10, 23)),
        ("America/New_York", date(2026, 3, 6)),
    ):
        shop = store(zone)
        diary = Diary(store=shop, designers=(designer(),), appointments=(), rules=rules(window=400))
        slots = free_slots(
            diary,
            SlotQuery(kind=VISIT, first=first, last=first + timedelta(days=4)),
            now=datetime(2026, 1, 1, tzinfo=UTC),
        )
        walls = {s.start.astimezone(shop.tz).strftime("%H:%M") for s in slots}
        assert min(walls) == "09:00" and max(walls) == "17:00"
        assert len(slots) == 5 * 17

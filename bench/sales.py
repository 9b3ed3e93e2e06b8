"""Slot computation for a busy store (issue 13): 20 designers, a 30-day window, about three
appointments per designer and working day already booked; every free slot of the window for
a store visit, and for a home measurement with travel between homes.

Each figure is the median of the runs after a warm-up, wall-clock time. A bare
``python -c pass`` is timed in the same run, interleaved, so that a busy machine slows both
alike and the ratio can be compared across machines (``make bench``; BENCHMARKS.md).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from random import Random
from types import MappingProxyType

from sales.appointments import Appointment, AppointmentKind
from sales.demo import DEMO_RULES, demo_stores
from sales.geo import GeoPoint, straight_line
from sales.hours import Span, WeeklyHours
from sales.ids import AppointmentId, DesignerId
from sales.local_time import days
from sales.slots import Diary, SlotQuery, free_slots
from sales.stores import Designer, working_intervals

__all__ = ["busy_store", "main"]

NOW = datetime(2026, 12, 1, 0, tzinfo=UTC)  # 08:00 in Shanghai
FIRST = date(2026, 12, 1)
LAST = FIRST + timedelta(days=29)
HOME = GeoPoint(31.2304, 121.4737)
TRAVEL = straight_line()


def busy_store(designers: int = 20, per_day: int = 2, seed: int = 13) -> Diary:
    """The Xuhui demo store (no daily cap) with ``designers`` on two shifts, each off one
    weekday, and ``per_day`` appointments each working day, at the store or at homes."""
    rng = Random(seed)
    store = replace(demo_stores()[0], visit_capacity=MappingProxyType({}))
    shifts = (Span(clock_time(10), clock_time(19)), Span(clock_time(12), clock_time(21)))
    team = tuple(
        Designer(
            id=DesignerId(f"d{i:02}"),
            store=store.id,
            hours=WeeklyHours.same(shifts[i % 2], closed_on=(i % 7,)),
        )
        for i in range(designers)
    )
    booked: list[Appointment] = []
    for designer in team:
        for day in days(FIRST, LAST):
            for shift in working_intervals(store, designer, day):
                hours = range(int((shift.end - shift.start) / timedelta(hours=1)) - 1)
                for hour in rng.sample(hours, min(per_day, len(hours))):
                    kind = rng.choice(list(AppointmentKind))
                    start = shift.start + timedelta(hours=hour)
                    booked.append(
                        Appointment(
                            id=AppointmentId(f"a{len(booked)}"),
                            store=store.id,
                            designer=designer.id,
                            kind=kind,
                            start=start,
                            end=start + DEMO_RULES[kind].length,
                            place=GeoPoint(31.1 + rng.random() / 5, 121.35 + rng.random() / 5),
                        )
                    )
    return Diary(store=store, designers=team, appointments=tuple(booked), rules=DEMO_RULES)


def _python_pass() -> None:
    subprocess.run([sys.executable, "-c", "pass"], check=True)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    diary = busy_store()
    visit = SlotQuery(kind=AppointmentKind.STORE_VISIT, first=FIRST, last=LAST)
    measure = SlotQuery(kind=AppointmentKind.MEASUREMENT, first=FIRST, last=LAST, place=HOME)
    one_day = SlotQuery(kind=AppointmentKind.STORE_VISIT, first=FIRST, last=FIRST)
    actions: dict[str, Callable[[], object]] = {
        "python -c pass": _python_pass,
        "slots, store visit, 30 days": lambda: free_slots(diary, visit, now=NOW, travel=TRAVEL),
        "slots, measurement, 30 days": lambda: free_slots(diary, measure, now=NOW, travel=TRAVEL),
        "slots, store visit, 1 day": lambda: free_slots(diary, one_day, now=NOW, travel=TRAVEL),
    }
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs + 1):  # the first round warms up and is dropped
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(t[1:]) * 1000 for name, t in times.items()}
    counts = {q.kind: len(free_slots(diary, q, now=NOW, travel=TRAVEL)) for q in (visit, measure)}
    print(
        f"sales slots — {len(diary.designers)} designers, {len(diary.appointments)} appointments "
        f"booked, {FIRST}–{LAST}, {runs} interleaved runs, median"
    )
    print(f"  free slots found: {counts[visit.kind]} visits, {counts[measure.kind]} measurements")
    base = medians["python -c pass"]
    for name, ms in medians.items():
        print(f"  {name:<30} {ms:8.1f} ms   {ms / base:6.2f} x python -c pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())

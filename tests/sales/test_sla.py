"""The acceptance deadline counted in opening hours, and what a lapse leads to."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sales.demo import demo_designers, demo_stores
from sales.hours import Span, WeeklyHours
from sales.ids import DesignerId, LeadId
from sales.leads import Lead, LeadSource
from sales.reasons import RouteReason
from sales.routing import Workload
from sales.sla import Assignment, Escalate, Reassign, Sla, Waiting, sla_due, sla_outcome
from tests.sales.builders import store

XUHUI = demo_stores()[0]  # 10:00–21:00 on weekdays, 22:00 at weekends, Asia/Shanghai
TEAM = demo_designers()
TWO_HOURS = Sla()


def shanghai(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=XUHUI.tz)


def test_within_opening_hours_the_limit_is_plain_time() -> None:
    assert sla_due(shanghai(2, 11), XUHUI, TWO_HOURS) == shanghai(2, 13)


def test_the_limit_stops_at_closing_and_runs_on_at_opening() -> None:
    assert sla_due(shanghai(2, 20, 30), XUHUI, TWO_HOURS) == shanghai(3, 11, 30)
    assert sla_due(shanghai(2, 23), XUHUI, TWO_HOURS) == shanghai(3, 12)  # night: from opening
    assert sla_due(shanghai(2, 23), XUHUI, Sla(business_hours=False)) == shanghai(3, 1)


def test_special_hours_and_closures_count_too() -> None:
    assert sla_due(shanghai(31, 17), XUHUI, TWO_HOURS) == datetime(2027, 1, 1, 11, tzinfo=XUHUI.tz)
    spring = datetime(2027, 2, 4, 20, tzinfo=XUHUI.tz)  # closed 5–10 February
    assert sla_due(spring, XUHUI, TWO_HOURS) == datetime(2027, 2, 11, 11, tzinfo=XUHUI.tz)


def test_a_store_never_open_falls_back_to_plain_time() -> None:
    never = store(hours=WeeklyHours.same(Span(time(9), time(10)), closed_on=range(7)))
    at = datetime(2026, 12, 2, tzinfo=UTC)
    assert sla_due(at, never, TWO_HOURS) == at + timedelta(hours=2)


def test_the_clock_change_night_does_not_shift_the_deadline() -> None:
    berlin = store("Europe/Berlin", WeeklyHours.same(Span(time(9), time(18))))
    friday = datetime(2026, 10, 23, 17, tzinfo=berlin.tz)  # clocks go back on Sunday the 25th
    due = sla_due(friday, berlin, Sla(limit=timedelta(hours=20)))  # 1 + 9 + 9 + 1 hours
    assert due == datetime(2026, 10, 26, 10, tzinfo=berlin.tz)


def assignment(*lapsed: str) -> Assignment:
    lead = Lead(
        id=LeadId("l1"), source=LeadSource.PHONE, phone="+8613800138000", created_at=shanghai(2, 11)
    )
    return Assignment(
        lead=lead,
        designer=DesignerId("d-wang"),
        at=shanghai(2, 11),
        lapsed=tuple(DesignerId(d) for d in lapsed),
    )


def test_before_the_deadline_the_lead_waits() -> None:
    outcome = sla_outcome(assignment(), XUHUI, TEAM, {}, now=shanghai(2, 12, 59), sla=TWO_HOURS)
    assert outcome == Waiting(shanghai(2, 13))


def test_a_lapse_reassigns_inside_the_store_and_tells_the_manager() -> None:
    workload = {DesignerId("d-zhang"): Workload(assigned=5)}
    outcome = sla_outcome(assignment(), XUHUI, TEAM, workload, now=shanghai(2, 13), sla=TWO_HOURS)
    assert isinstance(outcome, Reassign) and outcome.to == "d-li" and outcome.notify_manager
    lapse, choice = outcome.reasons
    assert lapse.code is RouteReason.SLA_REASSIGNED and lapse.params["designer"] == "d-wang"
    assert choice.code is RouteReason.FAIR_SHARE


def test_a_second_lapse_or_nobody_else_goes_to_the_manager() -> None:
    again = sla_outcome(assignment("d-li"), XUHUI, TEAM, {}, now=shanghai(2, 14), sla=TWO_HOURS)
    assert isinstance(again, Escalate) and again.reason.params["why"] == "again"
    alone = sla_outcome(assignment(), XUHUI, TEAM[:1], {}, now=shanghai(2, 14), sla=TWO_HOURS)
    assert isinstance(alone, Escalate) and alone.reason.params["why"] == "nobody"
    assert alone.reason.code is RouteReason.SLA_ESCALATED and alone.notify_manager

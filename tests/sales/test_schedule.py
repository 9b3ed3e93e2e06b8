"""A store's schedule as its manager edits it (``sales.schedule``): what is read back is what
was shown, every mistake is found with its path, and the edit lands on the store and its
designers."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, time
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sales.appointments import AppointmentKind
from sales.demo import demo_designers, demo_stores
from sales.hours import Span
from sales.schedule import MAX_DESIGNERS, apply_schedule, read_schedule, schedule_view
from sales.stores import Skill

XUHUI = demo_stores()[0]
TEAM = tuple(d for d in demo_designers() if d.store == XUHUI.id)


def view() -> dict[str, Any]:
    return copy.deepcopy(schedule_view(XUHUI, TEAM))


def codes(body: object) -> list[tuple[str, str]]:
    edit, problems = read_schedule(body)
    assert (edit is None) == bool(problems)
    return [(str(p.code), p.path) for p in problems]


def test_the_view_reads_back_to_the_same_store_and_team() -> None:
    edit, problems = read_schedule(view())
    assert problems == [] and edit is not None
    store, team = apply_schedule(XUHUI, TEAM, edit)
    assert store == XUHUI
    assert sorted(team, key=lambda d: d.id) == sorted(TEAM, key=lambda d: d.id)


def test_an_edit_lands_on_the_store_and_keeps_a_designer_s_share() -> None:
    body = view()
    body["hours"][2] = [["14:00", "21:00"]]
    body["closures"].append({"first": "2026-12-24", "last": "2026-12-25", "name": ""})
    body["capacity"] = {"store_visit": 8, "measurement": None, "leads": 0}
    body["designers"] = [
        dict(body["designers"][0], days_off=["2026-12-02"], skills=["kitchens"]),
        {
            "id": "d-new",
            "name": " 新人 ",
            "hours": [[]] * 7,
            "days_off": [],
            "skills": ["wardrobes"],
        },
    ]
    edit, _ = read_schedule(body)
    assert edit is not None
    heavy = tuple(replace(d, weight=3) for d in TEAM)
    store, team = apply_schedule(XUHUI, heavy, edit)
    assert store.hours.days[2] == (Span(time(14), time(21)),)
    assert store.closed_on(date(2026, 12, 25)) and not store.closed_on(date(2026, 12, 26))
    assert dict(store.visit_capacity) == {AppointmentKind.STORE_VISIT: 8}
    assert store.lead_capacity == 0
    kept, new = team
    assert kept.weight == 3 and kept.skills == {Skill.KITCHENS}
    assert kept.days_off == {date(2026, 12, 2)}
    assert new.name == "新人" and new.store == XUHUI.id and new.weight == 1


@pytest.mark.parametrize(
    ("spans", "found"),
    [
        ([["10:00", "10:00"]], [("closes_before_opening", "hours[0][0]")]),
        ([["21:00", "10:00"]], [("closes_before_opening", "hours[0][0]")]),
        ([["10:00", "14:00"], ["13:59", "18:00"]], [("hours_overlap", "hours[0][1]")]),
        ([["10:00", "14:00"], ["14:00", "18:00"]], []),  # touching spans do not overlap
        ([["24:00", "23:59"]], [("invalid_value", "hours[0][0][0]")]),
        ([["00:00", "23:59"]], []),
        ([["", "18:00"]], [("missing_key", "hours[0][0][0]")]),  # an input left empty
        ([["9:00", "18:00"]], [("invalid_value", "hours[0][0][0]")]),
        ([["10:00"]], [("out_of_range", "hours[0][0]")]),
        ([[f"1{h}:00", f"1{h}:30"] for h in range(5)], [("too_many_items", "hours[0]")]),
    ],
)
def test_hours_within_a_day_that_close_after_they_open(
    spans: list[list[str]], found: list[tuple[str, str]]
) -> None:
    body = view()
    body["hours"][0] = spans
    assert codes(body) == found


def test_closures_run_forward_and_do_not_overlap() -> None:
    body = view()
    body["closures"] = [
        {"first": "2027-02-05", "last": "2027-02-10", "name": "春节"},
        {"first": "2027-02-10", "last": "2027-02-12"},  # shares the 10th
        {"first": "2027-03-02", "last": "2027-03-01"},
        {"first": "2027-02-11", "last": "2027-02-11"},  # the day after: fine
        {"first": "2027-02-30", "last": "2027-03-01"},
        {"first": "", "last": "2027-03-01"},
    ]
    assert codes(body) == [
        ("closures_overlap", "closures[1]"),
        ("closure_backwards", "closures[2].last"),
        ("invalid_value", "closures[4].first"),
        ("missing_key", "closures[5].first"),
    ]


def test_special_hours_once_a_date_and_sane_caps() -> None:
    body = view()
    body["special_hours"] = [
        {"date": "2026-12-31", "spans": [["10:00", "18:00"]]},
        {"date": "2026-12-31", "spans": []},
    ]
    body["capacity"] = {"store_visit": -1, "measurement": 201, "leads": 2.5, "other": 1}
    assert codes(body) == [
        ("date_twice", "special_hours[1].date"),
        ("unknown_key", "capacity.other"),
        ("out_of_range", "capacity.store_visit"),
        ("out_of_range", "capacity.measurement"),
        ("not_whole", "capacity.leads"),
    ]
    body["capacity"] = {"store_visit": 0, "measurement": 200, "leads": None}
    assert codes({**body, "special_hours": []}) == []


def test_designers_have_a_skill_an_id_once_and_a_name() -> None:
    body = view()
    first = body["designers"][0]
    body["designers"] = [
        dict(first, skills=[]),
        dict(first, name="  "),
        dict(first, id="Not An Id", skills=["sewing"]),
    ]
    assert codes(body) == [
        ("no_skill", "designers[0].skills"),
        ("invalid_value", "designers[1].name"),
        ("designer_twice", "designers[1].id"),
        ("invalid_value", "designers[2].id"),
        ("invalid_value", "designers[2].skills[0]"),
    ]
    body["designers"] = [dict(first, id=f"d{i}") for i in range(MAX_DESIGNERS + 1)]
    assert codes(body) == [("too_many_items", "designers")]


def test_a_body_that_is_not_a_schedule() -> None:
    assert codes([]) == [("wrong_type", "")]
    assert codes({}) == [
        ("missing_key", k) for k in ("hours", "special_hours", "closures", "capacity", "designers")
    ]
    body = view()
    body["hours"] = body["hours"][:6]
    assert codes(body) == [("out_of_range", "hours")]


_HHMM = st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02}:{t[1]:02}")


@given(st.lists(st.tuples(_HHMM, _HHMM), max_size=4))
def test_any_day_read_is_sorted_spans_that_neither_overlap_nor_run_backwards(
    pairs: list[tuple[str, str]],
) -> None:
    body = view()
    body["hours"][3] = [list(p) for p in pairs]
    edit, problems = read_schedule(body)
    if edit is None:
        assert {str(p.code) for p in problems} <= {"closes_before_opening", "hours_overlap"}
        return
    spans = edit.hours.days[3]
    assert len(spans) == len(pairs)
    assert all(s.start < s.end for s in spans)
    assert all(a.end <= b.start for a, b in pairwise(spans))

"""Routing: each rule at its edge, and 10,000 simulated leads: no store over its daily cap,
equally available designers within 2 % of a fair share, a reason for every decision."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from random import Random

import pytest

from sales.demo import demo_designers, demo_stores
from sales.geo import GeoPoint
from sales.hours import Span, WeeklyHours
from sales.ids import DesignerId, DistrictCode, LeadId, StoreId
from sales.leads import Lead, LeadSource
from sales.local_time import local_date
from sales.reasons import RouteReason
from sales.routing import RoutingRules, Workload, route_designer, route_store, working_day
from sales.stores import Designer, Skill, Store

XUHUI, PUDONG, URUMQI = demo_stores()
AT = datetime(2026, 12, 2, 3, tzinfo=UTC)  # Wednesday 11:00 in Shanghai
PEOPLES_SQUARE = GeoPoint(31.2304, 121.4737)


def lead(**fields: object) -> Lead:
    base = Lead(
        id=LeadId("l1"), source=LeadSource.QUOTE_REQUEST, phone="+8613800138000", created_at=AT
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_a_booking_goes_to_its_store_and_designer() -> None:
    booked = lead(
        source=LeadSource.BOOKING, booked_store=PUDONG.id, booked_designer=DesignerId("d-liu")
    )
    route = route_store(booked, demo_stores(), {PUDONG.id: 999})
    assert route.store == PUDONG.id and route.reason.code is RouteReason.BOOKED_STORE
    team = demo_designers()
    pick = route_designer(booked, PUDONG, team, {DesignerId("d-liu"): Workload(open=99)}, at=AT)
    assert pick.designer == "d-liu" and pick.reason.code is RouteReason.BOOKED_DESIGNER


def test_the_customers_choice_then_their_district_then_the_nearest_then_the_pool() -> None:
    stores = demo_stores()
    chosen = lead(chosen_store=URUMQI.id, district=DistrictCode("310115"))
    assert route_store(chosen, stores, {}).store == URUMQI.id
    full = route_store(chosen, stores, {URUMQI.id: 15})
    assert full.store == PUDONG.id and full.reason.code is RouteReason.SERVICE_DISTRICT
    assert full.reason.params["full"] == "xj-urumqi"
    near = route_store(lead(location=PEOPLES_SQUARE), stores, {})
    assert near.store == PUDONG.id and near.reason.code is RouteReason.NEAREST_STORE
    assert near.reason.params["km"] == 4.9
    second = route_store(lead(location=PEOPLES_SQUARE), stores, {PUDONG.id: 30})
    assert second.store == XUHUI.id and second.reason.params["km"] == 5.9
    far = route_store(lead(location=GeoPoint(39.9, 116.4)), stores, {})  # Beijing
    assert far.store is None and far.reason.code is RouteReason.FALLBACK_POOL
    reach = route_store(lead(location=GeoPoint(39.9, 116.4)), stores, {}, RoutingRules(max_km=2000))
    assert reach.store == PUDONG.id


def test_of_two_stores_serving_a_district_the_nearer_takes_it() -> None:
    both = replace(XUHUI, districts=PUDONG.districts)
    route = route_store(
        lead(district=DistrictCode("310115"), location=PEOPLES_SQUARE), [both, PUDONG], {}
    )
    assert route.store == PUDONG.id and route.reason.params["serving"] == 2


def test_designers_off_unskilled_or_at_their_cap_are_passed_over() -> None:
    team = demo_designers()
    monday = datetime(2026, 11, 30, 3, tzinfo=UTC)  # d-wang is off on Mondays
    kitchens = lead(skill=Skill.KITCHENS)
    pick = route_designer(kitchens, XUHUI, team, {}, at=monday)
    assert pick.designer == "d-li" and pick.reason.params["candidates"] == 2
    capped = replace(team[1], max_open_leads=3)
    pick = route_designer(
        kitchens, XUHUI, (team[0], capped, team[2]), {capped.id: Workload(open=3)}, at=monday
    )
    assert pick.designer == "d-zhang"
    nobody = route_designer(
        kitchens,
        PUDONG,
        team,
        {},
        at=monday,
        exclude=frozenset({DesignerId("d-chen"), DesignerId("d-liu")}),
    )
    assert nobody.designer is None and nobody.reason.code is RouteReason.NO_DESIGNER


def test_a_lead_after_closing_is_worked_the_next_open_day() -> None:
    late = datetime(2026, 12, 2, 14, 30, tzinfo=UTC)  # 22:30 in Shanghai, closed
    assert working_day(XUHUI, late) == date(2026, 12, 3)
    festival = datetime(2027, 2, 5, 3, tzinfo=UTC)
    assert working_day(XUHUI, festival) == date(2027, 2, 11)


def test_the_designer_furthest_below_a_fair_share_takes_it_by_weight() -> None:
    hours = WeeklyHours.same(Span(time(9), time(21)))
    team = (
        Designer(id=DesignerId("a"), store=XUHUI.id, hours=hours, weight=2),
        Designer(id=DesignerId("b"), store=XUHUI.id, hours=hours),
    )
    load: Counter[str] = Counter()
    for _ in range(300):
        pick = route_designer(
            lead(), XUHUI, team, {d: Workload(assigned=n) for d, n in load.items()}, at=AT
        )
        assert pick.designer is not None
        load[pick.designer] += 1
    assert load == {"a": 200, "b": 100}


# ----- the simulation -------------------------------------------------------------------

DAY_SHIFT = WeeklyHours.same(Span(time(10), time(21)))
BIG = replace(XUHUI, id=StoreId("big"), lead_capacity=60)
SMALL = replace(PUDONG, id=StoreId("small"), lead_capacity=30)
FAR = URUMQI  # 15 a day
TEAMS = {
    BIG.id: (
        *(Designer(id=DesignerId(f"big-{i}"), store=BIG.id, hours=DAY_SHIFT) for i in range(4)),
        Designer(
            id=DesignerId("big-parttime"),
            store=BIG.id,
            hours=WeeklyHours.same(Span(time(10), time(21)), closed_on=(0, 1, 2)),
        ),
        Designer(
            id=DesignerId("big-kitchens"),
            store=BIG.id,
            hours=DAY_SHIFT,
            skills=frozenset({Skill.KITCHENS}),
        ),
    ),
    SMALL.id: tuple(
        Designer(id=DesignerId(f"small-{i}"), store=SMALL.id, hours=DAY_SHIFT) for i in range(3)
    ),
    FAR.id: tuple(d for d in demo_designers() if d.store == FAR.id),
}
EQUALS = {BIG.id: [f"big-{i}" for i in range(4)], SMALL.id: [f"small-{i}" for i in range(3)]}


def simulated_lead(rng: Random, n: int, at: datetime) -> Lead:
    where = rng.random()
    location = (
        GeoPoint(31.2 + rng.uniform(-0.1, 0.1), 121.45 + rng.uniform(-0.1, 0.1))
        if where < 0.6
        else GeoPoint(43.8 + rng.uniform(-0.1, 0.1), 87.6)
        if where < 0.75
        else GeoPoint(39.9, 116.4)
        if where < 0.85
        else None
    )
    return Lead(
        id=LeadId(f"l{n}"),
        source=rng.choice([LeadSource.QUOTE_REQUEST, LeadSource.PHONE]),
        phone=f"+86138{n:08}",
        created_at=at,
        district=rng.choice(
            [
                None,
                None,
                DistrictCode("310104"),
                DistrictCode("310115"),
                DistrictCode("650102"),
                DistrictCode("999999"),
            ]
        ),
        location=location,
        skill=rng.choice([None, Skill.WARDROBES, Skill.KITCHENS]),
        chosen_store=rng.choice([None] * 8 + [BIG.id, FAR.id]),
    )


@pytest.mark.slow
def test_ten_thousand_simulated_leads() -> None:
    rng = Random(13)  # noqa: S311 (test data)
    stores: list[Store] = [BIG, SMALL, FAR]
    routed: Counter[tuple[StoreId, date]] = Counter()
    assigned: Counter[DesignerId] = Counter()
    open_leads: Counter[DesignerId] = Counter()
    reasons: Counter[str] = Counter()
    at = datetime(2026, 12, 1, tzinfo=UTC)
    for n in range(10_000):
        at += timedelta(minutes=rng.randint(1, 16))  # about 160 a day, around the clock
        new = simulated_lead(rng, n, at)
        today = {s.id: routed[s.id, local_date(at, s.tz)] for s in stores}
        route = route_store(new, stores, today)
        reasons[route.reason.code] += 1
        assert route.reason.code in RouteReason
        if route.store is None:
            continue
        store = next(s for s in stores if s.id == route.store)
        day = local_date(at, store.tz)
        routed[store.id, day] += 1
        assert store.lead_capacity is not None and routed[store.id, day] <= store.lead_capacity
        workload = {
            d.id: Workload(open=open_leads[d.id], assigned=assigned[d.id]) for d in TEAMS[store.id]
        }
        pick = route_designer(new, store, TEAMS[store.id], workload, at=at)
        reasons[pick.reason.code] += 1
        assert pick.reason.code in RouteReason and pick.reason.params is not None
        if pick.designer is not None:
            assigned[pick.designer] += 1
            open_leads[pick.designer] += 1
        for d in list(open_leads):  # leads are won or lost as time passes
            if open_leads[d] and rng.random() < 0.3:
                open_leads[d] -= 1
    for group in EQUALS.values():
        counts = [assigned[DesignerId(d)] for d in group]
        fair = sum(counts) / len(counts)
        assert all(abs(c - fair) <= 0.02 * fair for c in counts), counts
        assert fair > 300
    assert sum(reasons.values()) > 10_000
    for store in stores:  # the caps did bind: the pool took what the stores could not
        assert max(n for (s, _), n in routed.items() if s == store.id) == store.lead_capacity
    assert {
        RouteReason.CHOSEN_STORE,
        RouteReason.SERVICE_DISTRICT,
        RouteReason.NEAREST_STORE,
        RouteReason.FALLBACK_POOL,
        RouteReason.FAIR_SHARE,
    } <= set(reasons)

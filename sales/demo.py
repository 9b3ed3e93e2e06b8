"""Demo stores and designers: two cities in two zones (Shanghai, Urumqi), for ``millwork
demo``, the pages and the tests. Plain values: the server stores them like any others."""

from __future__ import annotations

from datetime import date, time, timedelta
from types import MappingProxyType

from sales.appointments import AppointmentKind, KindRules
from sales.geo import GeoPoint
from sales.hours import Span, WeeklyHours
from sales.ids import DesignerId, DistrictCode, StoreId
from sales.stores import Closure, Designer, Skill, Store

__all__ = ["DEMO_RULES", "demo_designers", "demo_stores"]

DEMO_RULES = MappingProxyType(
    {
        AppointmentKind.STORE_VISIT: KindRules(
            kind=AppointmentKind.STORE_VISIT,
            length=timedelta(hours=1),
            buffer_after=timedelta(minutes=15),
            min_notice=timedelta(hours=2),
            window_days=30,
            step=timedelta(minutes=30),
        ),
        AppointmentKind.MEASUREMENT: KindRules(
            kind=AppointmentKind.MEASUREMENT,
            length=timedelta(hours=1, minutes=30),
            buffer_before=timedelta(minutes=15),
            buffer_after=timedelta(minutes=15),
            min_notice=timedelta(hours=24),
            window_days=30,
            step=timedelta(hours=1),
        ),
    }
)
"""A visit is an hour with a quarter for notes after; a measurement takes 90 minutes at the
customer's home, a day's notice, and travel between homes on top of its buffers."""

_SPRING_FESTIVAL = Closure(date(2027, 2, 5), date(2027, 2, 10), "春节")
_NEW_YEARS_EVE = MappingProxyType({date(2026, 12, 31): (Span(time(10), time(18)),)})
_SHANGHAI_HOURS = WeeklyHours(
    (*((Span(time(10), time(21)),),) * 5, *((Span(time(10), time(22)),),) * 2)
)


def demo_stores() -> tuple[Store, ...]:
    """Two Shanghai stores and one in Urumqi (Asia/Urumqi, two hours behind Beijing time)."""
    return (
        _shanghai(
            "sh-xuhui",
            "徐汇旗舰店",
            "徐汇区漕溪北路 88 号",
            GeoPoint(31.1880, 121.4365),
            ("310104", "310112"),
            caps=(6, 40),
        ),
        _shanghai(
            "sh-pudong",
            "浦东体验店",
            "浦东新区张杨路 500 号",
            GeoPoint(31.2300, 121.5250),
            ("310115",),
            caps=(4, 30),
        ),
        Store(
            id=StoreId("xj-urumqi"),
            name="乌鲁木齐天山店",
            city="乌鲁木齐",
            zone="Asia/Urumqi",
            address="乌鲁木齐市天山区解放北路 120 号",
            location=GeoPoint(43.7960, 87.6230),
            districts=frozenset({DistrictCode("650102"), DistrictCode("650103")}),
            hours=WeeklyHours.same(Span(time(10), time(13)), Span(time(14), time(20))),
            closures=(_SPRING_FESTIVAL,),
            visit_capacity=MappingProxyType({AppointmentKind.MEASUREMENT: 3}),
            lead_capacity=15,
        ),
    )


def _shanghai(
    id_: str,
    name: str,
    address: str,
    location: GeoPoint,
    districts: tuple[str, ...],
    *,
    caps: tuple[int, int],
) -> Store:
    """A Shanghai store with the city's hours and holidays; ``caps``: measurements and leads
    a day."""
    return Store(
        id=StoreId(id_),
        name=name,
        city="上海",
        zone="Asia/Shanghai",
        address="上海市" + address,
        location=location,
        districts=frozenset(DistrictCode(d) for d in districts),
        hours=_SHANGHAI_HOURS,
        special_hours=_NEW_YEARS_EVE,
        closures=(_SPRING_FESTIVAL,),
        visit_capacity=MappingProxyType({AppointmentKind.MEASUREMENT: caps[0]}),
        lead_capacity=caps[1],
    )


def demo_designers() -> tuple[Designer, ...]:
    """Three designers in each Shanghai store and two in Urumqi, early and late shifts."""
    early = WeeklyHours.same(Span(time(10), time(19)), closed_on=(0,))
    late = WeeklyHours.same(Span(time(12), time(21, 30)), closed_on=(1,))
    urumqi = Span(time(10), time(20))
    kitchens, wardrobes = frozenset({Skill.KITCHENS}), frozenset({Skill.WARDROBES})
    team = [
        ("d-wang", "sh-xuhui", "王芳", early, frozenset(Skill)),
        ("d-li", "sh-xuhui", "李强", late, frozenset(Skill)),
        ("d-zhang", "sh-xuhui", "张敏", late, kitchens),
        ("d-chen", "sh-pudong", "陈静", early, frozenset(Skill)),
        ("d-liu", "sh-pudong", "刘洋", late, frozenset(Skill)),
        ("d-zhao", "sh-pudong", "赵磊", early, wardrobes),
        (
            "d-aygul",
            "xj-urumqi",
            "阿依古丽",
            WeeklyHours.same(urumqi, closed_on=(0,)),
            frozenset(Skill),
        ),
        (
            "d-ma",
            "xj-urumqi",
            "马军",
            WeeklyHours.same(urumqi, closed_on=(3,)),
            frozenset(Skill),
        ),
    ]
    return tuple(
        Designer(id=DesignerId(i), store=StoreId(s), name=n, hours=h, skills=k)
        for i, s, n, h, k in team
    )

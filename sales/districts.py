"""Districts a customer can say they live in, with a point near each one's centre: what the
"book a visit" page measures the distance to a store from when the customer gives no more.

Centres are rounded to about a kilometre (a district is several kilometres wide): good enough
to sort stores by distance, never used as an address.
"""

from __future__ import annotations

from dataclasses import dataclass

from sales.geo import GeoPoint
from sales.ids import DistrictCode

__all__ = ["DISTRICTS", "District"]


@dataclass(frozen=True, slots=True, kw_only=True)
class District:
    """An administrative district (区) of a city the stores serve."""

    code: DistrictCode
    city: str
    name: str  # as written in Chinese
    name_en: str
    centre: GeoPoint


def _d(code: str, city: str, name: str, name_en: str, lat: float, lon: float) -> District:
    return District(
        code=DistrictCode(code), city=city, name=name, name_en=name_en, centre=GeoPoint(lat, lon)
    )


DISTRICTS: tuple[District, ...] = (
    _d("310101", "上海", "黄浦区", "Huangpu", 31.231, 121.484),
    _d("310104", "上海", "徐汇区", "Xuhui", 31.188, 121.437),
    _d("310105", "上海", "长宁区", "Changning", 31.220, 121.424),
    _d("310106", "上海", "静安区", "Jing'an", 31.229, 121.448),
    _d("310107", "上海", "普陀区", "Putuo", 31.249, 121.397),
    _d("310109", "上海", "虹口区", "Hongkou", 31.265, 121.505),
    _d("310110", "上海", "杨浦区", "Yangpu", 31.260, 121.526),
    _d("310112", "上海", "闵行区", "Minhang", 31.113, 121.382),
    _d("310113", "上海", "宝山区", "Baoshan", 31.405, 121.489),
    _d("310115", "上海", "浦东新区", "Pudong", 31.222, 121.545),
    _d("310117", "上海", "松江区", "Songjiang", 31.032, 121.228),
    _d("650102", "乌鲁木齐", "天山区", "Tianshan", 43.796, 87.631),
    _d("650103", "乌鲁木齐", "沙依巴克区", "Saybag", 43.789, 87.598),
    _d("650104", "乌鲁木齐", "新市区", "Xinshi", 43.871, 87.574),
    _d("650105", "乌鲁木齐", "水磨沟区", "Shuimogou", 43.833, 87.643),
    _d("650106", "乌鲁木齐", "头屯河区", "Toutunhe", 43.877, 87.428),
    _d("650109", "乌鲁木齐", "米东区", "Midong", 43.974, 87.655),
)
"""The districts of Shanghai and Urumqi around the demo stores."""

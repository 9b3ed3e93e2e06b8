"""Places on the earth: great-circle distance, and travel time estimated from it."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

__all__ = ["EARTH_RADIUS_KM", "GeoPoint", "Travel", "great_circle_km", "no_travel", "straight_line"]

EARTH_RADIUS_KM = 6371.0088
"""The mean earth radius (IUGG): the haversine's error against the ellipsoid stays under
0.5 %, far below what a drive through a city adds."""


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """A WGS-84 position in degrees."""

    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"not a position: {self.lat}, {self.lon}")


Travel = Callable[[GeoPoint, GeoPoint], timedelta]
"""How long a designer needs from one place to another (given by the caller: a map service
at the edge, or ``straight_line`` here)."""


def great_circle_km(a: GeoPoint, b: GeoPoint) -> float:
    """Haversine distance in kilometres.

    Examples
    --------
    >>> round(great_circle_km(GeoPoint(31.2304, 121.4737), GeoPoint(43.8256, 87.6168)))
    3268
    """
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def no_travel(a: GeoPoint, b: GeoPoint) -> timedelta:
    """Travel that takes no time (appointments all in one place)."""
    return timedelta(0)


def straight_line(
    speed_kmh: float = 20.0, detour: float = 1.4, minimum: timedelta = timedelta(minutes=15)
) -> Travel:
    """Travel estimated from the straight-line distance: roads are ``detour`` times longer,
    driven at ``speed_kmh`` (city traffic), and going anywhere else takes at least
    ``minimum`` (parking, the lift). Rounded up to whole minutes.

    Examples
    --------
    >>> travel = straight_line()
    >>> travel(GeoPoint(31.23, 121.47), GeoPoint(31.23, 121.47))
    datetime.timedelta(0)
    >>> travel(GeoPoint(31.23, 121.47), GeoPoint(31.30, 121.47))
    datetime.timedelta(seconds=1980)
    """
    if speed_kmh <= 0 or detour < 1:
        raise ValueError("speed must be positive and the detour at least 1")

    def travel(a: GeoPoint, b: GeoPoint) -> timedelta:
        if a == b:
            return timedelta(0)
        minutes = great_circle_km(a, b) * detour / speed_kmh * 60
        return max(minimum, timedelta(minutes=math.ceil(minutes)))

    return travel

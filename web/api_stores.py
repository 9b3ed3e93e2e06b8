"""``GET /api/v1/stores``: the stores (DESIGN.md §5); slots come with store visits."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from services.stores import ListedStore, list_stores
from web.api_support import backend_of
from web.openapi_shapes import ok

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["stores"])


@router.get("/stores", responses=ok(200, "every store", "StoreList"))
def get_stores(request: Request) -> dict[str, Any]:
    """Every store with its city and time zone and, when it takes bookings, its address,
    position and the districts it serves (no account needed)."""
    return {"stores": [_listed(s) for s in list_stores(backend=backend_of(request))]}


def _listed(listed: ListedStore) -> dict[str, Any]:
    s, place = listed.store, listed.place
    shown: dict[str, Any] = {"id": s.id, "name": s.name, "city": s.city, "timezone": s.timezone}
    if place is not None:
        shown["address"] = place.address
        shown["location"] = {"lat": place.location.lat, "lon": place.location.lon}
        shown["districts"] = sorted(place.districts)
    return shown

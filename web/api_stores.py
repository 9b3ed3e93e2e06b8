"""``GET /api/v1/stores``: the stores (DESIGN.md §5); slots come with store visits."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from services.stores import list_stores
from web.api_support import backend_of
from web.openapi_shapes import ok

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["stores"])


@router.get("/stores", responses=ok(200, "every store", "StoreList"))
def get_stores(request: Request) -> dict[str, Any]:
    """Every store with its city and time zone (no account needed)."""
    return {
        "stores": [
            {"id": s.id, "name": s.name, "city": s.city, "timezone": s.timezone}
            for s in list_stores(backend=backend_of(request))
        ]
    }

"""A store manager's schedule of their store: ``GET`` and ``PUT /api/v1/stores/{id}/schedule``
(hours, special hours, closures, daily caps, designers). The ``PUT`` needs the ``ETag`` of
the schedule it changed in ``If-Match`` (428 without, 412 when someone saved in between)."""

from __future__ import annotations

from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Header, Path, Request, Response

from services.store_schedule import StoreSchedule, edit_store_schedule, store_schedule
from web.api_support import CallerDep, JsonBody, backend_of
from web.booking_input import STORE_ID
from web.openapi import errors
from web.openapi_shapes import body, ok

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["stores"])
StoreIdPath = Annotated[str, Path(pattern=STORE_ID)]


@router.get(
    "/stores/{store_id}/schedule",
    responses=ok(200, "the schedule", "StoreSchedule", ETag="its version, for If-Match")
    | errors(401, 403, 404),
)
def get_schedule(
    store_id: StoreIdPath, request: Request, response: Response, caller: CallerDep
) -> dict[str, Any]:
    """The store's opening hours, closures, caps and designers (its manager only)."""
    found = store_schedule(store_id, actor=caller.actor, backend=backend_of(request))
    return _answer(found, response)


@router.put(
    "/stores/{store_id}/schedule",
    responses=ok(200, "saved: the schedule as kept", "StoreSchedule", ETag="its new version")
    | errors(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 503),
    openapi_extra=body("StoreSchedule"),
)
def put_schedule(
    store_id: StoreIdPath,
    request: Request,
    response: Response,
    caller: CallerDep,
    body: JsonBody,
    if_match: Annotated[str | None, Header(max_length=100)] = None,
) -> dict[str, Any]:
    """Replace the schedule; the free slots follow at once. A designer left out is no
    longer the store's. Booked appointments stay booked: ``stranded`` lists those ahead that
    the new hours have no room for (the store calls their customers)."""
    saved = edit_store_schedule(
        store_id, body, if_match, actor=caller.actor, backend=backend_of(request)
    )
    return _answer(saved, response)


def _answer(schedule: StoreSchedule, response: Response) -> dict[str, Any]:
    response.headers["ETag"] = schedule.etag
    response.headers["Cache-Control"] = "no-store"
    store = {"store_id": schedule.store_id, "name": schedule.name, "timezone": schedule.timezone}
    zone = ZoneInfo(schedule.timezone)
    stranded = [
        {
            "start": a.start.astimezone(zone).isoformat(),
            "end": a.end.astimezone(zone).isoformat(),
            "kind": str(a.kind),
            "designer": a.designer,
        }
        for a in schedule.stranded
    ]
    return {**store, **schedule.view, "stranded": stranded}

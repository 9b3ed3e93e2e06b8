"""Store visits (issue 13): ``GET /api/v1/stores/{id}/slots``, ``POST /api/v1/appointments``
(``Idempotency-Key``) and the manage link ``/api/v1/appointments/manage/{token}`` to read,
reschedule (``PATCH``), cancel (``DELETE``) and download the invitation (``….ics``).

A refused booking answers in the one error shape: 409 ``slot_taken`` when someone was
quicker, 422 for the other rules (too soon, closed, not a slot). The manage link's token is
the only key to the appointment (256 random bits, kept hashed): a link that is not one
answers 404 like a link that was never made.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from starlette.convertors import StringConvertor, register_url_convertor

from kernel.problems import Problem
from sales.appointments import AppointmentKind
from sales.problems import SalesProblem
from sales.stores import Skill
from services.booking import (
    MANAGE_PREFIX,
    Refusal,
    book,
    cancel_booking,
    manage_answer,
    read_booking,
    reschedule_booking,
    store_slots,
)
from services.booking_notices import invitation
from web.api_support import (
    CallerDep,
    JsonBody,
    actor_or_visitor,
    backend_of,
    lang_of,
)
from web.booking_input import KEY_PATTERN, STORE_ID, body_hash, checked_key, read_start
from web.booking_input import read_booking as read_request
from web.errors import error_body
from web.messages import problem_view, render_problem
from web.openapi import errors
from web.openapi_shapes import body, ok

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["bookings"])


class _ManageToken(StringConvertor):
    """A manage link's token in a path: only those match the manage routes, so
    ``…/{token}.ics`` is never read as a token ending in ``.ics`` (and a PATCH of the
    invitation is 405, not a reschedule)."""

    regex = re.escape(MANAGE_PREFIX) + r"[A-Za-z0-9_-]{43}"


register_url_convertor("manage_token", _ManageToken())
_CALENDAR: Final[dict[int | str, dict[str, Any]]] = {
    200: {"description": "the invitation", "content": {"text/calendar": {}}}
}
StoreIdPath = Annotated[str, Path(pattern=STORE_ID)]
TokenPath = Annotated[str, Path(max_length=64, description="the manage link's token")]


def _days(
    first: Annotated[date | None, Query(alias="from")] = None,
    last: Annotated[date | None, Query(alias="to")] = None,
    day: Annotated[date | None, Query(alias="date")] = None,
) -> tuple[date | None, date | None]:
    """The local dates asked for: ``from``–``to``, or the one ``date``."""
    return first or day, last or day


@router.get(
    "/stores/{store_id}/slots",
    responses=ok(200, "the free slots, by time", "SlotList") | errors(404, 422),
)
def get_slots(
    store_id: StoreIdPath,
    request: Request,
    kind: AppointmentKind,
    days: Annotated[tuple[date | None, date | None], Depends(_days)],
    skill: Skill | None = None,
) -> dict[str, Any]:
    """The free slots of one kind from local date ``from`` to ``to`` (at most 62 days), or
    on one ``date`` (by default today in the store's zone); times with the store's offset,
    each with how many designers are free."""
    backend = backend_of(request)
    calendar, slots = store_slots(store_id, kind, *days, backend=backend, skill=skill)
    zone = calendar.store.tz
    return {
        "store_id": store_id,
        "timezone": calendar.store.zone,
        "kind": str(kind),
        "slots": [
            {
                "start": s.start.astimezone(zone).isoformat(),
                "end": s.end.astimezone(zone).isoformat(),
                "designers": len(s.designers),
            }
            for s in slots
        ],
    }


@router.post(
    "/appointments",
    status_code=201,
    responses=ok(201, "booked: the appointment and its manage link", "Booking")
    | errors(400, 401, 403, 404, 409, 413, 415, 422, 429, 503),
    openapi_extra=body("BookingRequest"),
)
def post_booking(
    request: Request,
    response: Response,
    caller: CallerDep,
    body: JsonBody,
    idempotency_key: Annotated[
        str | None,
        # the pattern is documented (schemathesis sends what the schema allows); the check
        # itself is checked_key's, which answers in the JSON error shape with the key's path
        Header(max_length=255, json_schema_extra={"pattern": KEY_PATTERN}),
    ] = None,
) -> dict[str, Any]:
    """Book a store visit or a home measurement. With an ``Idempotency-Key``, the same
    request again gets the same answer (``Idempotent-Replayed: true``); another request
    under the key is 422 ``idempotency_key_reused``. 409 ``slot_taken`` when the time was
    just taken."""
    wanted = read_request(body)
    key = checked_key(idempotency_key)
    actor = actor_or_visitor(request, response, caller)
    result = book(wanted, key, body_hash(body), actor=actor, backend=backend_of(request))
    if result.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    if result.problem is not None:
        return _refused(request, response, result.problem)
    response.headers["Location"] = result.answer["manage_url"]
    return result.answer


@router.get(
    "/appointments/manage/{token:manage_token}.ics",
    responses=_CALENDAR | errors(404),
)
def get_invitation(token: TokenPath, request: Request) -> Response:
    """The appointment as an iCalendar invitation in the store's zone."""
    record, calendar = read_booking(token, backend=backend_of(request))
    text = invitation(record, calendar.store, now=backend_of(request).clock.now())
    return Response(
        text,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="appointment.ics"'},
    )


@router.get(
    "/appointments/manage/{token:manage_token}",
    responses=ok(200, "the appointment", "Booking") | errors(404),
)
def get_booking(token: TokenPath, request: Request) -> dict[str, Any]:
    """The appointment a manage link opens."""
    record, calendar = read_booking(token, backend=backend_of(request))
    return manage_answer(record, calendar, token, backend=backend_of(request))


@router.patch(
    "/appointments/manage/{token:manage_token}",
    responses=ok(200, "moved", "Booking") | errors(400, 404, 409, 413, 415, 422, 503),
    openapi_extra=body("Reschedule"),
)
def patch_booking(
    token: TokenPath, request: Request, response: Response, body: JsonBody
) -> dict[str, Any]:
    """Move the appointment to ``{start}`` (409 ``slot_taken`` if that time is not free)."""
    start = read_start(body)
    try:
        record, calendar = reschedule_booking(token, start, backend=backend_of(request))
    except Refusal as refused:
        return _refused(request, response, refused.problem)
    return manage_answer(record, calendar, token, backend=backend_of(request))


@router.delete(
    "/appointments/manage/{token:manage_token}",
    responses=ok(200, "cancelled (again: no change)", "Booking") | errors(404, 503),
)
def delete_booking(token: TokenPath, request: Request) -> dict[str, Any]:
    """Cancel the appointment: its time is free again."""
    record, calendar = cancel_booking(token, backend=backend_of(request))
    return manage_answer(record, calendar, token, backend=backend_of(request))


def _refused(request: Request, response: Response, problem: Problem) -> dict[str, Any]:
    """A refusal by the booking rules in the one error shape: 409 for ``slot_taken``, 422
    for the others (set on ``response``, which keeps a new visitor's cookies)."""
    lang = lang_of(request)
    response.status_code = 409 if problem.code is SalesProblem.SLOT_TAKEN else 422
    return error_body(
        str(problem.code), render_problem(problem, lang), [problem_view(problem, lang)]
    )

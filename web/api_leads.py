"""Leads (issue 13): ``POST /api/v1/leads`` (a consumer leaves a number, maybe with their
design), ``GET /api/v1/leads`` and ``…/{id}`` (those visible to me, each with its routing
reasons), ``POST /api/v1/leads/{id}/accept``, ``POST /api/v1/leads/{id}/assign`` (a store
manager hands a pooled lead to a designer), ``GET /api/v1/leads/summary`` (the sales view) and
``GET /api/v1/agenda`` (the appointments of my workspace).

A lead another role may not see answers 404; one it sees but may not accept (or assign), 403;
one no longer waiting to be accepted, 409 ``lead_already_accepted`` or ``lead_reassigned``;
one with a designer already, 409 ``lead_not_pooled`` to a hand-over.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Final

from fastapi import APIRouter, Path, Query, Request, Response

from services.booking_records import AppointmentRecord, Calendar
from services.lead_handover import hand_over
from services.lead_records import LeadRecord
from services.leads import (
    LeadConflict,
    accept_lead,
    agenda_of,
    lead_summary,
    leave_number,
    list_leads,
    read_lead,
)
from web.api_support import (
    CallerDep,
    JsonBody,
    actor_or_visitor,
    address_of,
    backend_of,
    lang_of,
    signed_in,
)
from web.errors import error_body
from web.lead_input import read_contact, read_designer
from web.messages import problem_view, render_problem
from web.openapi import errors
from web.openapi_shapes import body, ok

__all__ = ["lead_view", "router"]

router = APIRouter(prefix="/api/v1", tags=["leads"])

LeadPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,32}$")]
MAX_PAGE: Final = 100


@router.post(
    "/leads",
    status_code=202,
    responses=ok(202, "received (whether the number was known is not said)", "LeadReceived")
    | errors(400, 401, 403, 404, 413, 415, 422, 429, 503),
    openapi_extra=body("LeadRequest"),
)
def post_lead(
    request: Request, response: Response, caller: CallerDep, body: JsonBody
) -> dict[str, Any]:
    """Leave a phone number to be called back (``source`` ``phone``) or to get a quote
    (``quote_request``), with one's own design if any. A number that has a lead already
    joins it. One address may leave 20 an hour (429 after)."""
    backend = backend_of(request)
    contact = read_contact(body, backend.clock.now())
    actor = actor_or_visitor(request, response, caller)
    leave_number(contact, actor=actor, backend=backend, address=address_of(request))
    return {"received": True}


@router.get("/leads", responses=ok(200, "leads visible to me", "LeadList") | errors(401, 403, 422))
def get_leads(
    request: Request,
    caller: CallerDep,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> dict[str, Any]:
    """Leads visible to me, newest first: a designer's own (and those they let lapse), a
    store manager's store's, every store's for sales."""
    found, following = list_leads(
        actor=signed_in(caller), backend=backend_of(request), cursor=cursor, limit=limit
    )
    return {"leads": [lead_view(r) for r in found], "next_cursor": following}


@router.get(
    "/leads/summary",
    responses=ok(200, "leads by source, store and state", "LeadSummary") | errors(401, 403),
)
def get_lead_summary(request: Request, caller: CallerDep) -> dict[str, Any]:
    """Counts of leads by source, store and state, with conversion (sales: every store; a
    store manager: theirs)."""
    return lead_summary(actor=signed_in(caller), backend=backend_of(request))


@router.get("/leads/{lead_id}", responses=ok(200, "the lead", "Lead") | errors(401, 403, 404))
def get_lead(lead_id: LeadPath, request: Request, caller: CallerDep) -> dict[str, Any]:
    """One lead with its routing reasons."""
    return lead_view(read_lead(lead_id, actor=signed_in(caller), backend=backend_of(request)))


@router.post(
    "/leads/{lead_id}/accept",
    responses=ok(200, "accepted", "Lead") | errors(401, 403, 404, 409, 503),
)
def post_accept(
    lead_id: LeadPath, request: Request, response: Response, caller: CallerDep
) -> dict[str, Any]:
    """The assigned designer (or the store manager for them) accepts the lead within its
    SLA; 409 if it was accepted or reassigned meanwhile."""
    try:
        record = accept_lead(lead_id, actor=signed_in(caller), backend=backend_of(request))
    except LeadConflict as conflict:
        return _conflict(request, response, conflict)
    return lead_view(record)


@router.post(
    "/leads/{lead_id}/assign",
    responses=ok(200, "assigned", "Lead") | errors(400, 401, 403, 404, 409, 413, 415, 422, 503),
    openapi_extra=body("LeadAssign"),
)
def post_assign(
    lead_id: LeadPath, request: Request, response: Response, caller: CallerDep, body: JsonBody
) -> dict[str, Any]:
    """The store manager hands a lead waiting in the store's pool (no designer was free, or
    it lapsed back) to ``{designer_id}`` of the store, who then has the SLA to accept it;
    409 ``lead_not_pooled`` if a designer has it, 422 for a designer not of the store."""
    designer_id = read_designer(body)
    try:
        record = hand_over(
            lead_id, designer_id, actor=signed_in(caller), backend=backend_of(request)
        )
    except LeadConflict as conflict:
        return _conflict(request, response, conflict)
    return lead_view(record)


def _conflict(request: Request, response: Response, conflict: LeadConflict) -> dict[str, Any]:
    """A lead no longer as the caller saw it: 409 in the one error shape."""
    lang = lang_of(request)
    response.status_code = 409
    problem = conflict.problem
    return error_body(
        str(problem.code), render_problem(problem, lang), [problem_view(problem, lang)]
    )


@router.get("/agenda", responses=ok(200, "my appointments", "Agenda") | errors(401, 403, 422))
def get_agenda(
    request: Request,
    caller: CallerDep,
    first: Annotated[date | None, Query(alias="from")] = None,
    last: Annotated[date | None, Query(alias="to")] = None,
) -> dict[str, Any]:
    """Booked appointments from local date ``from`` to ``to`` (default: today and the six
    days after; at most 62 days) of my workspace: a designer's own, a store manager's store's,
    every store's for sales. Dates are Beijing time (the stores' own offsets in the times)."""
    backend = backend_of(request)
    actor = signed_in(caller)
    found = agenda_of(first, last, actor=actor, backend=backend)
    return {"appointments": [_appointment_view(r, lead, c) for r, lead, c in found]}


def lead_view(record: LeadRecord) -> dict[str, Any]:
    """A lead as the API shows it to the staff who may see it."""
    return {
        "id": record.id,
        "source": str(record.source),
        "state": str(record.state),
        "name": record.name,
        "phone": record.phone,
        "store_id": record.store_id,
        "designer_id": record.designer_id,
        "design_id": record.design_id,
        "design_url": f"/designs/{record.design_id}" if record.design_id else None,
        "appointment_id": record.appointment_id,
        "created_at": _iso(record.created_at),
        "assigned_at": _iso(record.assigned_at),
        "accepted_at": _iso(record.accepted_at),
        "sla_due": _iso(record.sla_due),
        "lapsed": list(record.lapsed),
        "reasons": [d.as_dict() for d in record.decisions],
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _appointment_view(
    record: AppointmentRecord, lead: str | None, calendar: Calendar
) -> dict[str, Any]:
    zone = calendar.store.tz
    designer = next((d.name for d in calendar.designers if d.id == record.designer_id), "")
    return {
        "id": record.id,
        "store_id": record.store_id,
        "store_name": calendar.store.name,
        "timezone": calendar.store.zone,
        "designer_id": record.designer_id,
        "designer_name": designer,
        "kind": str(record.kind),
        "start": record.start.astimezone(zone).isoformat(),
        "end": record.end.astimezone(zone).isoformat(),
        "name": record.customer_name,
        "phone": record.customer_phone,
        "address": record.address,
        "design_id": record.design_id,
        "design_url": f"/designs/{record.design_id}" if record.design_id else None,
        "lead_id": lead,
    }

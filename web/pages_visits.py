"""The store-visit pages: ``/book`` (book a visit or a home measurement, ``?design=`` the
design to bring), ``/appointments/manage/{token}`` (see, move or cancel a booking) and
``/stores/{id}/manage`` (a store manager's schedule). Shells like the other pages
(``web.pages``): what they show comes from the JSON API."""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse

from services.errors import Forbidden, NotFound, NotSignedIn
from services.store_schedule import store_schedule
from services.stores import districts
from web.api_support import backend_of
from web.auth import BadCredentials, caller_of
from web.booking_input import STORE_ID
from web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
_DESIGN: Final = r"^[A-Za-z0-9_\-]{1,100}$"
_TOKEN: Final = r"^[A-Za-z0-9_\-]{1,64}$"  # noqa: S105 (a pattern, not a secret)


@router.get("/book", response_class=HTMLResponse)
def book_page(
    request: Request, design: Annotated[str | None, Query(pattern=_DESIGN)] = None
) -> HTMLResponse:
    """Book a visit: stores by distance on a small map, the free times by day, the form."""
    places = [
        {
            "code": d.code,
            "city": d.city,
            "name": d.name,
            "name_en": d.name_en,
            "lat": d.centre.lat,
            "lon": d.centre.lon,
        }
        for d in districts()
    ]
    return page(request, "book.html", "book", design_id=design, districts=places)


@router.get("/appointments/manage/{token}", response_class=HTMLResponse)
def manage_visit_page(
    request: Request, token: Annotated[str, PathParam(pattern=_TOKEN)]
) -> HTMLResponse:
    """A booking's own page, opened by its link: see it, move it, cancel it."""
    return page(request, "manage_visit.html", "manage_visit", token=token)


@router.get("/stores/{store_id}/manage", response_class=HTMLResponse)
def manage_store_page(
    request: Request, store_id: Annotated[str, PathParam(pattern=STORE_ID)]
) -> HTMLResponse:
    """A store manager's schedule of their store: 404 for a store that is not one, a
    sign-in form for a visitor, 403 for anyone else signed in."""
    backend = backend_of(request)
    try:
        actor = caller_of(request, backend).actor
    except BadCredentials:
        actor = None
    try:
        found = store_schedule(store_id, actor=actor, backend=backend)
    except NotFound:
        return _refused(request, 404, "store_not_found", store_id)
    except NotSignedIn:
        return page(
            request,
            "manage_store.html",
            "manage_store",
            store_id=store_id,
            store="",
            access="sign_in",
        )
    except Forbidden:
        return _refused(request, 403, "not_manager", store_id)
    return page(
        request,
        "manage_store.html",
        "manage_store",
        store_id=store_id,
        store=found.name,
        access="ok",
    )


def _refused(request: Request, status: int, reason: str, store_id: str) -> HTMLResponse:
    answer = page(request, "refused.html", "page", store_id=store_id, reason=reason)
    answer.status_code = status
    return answer

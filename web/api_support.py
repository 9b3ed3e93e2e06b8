"""What the API's routes share: the backend and the caller as FastAPI dependencies, the JSON
body read the one way (``web.json_input``), the language asked for, and the answer to each
refusal of a use case in the one error shape."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Annotated, Any, Final

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from catalog.price_list import Method
from configurator.model.errors import InvalidDesign
from kernel.fields import MISSING, Reader
from pricing.promotions import Customer
from services.accounts import visit
from services.backend import Backend
from services.errors import (
    AlreadyExists,
    DesignHasErrors,
    Forbidden,
    InvalidInput,
    NotFound,
    NotSignedIn,
    QuotaExceeded,
    RevisionRequired,
    StaleRevision,
    StaleVersion,
    TooManyAttempts,
)
from services.evaluation import PriceRequest
from services.identity import Actor
from services.memo import EvaluationCache
from web.auth import BadCredentials, Caller, CsrfFailed, caller_of, keep_session
from web.errors import error_response
from web.hardening import require_json
from web.json_input import read_json
from web.messages import LANGUAGES, Language, problem_view, render_problem

__all__ = [
    "BadJson",
    "CallerDep",
    "JsonBody",
    "JsonBytes",
    "PriceOptions",
    "RevisionQuery",
    "actor_or_visitor",
    "address_of",
    "backend_of",
    "etag",
    "evaluation_cache_of",
    "handle_service_errors",
    "lang_of",
    "parse_json",
    "signed_in",
    "text_fields",
]


log = logging.getLogger(__name__)


class BadJson(Exception):
    """A body that is not JSON (400)."""


def backend_of(request: Request) -> Backend:
    """The app's backend (``create_app`` puts it on the app's state)."""
    backend: Backend = request.app.state.backend
    return backend


def evaluation_cache_of(request: Request) -> EvaluationCache:
    """The process's cache of what live edits reuse (``create_app`` puts it on the state)."""
    cache: EvaluationCache = request.app.state.evaluations
    return cache


def _caller(request: Request) -> Caller:
    return caller_of(request, backend_of(request))


async def _json_bytes(request: Request) -> bytes:
    require_json(request)
    return await request.body()  # BodyLimit stops reading past the limit


async def _json_body(request: Request) -> Any:
    return parse_json(await _json_bytes(request))


def parse_json(body: bytes) -> Any:
    """A JSON body read the one way (``BadJson`` if it is not JSON); for a large document,
    call it in a worker thread (a sync route), with the body from ``JsonBytes``."""
    try:
        return read_json(body)
    except ValueError as exc:
        raise BadJson(f"the body: {exc}") from None


def _price_options(
    coupon: Annotated[str | None, Query(max_length=64)] = None,
    member: bool = False,
    region: Annotated[str | None, Query(max_length=64)] = None,
    method: Method | None = None,
) -> PriceRequest:
    """Who asks for a price and by which method, from the query (as for evaluate)."""
    return PriceRequest(
        customer=Customer(member=member, coupon=coupon, region=region), method=method
    )


CallerDep = Annotated[Caller, Depends(_caller)]
JsonBody = Annotated[Any, Depends(_json_body)]
JsonBytes = Annotated[bytes, Depends(_json_bytes)]  # sent as JSON, not read yet
LangQuery = Annotated[Language, Query()]
PriceOptions = Annotated[PriceRequest, Depends(_price_options)]
RevisionQuery = Annotated[
    int | None, Query(ge=1, le=10**9, description="a revision number; the latest if not given")
]


def text_fields(
    body: object, required: Mapping[str, int], optional: Mapping[str, int] | None = None
) -> dict[str, str]:
    """The text fields of a JSON object body, each of at most its number of characters
    (``InvalidInput`` with every mistake: a missing or unknown key, a wrong type, control
    characters); absent optional fields are empty."""
    optional = optional or {}
    reader = Reader()
    reader.plain_text(body)
    fields = reader.mapping(body, "", required=required, optional=optional)
    read = {
        key: reader.text(fields.get(key, MISSING), key, max_length=limit)
        for key, limit in {**required, **optional}.items()
    }
    if reader.problems:
        raise InvalidInput(reader.problems)
    return read


def actor_or_visitor(request: Request, response: Response, caller: Caller) -> Actor:
    """The caller's actor; a visitor without a session gets an anonymous account now (and
    its session cookies with the answer)."""
    if caller.actor is not None:
        return caller.actor
    opened = visit(backend_of(request), address=address_of(request))
    keep_session(request, response, opened)
    return opened.account.actor


def signed_in(caller: Caller) -> Actor:
    """The caller's actor; ``NotSignedIn`` for a visitor without a session."""
    if caller.actor is None:
        raise NotSignedIn("sign in first")
    return caller.actor


def address_of(request: Request) -> str:
    """The caller's network address, what per-address limits count by (behind a proxy, the
    proxy's unless uvicorn is told to trust its forwarded-for header)."""
    return request.client.host if request.client else "unknown"


def lang_of(request: Request) -> Language:
    """The language a request asks its messages in (``lang``), else English."""
    asked = request.query_params.get("lang", "en")
    return asked if asked in LANGUAGES else "en"  # type: ignore[return-value]


def etag(revision: int) -> str:
    """The ``ETag`` of a design at ``revision``: ``"3"``."""
    return f'"{revision}"'


# each refusal: its status, its code, and what to say (``None``: the exception's own words)
_REFUSALS: Final[dict[type[Exception], tuple[int, str, str | None]]] = {
    BadJson: (400, "invalid_json", None),
    BadCredentials: (401, "invalid_token", None),
    NotSignedIn: (401, "not_signed_in", None),
    CsrfFailed: (403, "csrf_failed", None),
    Forbidden: (403, "forbidden", None),
    QuotaExceeded: (403, "quota_exceeded", None),
    NotFound: (404, "not_found", None),
    AlreadyExists: (409, "already_exists", None),
    StaleRevision: (412, "stale_revision", None),
    StaleVersion: (412, "stale_version", None),
    RevisionRequired: (
        428,
        "revision_required",
        'send If-Match: "<revision>" of the one you changed',
    ),
    TooManyAttempts: (429, "too_many_attempts", None),
}


def _headers(exc: Exception) -> dict[str, str] | None:
    """The headers a refusal answers with: how to authenticate, the current revision, when
    to try again."""
    if isinstance(exc, BadCredentials):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, StaleRevision):
        return {"ETag": etag(exc.current)}
    if isinstance(exc, StaleVersion):
        return {"ETag": exc.current}
    if isinstance(exc, TooManyAttempts):
        return {"Retry-After": str(exc.retry_after_s)}
    return None


async def _refused(_: Request, exc: Exception) -> JSONResponse:
    status, code, words = _REFUSALS[type(exc)]
    return error_response(status, code, words or str(exc), headers=_headers(exc))


async def _with_problems(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InvalidDesign | InvalidInput | DesignHasErrors)
    lang = lang_of(request)
    problems = exc.problems
    if isinstance(exc, InvalidDesign):
        code = "invalid_design"
    elif isinstance(exc, DesignHasErrors):
        code = "design_has_errors"
    else:
        code = str(problems[0].code) if problems else "invalid_input"
    first = render_problem(problems[0], lang) if problems else code
    views = [problem_view(p, lang) for p in problems]
    return error_response(422, code, first, views)


async def _busy(_: Request, exc: Exception) -> JSONResponse:
    # The database could not be reached or stayed locked past its busy timeout (SQLite under a
    # burst of writers): nothing was written (the transaction rolled back); try again shortly.
    log.warning("database busy or unreachable: %s", exc)
    return error_response(
        503,
        "database_busy",
        "the database is busy; nothing was saved, try again in a moment",
        headers={"Retry-After": "1"},
    )


def handle_service_errors(app: FastAPI) -> None:
    """Each refusal of a use case, as its status and code."""
    app.add_exception_handler(OperationalError, _busy)
    for kind in _REFUSALS:
        app.add_exception_handler(kind, _refused)
    for kind in (InvalidDesign, InvalidInput, DesignHasErrors):
        app.add_exception_handler(kind, _with_problems)

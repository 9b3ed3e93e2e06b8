"""``/api/v1/session``, ``/api/v1/me``, ``/api/v1/accounts``: log in and out, who am I, sign up
(DESIGN.md §5). Each route calls one use case of ``services.accounts``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from services.accounts import Visitor, log_in, log_out, sign_up
from services.identity import Account
from web.api_support import CallerDep, JsonBody, address_of, backend_of, text_fields
from web.auth import Caller, clear_session, keep_session
from web.openapi import errors
from web.openapi_shapes import body, ok

__all__ = ["account_view", "router"]

router = APIRouter(prefix="/api/v1", tags=["accounts"])


def account_view(account: Account | None) -> dict[str, Any] | None:
    """An account as the API shows it (never its password hash)."""
    if account is None:
        return None
    return {
        "id": account.id,
        "login": account.login,
        "role": account.role.value,
        "store_id": account.store_id,
        "name": account.name,
    }


def _visitor(request: Request, caller: Caller) -> Visitor:
    return Visitor(
        actor=caller.actor, session_token=caller.session_token, address=address_of(request)
    )


@router.post(
    "/session",
    responses=ok(200, "signed in; sets the session and CSRF cookies", "AccountAnswer")
    | errors(400, 401, 403, 415, 422, 429),
    openapi_extra=body("LogIn"),
)
def post_session(
    request: Request, response: Response, caller: CallerDep, body: JsonBody
) -> dict[str, Any]:
    """Log in with ``{login, password}``; a visitor's designs move to the account."""
    given = text_fields(body, {"login": 64, "password": 256})
    opened = log_in(
        given["login"],
        given["password"],
        visitor=_visitor(request, caller),
        backend=backend_of(request),
    )
    keep_session(request, response, opened)
    return {"account": account_view(opened.account)}


@router.delete("/session", status_code=204, responses=errors(403))
def delete_session(request: Request, caller: CallerDep) -> Response:
    """Log out (nothing to do without a session)."""
    if caller.session_token:
        log_out(caller.session_token, backend=backend_of(request))
    answer = Response(status_code=204)
    clear_session(answer)
    return answer


@router.get("/me", responses=ok(200, "who am I", "AccountAnswer") | errors(401))
def get_me(caller: CallerDep) -> dict[str, Any]:
    """Who am I: the account (``null`` for a visitor who has not saved anything yet)."""
    return {"account": account_view(caller.account)}


@router.post(
    "/accounts",
    status_code=201,
    responses=ok(201, "signed up and in; sets the cookies", "AccountAnswer")
    | errors(400, 403, 409, 415, 422, 429),
    openapi_extra=body("SignUp"),
)
def post_account(
    request: Request, response: Response, caller: CallerDep, body: JsonBody
) -> dict[str, Any]:
    """Sign up as a consumer with ``{login, password, name?}``; signed in at once, with the
    visitor's designs."""
    given = text_fields(body, {"login": 64, "password": 256}, {"name": 100})
    opened = sign_up(
        given["login"],
        given["password"],
        name=given["name"],
        visitor=_visitor(request, caller),
        backend=backend_of(request),
    )
    keep_session(request, response, opened)
    return {"account": account_view(opened.account)}

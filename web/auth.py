"""Who is calling: a bearer API token, else the session cookie, else nobody (DESIGN.md §5).

Writes authenticated by the cookie must echo the session's CSRF token, which the browser
also holds in the readable ``millwork_csrf`` cookie, in ``X-CSRF-Token`` (double submit; the
token is the session's own, so a cookie planted by another site does not pass). Bearer
clients need no CSRF token: a browser never sends that header by itself. A bearer token that
is not a live one is refused (401), never ignored in favour of a cookie.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from fastapi import Request, Response

from services.accounts import SESSION_LIFETIME, OpenSession, session_account, token_account
from services.backend import Backend
from services.credentials import same_secret
from services.identity import Account, Actor

__all__ = [
    "CSRF_COOKIE",
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "BadCredentials",
    "Caller",
    "CsrfFailed",
    "caller_of",
    "clear_session",
    "keep_session",
]

SESSION_COOKIE: Final = "millwork_session"
CSRF_COOKIE: Final = "millwork_csrf"
CSRF_HEADER: Final = "X-CSRF-Token"
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
LOCAL_HOSTS: Final = frozenset({"localhost", "127.0.0.1", "::1", "testserver"})


class BadCredentials(Exception):
    """A bearer token that is not a live one (401)."""


class CsrfFailed(Exception):
    """A cookie-authenticated write without the session's CSRF token (403)."""


@dataclass(frozen=True, slots=True)
class Caller:
    """The account a request runs as (``None``: a visitor without a session yet)."""

    account: Account | None
    session_token: str | None = None

    @property
    def actor(self) -> Actor | None:
        return None if self.account is None else self.account.actor


def caller_of(request: Request, backend: Backend) -> Caller:
    """Who sends ``request``; ``BadCredentials`` or ``CsrfFailed`` when it cannot be let in."""
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme:
        if scheme.lower() != "bearer":
            raise BadCredentials("use Authorization: Bearer <API token>")
        account = token_account(credentials.strip(), backend=backend)
        if account is None:
            raise BadCredentials("the API token is not valid (revoked, or its account disabled)")
        return Caller(account)
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return Caller(None)
    found = session_account(token, backend=backend)
    if found is None:
        return Caller(None)  # expired or ended: the browser carries on as a new visitor
    account, csrf = found
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not same_secret(sent, csrf):
            raise CsrfFailed(f"send the {CSRF_COOKIE} cookie's value in {CSRF_HEADER}")
    return Caller(account, token)


def keep_session(request: Request, response: Response, opened: OpenSession) -> None:
    """Give the browser its session: the token HttpOnly, the CSRF token readable by the
    page; both SameSite=Lax, and Secure unless the app is served on this machine."""
    secure = (request.url.hostname or "") not in LOCAL_HOSTS
    for name, value, http_only in (
        (SESSION_COOKIE, opened.token, True),
        (CSRF_COOKIE, opened.csrf_token, False),
    ):
        response.set_cookie(
            name,
            value,
            max_age=int(SESSION_LIFETIME.total_seconds()),
            path="/",
            secure=secure,
            httponly=http_only,
            samesite="lax",
        )


def clear_session(response: Response) -> None:
    """Make the browser forget its session."""
    for name in (SESSION_COOKIE, CSRF_COOKIE):
        response.delete_cookie(name, path="/")

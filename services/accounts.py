"""Accounts: visitors, sign-up, log-in and log-out, who is asking, and the administrators'
accounts and API tokens (DESIGN.md §5, §7).

A visitor who saves something gets an anonymous account and a session; signing up turns that
account into a consumer's (same id, so their designs stay theirs), and logging in to an
existing account moves the visitor's designs to it. Failed log-ins are counted per login and
per address; past the limit every attempt is refused for a while, right password or not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from typing import Final

from kernel.problems import Problem
from services.backend import Backend
from services.credentials import check_password, hash_password, hash_token, new_token
from services.errors import InvalidInput, NotFound, NotSignedIn, TooManyAttempts
from services.identity import STORE_ROLES, Account, Actor, Role
from services.ports import Clock, NewAccount, SessionStore
from services.problems import ServiceProblem
from services.throttle import NEW_VISITOR, SIGN_UP, admit

__all__ = [
    "FAILURE_WINDOW",
    "MAX_FAILURES_PER_ADDRESS",
    "MAX_FAILURES_PER_LOGIN",
    "SESSION_LIFETIME",
    "OpenSession",
    "Visitor",
    "add_user",
    "create_token",
    "disable_user",
    "enable_user",
    "list_users",
    "log_in",
    "log_out",
    "revoke_token",
    "session_account",
    "set_password",
    "sign_up",
    "token_account",
    "visit",
]

SESSION_LIFETIME: Final = timedelta(days=14)
FAILURE_WINDOW: Final = timedelta(minutes=15)
MAX_FAILURES_PER_LOGIN: Final = 5  # then that login is locked for the window
MAX_FAILURES_PER_ADDRESS: Final = 20  # then that address is, whatever login it tries
MIN_PASSWORD: Final = 10
MAX_PASSWORD: Final = 256  # argon2 hashes any length; a cap keeps a request cheap
LOGIN: Final = re.compile(r"[a-z0-9][a-z0-9._@+-]{2,63}")
SESSION_PREFIX: Final = "mws_"
API_PREFIX: Final = "mwt_"


@dataclass(frozen=True, slots=True, kw_only=True)
class Visitor:
    """Who signs up or logs in: the account they browse as (an anonymous visitor's, whose
    designs come along), the session token they have (ended: a new one is opened, so a
    token planted before never becomes the account's), and their address (for limits)."""

    actor: Actor | None = None
    session_token: str | None = None
    address: str = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenSession:
    """A session just opened: the account, and the two secrets the browser keeps."""

    account: Account
    token: str
    csrf_token: str


def visit(backend: Backend, *, address: str) -> OpenSession:
    """An anonymous visitor's account and session, made when they first save something
    (``TooManyAttempts`` when one address makes too many)."""
    admit(NEW_VISITOR, address, throttle=backend.throttle, clock=backend.clock)
    account = backend.accounts.add(
        NewAccount(login=None, role=Role.ANONYMOUS, at=backend.clock.now())
    )
    return _open(account, backend.sessions, backend.clock)


def sign_up(
    login: str,
    password: str,
    *,
    name: str = "",
    visitor: Visitor,
    backend: Backend,
) -> OpenSession:
    """A new consumer account, signed in; a visitor's designs come with it. One address
    may sign up only so often."""
    accounts, clock = backend.accounts, backend.clock
    admit(SIGN_UP, visitor.address, throttle=backend.throttle, clock=clock)
    new = NewAccount(
        login=_checked_login(login),
        role=Role.CONSUMER,
        at=clock.now(),
        name=name,
        password_hash=hash_password(_checked_password(password)),
    )
    was = visitor.actor
    if was is not None and was.role is Role.ANONYMOUS:
        account = accounts.promote(was.account_id, new)
    else:
        account = accounts.add(new)
    return _replace_session(account, visitor, backend)


def log_in(
    login: str,
    password: str,
    *,
    visitor: Visitor,
    backend: Backend,
) -> OpenSession:
    """A session for the account whose login and password these are; ``NotSignedIn`` if
    they are not (whichever is wrong), ``TooManyAttempts`` after too many failures."""
    accounts, now = backend.accounts, backend.clock.now()
    key = _normal_login(login)
    address = visitor.address
    # Counted as a failure before the password is checked, so that guesses sent together
    # see each other: with check-then-record, 40 at once were all checked, not 5.
    attempt = accounts.record_failure(key, address, now)
    by_login, by_address = accounts.failures_since(key, address, now - FAILURE_WINDOW)
    if by_login > MAX_FAILURES_PER_LOGIN or by_address > MAX_FAILURES_PER_ADDRESS:
        accounts.forget_failure(attempt)  # refused unchecked: it does not lengthen the lock
        raise TooManyAttempts(int(FAILURE_WINDOW.total_seconds()))
    try:
        found = accounts.credentials(key)
        account, hashed = found.account, found.password_hash
    except NotFound:
        account, hashed = None, None
    matches = check_password(hashed, password[:MAX_PASSWORD])  # same work when not found
    if account is None or account.disabled or not matches:
        raise NotSignedIn("wrong login or password")  # the attempt stays counted
    accounts.forget_failure(attempt)
    was = visitor.actor
    if was is not None and was.role is Role.ANONYMOUS:
        backend.designs.claim(was.account_id, account.id)
    return _replace_session(account, visitor, backend)


def log_out(token: str, *, backend: Backend) -> None:
    """End the session of a cookie's token."""
    backend.sessions.close(hash_token(token))


def session_account(token: str, *, backend: Backend) -> tuple[Account, str] | None:
    """The account of a live session cookie and the CSRF token it must echo, else ``None``."""
    if not token.startswith(SESSION_PREFIX):
        return None
    return backend.sessions.find(hash_token(token), backend.clock.now())


def token_account(token: str, *, backend: Backend) -> Account | None:
    """The account of a live API token, else ``None``."""
    if not token.startswith(API_PREFIX):
        return None
    return backend.tokens.find(hash_token(token))


def add_user(
    login: str,
    role: Role,
    password: str,
    *,
    store_id: str | None = None,
    name: str = "",
    backend: Backend,
) -> Account:
    """An administrator adds an account; designers and store managers need their store."""
    stores = backend.stores
    if role is Role.ANONYMOUS:
        raise InvalidInput([Problem.of(ServiceProblem.INVALID_LOGIN, "role", value=role.value)])
    if role in STORE_ROLES and store_id is None:
        raise InvalidInput([Problem.of(ServiceProblem.STORE_REQUIRED, "store", value=role.value)])
    if role not in STORE_ROLES and store_id is not None:
        raise InvalidInput(
            [Problem.of(ServiceProblem.STORE_NOT_ALLOWED, "store", value=role.value)]
        )
    if store_id is not None:
        try:
            stores.get(store_id)
        except NotFound:
            known = ", ".join(s.id for s in stores.all())
            raise InvalidInput(
                [Problem.of(ServiceProblem.UNKNOWN_STORE, "store", value=store_id, allowed=known)]
            ) from None
    return backend.accounts.add(
        NewAccount(
            login=_checked_login(login),
            role=role,
            at=backend.clock.now(),
            store_id=store_id,
            name=name,
            password_hash=hash_password(_checked_password(password)),
        )
    )


def list_users(*, backend: Backend) -> list[Account]:
    """Every account with a login (not the anonymous visitors'), in login order."""
    return backend.accounts.all()


def disable_user(login: str, *, backend: Backend) -> Account:
    """Disable an account: its sessions end and its API tokens are revoked at once, so that
    enabling it again (someone who left comes back) revives neither: it signs in anew."""
    account = backend.accounts.set_disabled(_normal_login(login), True)
    backend.sessions.close_all(account.id)
    backend.tokens.revoke_all(account.id, backend.clock.now())
    return account


def enable_user(login: str, *, backend: Backend) -> Account:
    """Enable a disabled account again; it signs in with its password and gets new tokens."""
    return backend.accounts.set_disabled(_normal_login(login), False)


def set_password(login: str, password: str, *, backend: Backend) -> Account:
    """An administrator sets a new password for an account (one that forgot it, or a demo
    account whose printed password is lost); its sessions end, so whoever knew the old
    password is signed out. ``NotFound`` if there is no such account."""
    hashed = hash_password(_checked_password(password))
    account = backend.accounts.set_password(_normal_login(login), hashed)
    backend.sessions.close_all(account.id)
    return account


def create_token(login: str, *, backend: Backend) -> tuple[int, str]:
    """A new API token for an account: its id and the token, which is shown only now.
    A disabled account gets none (``InvalidInput``)."""
    account = backend.accounts.credentials(_normal_login(login)).account
    if account.disabled:
        raise InvalidInput(
            [Problem.of(ServiceProblem.ACCOUNT_DISABLED, "login", value=account.login)]
        )
    token, hashed = new_token(API_PREFIX)
    return backend.tokens.create(account.id, hashed, backend.clock.now()), token


def revoke_token(token_id: int, *, backend: Backend) -> None:
    """Revoke an API token (``NotFound`` if there is no such live token)."""
    if not backend.tokens.revoke(token_id, backend.clock.now()):
        raise NotFound("API token", str(token_id))


def _replace_session(account: Account, visitor: Visitor, backend: Backend) -> OpenSession:
    """End the visitor's session, if any, and open one for ``account``."""
    if visitor.session_token:
        backend.sessions.close(hash_token(visitor.session_token))
    return _open(account, backend.sessions, backend.clock)


def _open(account: Account, sessions: SessionStore, clock: Clock) -> OpenSession:
    token, hashed = new_token(SESSION_PREFIX)
    csrf, _ = new_token("")
    now = clock.now()
    sessions.open(account.id, hashed, csrf, now, now + SESSION_LIFETIME)
    return OpenSession(account=account, token=token, csrf_token=csrf)


def _normal_login(login: str) -> str:
    """Logins compare without case and width (full-width letters from a Chinese IME).

    >>> _normal_login(" \uff24esigner1 ")
    'designer1'
    """
    return unicodedata.normalize("NFKC", login).strip().lower()


def _checked_login(login: str) -> str:
    normal = _normal_login(login)
    if not LOGIN.fullmatch(normal):
        raise InvalidInput([Problem.of(ServiceProblem.INVALID_LOGIN, "login", value=login[:64])])
    return normal


def _checked_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            [
                Problem.of(
                    ServiceProblem.WEAK_PASSWORD, "password", min=MIN_PASSWORD, max=MAX_PASSWORD
                )
            ]
        )
    return password

"""What the account and design API tests share: a design document, accounts of each role with
an API token or a session, and the headers a browser sends."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.accounts import Visitor, add_user, create_token, log_in, visit
from services.backend import Backend
from services.identity import Role
from services.ports import Store
from web.auth import CSRF_COOKIE, CSRF_HEADER

NOW: Final = datetime(2026, 11, 24, 4, tzinfo=UTC)
PASSWORD: Final = "correct horse battery"  # noqa: S105 (the test accounts')
BEDROOM: Final[dict[str, Any]] = json.loads(
    (Path(__file__).parents[2] / "examples" / "bedroom.json").read_text()
)
STORES: Final = ("sh-1", "bj-1")


def named(name: str) -> dict[str, Any]:
    """The bedroom under another name."""
    return {**copy.deepcopy(BEDROOM), "name": name}


def with_second_wardrobe() -> dict[str, Any]:
    """The bedroom with one more cabinet."""
    doc = copy.deepcopy(BEDROOM)
    doc["cabinets"].append(dict(doc["cabinets"][0], id="W2", offset_mm=1700, width_mm=800))
    return doc


def backend_of(app: FastAPI) -> Backend:
    backend: Backend = app.state.backend
    return backend


def close_app(app: FastAPI) -> None:
    """Close the database connections the app opened (its engine is the stores')."""
    backend_of(app).designs._engine.dispose()  # type: ignore[attr-defined]


def with_stores(backend: Backend) -> None:
    for store in STORES:
        backend.stores.put(Store(id=store, name=store, city="Shanghai", timezone="Asia/Shanghai"))


def bearer(backend: Backend, login: str, role: Role, store: str | None = None) -> dict[str, str]:
    """The headers of a machine client of a new account of ``role``."""
    add_user(login, role, PASSWORD, store_id=store, backend=backend)
    return {"Authorization": f"Bearer {create_token(login, backend=backend)[1]}"}


def session_headers(token: str, csrf: str) -> dict[str, str]:
    """What a browser with this session sends on a write: the cookies and the CSRF token."""
    return {"Cookie": f"millwork_session={token}; {CSRF_COOKIE}={csrf}", CSRF_HEADER: csrf}


def signed_in(
    backend: Backend, login: str | None, role: Role, store: str | None = None
) -> dict[str, str]:
    """The headers of a browser signed in to a new account of ``role`` (``None``: an
    anonymous visitor's)."""
    if login is None:
        opened = visit(backend, address="test")
    else:
        add_user(login, role, PASSWORD, store_id=store, backend=backend)
        opened = log_in(login, PASSWORD, visitor=Visitor(address="test"), backend=backend)
    return session_headers(opened.token, opened.csrf_token)


def csrf(client: TestClient) -> dict[str, str]:
    """The CSRF header a browser's page sends: its readable cookie's value."""
    return {CSRF_HEADER: client.cookies.get(CSRF_COOKIE) or ""}


def error_code(answer: Any) -> str:
    code: str = answer.json()["error"]["code"]
    return code

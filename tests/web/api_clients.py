"""An app on a migrated database of the test's own, at a fixed moment, and clients that call
it as an account (a bearer token), as a visitor with a session cookie, or as nobody."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from persistence.db import migrate
from services.accounts import add_user, create_token
from services.identity import Role
from tests.fakes import FixedClock
from web.app import create_app

__all__ = ["BEDROOM", "L_SHAPED", "NOW", "account", "an_app", "save", "visitor"]

NOW = datetime(2026, 11, 24, 4, tzinfo=UTC)  # the demo price list and promotions are valid
EXAMPLES = Path(__file__).parents[2] / "examples"
BEDROOM: dict[str, Any] = json.loads((EXAMPLES / "bedroom.json").read_text())
L_SHAPED: dict[str, Any] = json.loads((EXAMPLES / "l-shaped-bedroom.json").read_text())


def an_app(catalog: Catalog, url: str) -> FastAPI:
    """The app on the database at ``url``, migrated, its clock at ``NOW``."""
    migrate(url)
    return create_app(catalog=catalog, clock=FixedClock(NOW), database=url)


def account(app: FastAPI, login: str, role: Role = Role.CONSUMER) -> TestClient:
    """A client that calls as a new account of ``role`` (by API token: no CSRF token)."""
    backend = app.state.backend
    add_user(login, role, "a long enough password", backend=backend)
    _, token = create_token(login, backend=backend)
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def visitor(app: FastAPI) -> TestClient:
    """A client with no account yet: saving a design gives it an anonymous one (cookies)."""
    return TestClient(app, base_url="http://localhost")


def save(client: TestClient, document: dict[str, Any]) -> str:
    """Save ``document`` as a new design; its id."""
    answer = client.post("/api/v1/designs", json={"document": document})
    assert answer.status_code == 201, answer.text
    design_id: str = answer.json()["id"]
    return design_id

"""Costly acts are capped per address: new anonymous visitors (each an account and a
session) and sign-ups; past the cap, 429 with Retry-After, and nothing is made."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from persistence.db import migrate
from services.throttle import NEW_VISITOR, SIGN_UP
from tests.fakes import FixedClock
from web.app import create_app

BEDROOM = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def test_one_address_makes_only_so_many_new_visitors(catalog: Catalog, database_url: str) -> None:
    migrate(database_url)
    clock = FixedClock(NOW)
    app = create_app(catalog=catalog, clock=clock, database=database_url)
    # given an address that already brought in as many new visitors as it may this hour
    for _ in range(NEW_VISITOR.times):
        fresh = TestClient(app)  # no cookies: a new visitor each time
        assert fresh.post("/api/v1/designs", json={"document": BEDROOM}).status_code == 201
    # when one more new visitor saves a design
    refused = TestClient(app).post("/api/v1/designs", json={"document": BEDROOM})
    # then it is refused, says when to come back, and a visitor with a session is not affected
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_attempts"
    assert int(refused.headers["retry-after"]) > 0
    assert "millwork_session" not in refused.cookies
    # and once the window has passed, new visitors are welcome again
    clock.moment = NOW + NEW_VISITOR.window + timedelta(seconds=1)
    assert TestClient(app).post("/api/v1/designs", json={"document": BEDROOM}).status_code == 201


def test_one_address_signs_up_only_so_often(catalog: Catalog, database_url: str) -> None:
    migrate(database_url)
    app = create_app(catalog=catalog, clock=FixedClock(NOW), database=database_url)
    for n in range(SIGN_UP.times):
        answer = TestClient(app).post(
            "/api/v1/accounts", json={"login": f"person{n}", "password": "a long passphrase"}
        )
        assert answer.status_code == 201
    refused = TestClient(app).post(
        "/api/v1/accounts", json={"login": "one.more", "password": "a long passphrase"}
    )
    assert refused.status_code == 429
    # nothing was made: the login is still free once the window has passed
    assert "millwork_session" not in refused.cookies

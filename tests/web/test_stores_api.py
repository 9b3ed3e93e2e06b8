"""The stores list, and a shared design taken on by a store's designer: once one store looks
after it, a designer of another store with the same link cannot move it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from persistence.db import migrate
from services.accounts import add_user
from services.identity import Role
from services.ports import Store
from tests.fakes import FixedClock
from web.app import create_app

BEDROOM = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())
STORES = [
    Store(id="sh-xuhui", name="Xuhui", city="Shanghai", timezone="Asia/Shanghai"),
    Store(id="urc-1", name="Urumqi Centre", city="Urumqi", timezone="Asia/Urumqi"),
]
PASSWORD = "a long passphrase"  # noqa: S105 (a test account)


def signed_in(app: object, login: str) -> TestClient:
    client = TestClient(app)  # type: ignore[arg-type]
    answer = client.post("/api/v1/session", json={"login": login, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    client.headers["X-CSRF-Token"] = client.cookies["millwork_csrf"]
    return client


def test_stores_are_listed_and_a_shared_design_stays_with_the_store_that_took_it(
    catalog: Catalog, database_url: str
) -> None:
    migrate(database_url)
    app = create_app(
        catalog=catalog, clock=FixedClock(datetime(2026, 11, 30, tzinfo=UTC)), database=database_url
    )
    backend = app.state.backend
    for store in STORES:
        backend.stores.put(store)
    for login, store in (("designer.sh", "sh-xuhui"), ("designer.urc", "urc-1")):
        add_user(login, Role.DESIGNER, PASSWORD, store_id=store, backend=backend)
    assert TestClient(app).get("/api/v1/stores").json() == {
        "stores": [
            {"id": s.id, "name": s.name, "city": s.city, "timezone": s.timezone} for s in STORES
        ]
    }
    # given a visitor's design, shared
    visitor = TestClient(app)
    design = visitor.post("/api/v1/designs", json={"document": BEDROOM}).json()
    visitor.headers["X-CSRF-Token"] = visitor.cookies["millwork_csrf"]
    token = visitor.post(f"/api/v1/designs/{design['id']}/share").json()["token"]
    # when the Shanghai designer takes it on, it is in their store's care
    shanghai = signed_in(app, "designer.sh")
    taken = shanghai.post(f"/api/v1/shared/{token}/take")
    assert taken.status_code == 200 and taken.json()["store_id"] == "sh-xuhui"
    assert shanghai.get(f"/api/v1/designs/{design['id']}").status_code == 200
    # then a designer of another store cannot take it over with the same link
    urumqi = signed_in(app, "designer.urc")
    assert urumqi.post(f"/api/v1/shared/{token}/take").status_code == 403
    assert urumqi.get(f"/api/v1/designs/{design['id']}").status_code == 404

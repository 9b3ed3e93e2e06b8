"""``GET /api/v1/designs/{id}/people``: whose design it is and who saved its revisions, with
names and roles (what the in-store editor shows next to each override)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.accounts import Visitor, add_user, log_in
from services.designs import create_design, save_design, share_design, take_on
from services.identity import Role
from tests.web.designs_api import BEDROOM, PASSWORD, backend_of, named, session_headers, with_stores


def test_the_owner_comes_first_then_each_author_once(app: FastAPI) -> None:
    backend = backend_of(app)
    with_stores(backend)
    add_user("wang_1", Role.CONSUMER, PASSWORD, backend=backend, name="王女士")
    add_user("li_1", Role.DESIGNER, PASSWORD, store_id="sh-1", backend=backend)
    sessions = {
        login: log_in(login, PASSWORD, visitor=Visitor(address="test"), backend=backend)
        for login in ("wang_1", "li_1")
    }
    customer, designer = (sessions[x].account.actor for x in ("wang_1", "li_1"))
    design = create_design(BEDROOM, actor=customer, backend=backend)
    take_on(
        share_design(design.id, actor=customer, backend=backend), actor=designer, backend=backend
    )
    for n in (2, 3):
        save_design(
            design.id, named(f"v{n}"), expected=n - 1, actor=designer, backend=backend, note="why"
        )
    client = TestClient(app)
    li = sessions["li_1"]
    answer = client.get(
        f"/api/v1/designs/{design.id}/people", headers=session_headers(li.token, li.csrf_token)
    )
    assert answer.status_code == 200
    assert answer.json() == {
        "people": [
            {"id": customer.account_id, "name": "王女士", "role": "consumer"},
            {"id": designer.account_id, "name": "li_1", "role": "designer"},
        ]
    }
    assert client.get(f"/api/v1/designs/{design.id}/people").status_code == 401

"""The permission matrix (RELIABILITY.md A1): every role × every design route × the caller's
own design, a store's customer's design and a customer's private one, on SQLite and on
PostgreSQL, one test per cell, from the table below. A design the caller may not see is 404,
exactly as one that does not exist (never 403, never 200), and no list shows it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from persistence.db import migrate
from services.accounts import Visitor, add_user, log_in, visit
from services.backend import Backend
from services.designs import create_design, share_design, take_on
from services.identity import Role
from tests.fakes import FixedClock
from tests.persistence.databases import DATABASES, empty_database
from tests.web.designs_api import (
    BEDROOM,
    NOW,
    PASSWORD,
    backend_of,
    close_app,
    session_headers,
    with_stores,
)
from web.app import create_app

# role: (Role, store) — "none" has no session at all
ROLES: Final[dict[str, tuple[Role | None, str | None]]] = {
    "none": (None, None),
    "anonymous": (Role.ANONYMOUS, None),
    "owner": (Role.CONSUMER, None),
    "consumer": (Role.CONSUMER, None),
    "designer_same": (Role.DESIGNER, "sh-1"),
    "designer_other": (Role.DESIGNER, "bj-1"),
    "manager_same": (Role.STORE_MANAGER, "sh-1"),
    "manager_other": (Role.STORE_MANAGER, "bj-1"),
    "sales": (Role.SALES, None),
    "factory": (Role.FACTORY, None),
    "admin": (Role.ADMIN, None),
}

# what each role may do with the owner's design in store sh-1's care ("store") and with one
# in no store's care ("private"); everyone with a session does all with their own ("own")
FULL, READ, HIDDEN, UNAUTHORISED = "full", "read", "hidden", "unauthorised"
ACCESS: Final[dict[str, dict[str, str]]] = {
    "none": {"store": UNAUTHORISED, "private": UNAUTHORISED},
    "anonymous": {"store": HIDDEN, "private": HIDDEN},
    "owner": {"store": FULL, "private": FULL},
    "consumer": {"store": HIDDEN, "private": HIDDEN},
    "designer_same": {"store": FULL, "private": HIDDEN},
    "designer_other": {"store": HIDDEN, "private": HIDDEN},
    "manager_same": {"store": FULL, "private": HIDDEN},
    "manager_other": {"store": HIDDEN, "private": HIDDEN},
    "sales": {"store": READ, "private": HIDDEN},
    "factory": {"store": HIDDEN, "private": HIDDEN},
    "admin": {"store": HIDDEN, "private": HIDDEN},
}

# route: (method, path after /api/v1/designs/{id}, status when allowed, when only read)
ROUTES: Final[dict[str, tuple[str, str, int, int]]] = {
    "read": ("GET", "", 200, 200),
    "update": ("PUT", "", 200, 403),
    "history": ("GET", "/revisions", 200, 200),
    "revision": ("GET", "/revisions/1", 200, 200),
    "people": ("GET", "/people", 200, 200),
    "diff": ("GET", "/diff?from=1&to=1", 200, 200),
    "copy": ("POST", "/copy", 201, 201),
    "share": ("POST", "/share", 201, 403),
    "unshare": ("DELETE", "/share", 200, 403),
    "evaluation": ("GET", "/evaluation", 200, 200),
    "model": ("GET", "/model.glb", 200, 200),
    "plan": ("GET", "/plan.svg", 200, 200),
    "elevation": ("GET", "/elevation/0.svg", 200, 200),
    "cut list": ("GET", "/cutlist.csv", 200, 200),
    "quotes": ("GET", "/quotes", 200, 200),
    "issue quote": ("POST", "/quotes", 201, 403),
}


def expected(route: str, access: str, role: str) -> int:
    _, _, allowed, read_only = ROUTES[route]
    if route == "issue quote" and role == "anonymous" and access == FULL:
        return 403  # a visitor owns their design but must sign up before a quote
    return {FULL: allowed, READ: read_only, HIDDEN: 404, UNAUTHORISED: 401}[access]


@dataclass(frozen=True, slots=True)
class World:
    """One app with an account (and a browser session) of every role, and designs."""

    client: TestClient
    backend: Backend
    headers: dict[str, dict[str, str]]
    designs: dict[str, str]  # "store", "private", and "own:<role>"


def _build(app: FastAPI, client: TestClient) -> World:
    backend = backend_of(app)
    with_stores(backend)
    headers: dict[str, dict[str, str]] = {"none": {}}
    actors = {}
    for name, (role, store) in ROLES.items():
        if role is None:
            continue
        if role is Role.ANONYMOUS:
            opened = visit(backend, address="test")
        else:
            add_user(name, role, PASSWORD, store_id=store, backend=backend)
            opened = log_in(name, PASSWORD, visitor=Visitor(address="test"), backend=backend)
        headers[name] = session_headers(opened.token, opened.csrf_token)
        actors[name] = opened.account.actor
    designs = {
        f"own:{n}": create_design(BEDROOM, actor=a, backend=backend).id for n, a in actors.items()
    }
    owner = actors["owner"]
    designs["private"] = create_design(BEDROOM, actor=owner, backend=backend).id
    designs["store"] = create_design(BEDROOM, actor=owner, backend=backend).id
    link = share_design(designs["store"], actor=owner, backend=backend)
    take_on(link, actor=actors["designer_same"], backend=backend)
    return World(client, backend, headers, designs)


@pytest.fixture(scope="module", params=DATABASES)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, catalog: Catalog
) -> Iterator[World]:
    folder: Path = tmp_path_factory.mktemp("matrix")
    with empty_database(request.param, folder) as url:
        migrate(url)
        app = create_app(catalog=catalog, clock=FixedClock(NOW), database=url)
        try:
            with TestClient(app) as client:
                yield _build(app, client)
        finally:
            close_app(app)


def call(world: World, role: str, route: str, design_id: str) -> Any:
    method, tail, _, _ = ROUTES[route]
    headers = dict(world.headers[role])
    body = None
    if route == "update":
        body = {"document": BEDROOM}
        revision = world.backend.designs.get(design_id).revision
        headers["If-Match"] = f'"{revision}"'
    return world.client.request(
        method, f"/api/v1/designs/{design_id}{tail}", json=body, headers=headers
    )


CELLS = [
    pytest.param(role, route, target, id=f"{role}-{route}-{target}")
    for role in ROLES
    for target in ("own", "store", "private")
    for route in ROUTES
    if not (role == "none" and target == "own")
]


@pytest.mark.parametrize(("role", "route", "target"), CELLS)
def test_cell(world: World, role: str, route: str, target: str) -> None:
    access = FULL if target == "own" else ACCESS[role][target]
    design_id = world.designs[f"own:{role}" if target == "own" else target]
    answer = call(world, role, route, design_id)
    assert answer.status_code == expected(route, access, role), answer.text
    if answer.status_code == 404:
        assert answer.json()["error"]["code"] == "not_found"
        assert BEDROOM["name"] not in answer.text  # nothing of the design itself


def listed(world: World, role: str) -> list[str]:
    """Every design the role's list shows, page by page."""
    seen: list[str] = []
    cursor = ""
    while True:
        query = f"?limit=2{cursor}"
        answer = world.client.get(f"/api/v1/designs{query}", headers=world.headers[role])
        assert answer.status_code == 200, answer.text
        seen += [d["id"] for d in answer.json()["designs"]]
        if answer.json()["next_cursor"] is None:
            return seen
        cursor = f"&cursor={answer.json()['next_cursor']}"


@pytest.mark.parametrize("role", [r for r in ROLES if r != "none"])
def test_a_list_shows_what_the_role_may_read_and_nothing_else(world: World, role: str) -> None:
    seen = listed(world, role)
    assert len(seen) == len(set(seen))
    assert world.designs[f"own:{role}"] in seen
    for target in ("store", "private"):
        visible = ACCESS[role][target] in {FULL, READ}
        assert (world.designs[target] in seen) is visible, target
    for design_id in seen:  # whatever else is listed (copies made by other cells) is readable
        assert call(world, role, "read", design_id).status_code == 200
    mine = world.client.get("/api/v1/designs?mine=true&limit=100", headers=world.headers[role])
    owner_id = world.backend.designs.get(world.designs[f"own:{role}"]).owner_id
    assert all(d["owner"] == owner_id for d in mine.json()["designs"])


def test_no_session_gets_no_list(world: World) -> None:
    assert world.client.get("/api/v1/designs").status_code == 401


TAKERS = {"designer_same", "designer_other", "manager_same", "manager_other"}


@pytest.mark.parametrize("role", list(ROLES))
def test_a_share_link_is_read_by_anyone_and_taken_on_only_by_store_staff(
    world: World, role: str
) -> None:
    owner = world.backend.accounts.credentials("owner").account.actor
    fresh = create_design(BEDROOM, actor=owner, backend=world.backend)
    link = share_design(fresh.id, actor=owner, backend=world.backend)
    shown = world.client.get(f"/api/v1/shared/{link}", headers=world.headers[role])
    assert shown.status_code == 200 and "owner" not in shown.json()
    taken = world.client.post(f"/api/v1/shared/{link}/take", headers=world.headers[role])
    want = 200 if role in TAKERS else 401 if role == "none" else 403
    assert taken.status_code == want, taken.text
    store = ROLES[role][1] if role in TAKERS else None
    assert world.backend.designs.get(fresh.id).store_id == store


def test_the_matrix_covers_every_design_route() -> None:
    """A design route added to the API must be added to ROUTES (or here, with a reason)."""
    covered = {
        ("GET", "/api/v1/designs"),  # the lists, above
        ("POST", "/api/v1/designs"),  # creates one's own
        ("GET", "/api/v1/shared/{token}"),
        ("POST", "/api/v1/shared/{token}/take"),
    } | {(m, "/api/v1/designs/{design_id}" + t.split("?")[0]) for m, t, _, _ in ROUTES.values()}
    covered = {
        (m, p.replace("/revisions/1", "/revisions/{number}").replace("/0.svg", "/{wall}.svg"))
        for m, p in covered
    }
    app = create_app()
    routes = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith(("/api/v1/designs", "/api/v1/shared"))
        for method in operations
    }
    close_app(app)
    assert routes - covered == set(), "design routes the matrix does not cover: add to ROUTES"

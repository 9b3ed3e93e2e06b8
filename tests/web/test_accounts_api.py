"""``/api/v1/session``, ``/me``, ``/accounts``: sign-up, log-in, log-out; a visitor's designs
follow them; CSRF double submit, bearer tokens and the log-in limit (SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.accounts import MAX_FAILURES_PER_LOGIN, disable_user, revoke_token
from services.identity import Role
from tests.web.designs_api import (
    BEDROOM,
    PASSWORD,
    backend_of,
    bearer,
    csrf,
    error_code,
    signed_in,
    with_stores,
)
from web.auth import CSRF_COOKIE, SESSION_COOKIE

ALICE = {"login": "alice", "password": PASSWORD, "name": "Alice"}


def test_sign_up_signs_in_with_an_http_only_session_and_a_readable_csrf_cookie(
    client: TestClient,
) -> None:
    assert client.get("/api/v1/me").json() == {"account": None}
    answer = client.post("/api/v1/accounts", json=ALICE)
    assert answer.status_code == 201, answer.text
    account = answer.json()["account"]
    assert account | {"id": 0} == {
        "id": 0,
        "login": "alice",
        "role": "consumer",
        "store_id": None,
        "name": "Alice",
    }
    cookies = answer.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
    token = next(c for c in cookies if c.startswith(CSRF_COOKIE + "="))
    assert "HttpOnly" in session and "HttpOnly" not in token
    assert all("SameSite=lax" in c and "Path=/" in c for c in (session, token))
    assert client.get("/api/v1/me").json() == {"account": account}


def test_log_in_log_out_and_who_am_i(client: TestClient) -> None:
    client.post("/api/v1/accounts", json=ALICE)
    client.cookies.clear()
    answer = client.post("/api/v1/session", json={"login": "ALICE", "password": PASSWORD})
    assert answer.status_code == 200 and answer.json()["account"]["login"] == "alice"
    old = client.cookies[SESSION_COOKIE]
    assert client.delete("/api/v1/session", headers=csrf(client)).status_code == 204
    assert client.get("/api/v1/me").json() == {"account": None}
    client.cookies.set(SESSION_COOKIE, old)  # a copy of the ended session opens nothing
    assert client.get("/api/v1/me").json() == {"account": None}
    assert client.delete("/api/v1/session").status_code == 204  # nothing to end


def test_a_wrong_password_and_an_unknown_login_get_the_same_401(client: TestClient) -> None:
    client.post("/api/v1/accounts", json=ALICE)
    client.cookies.clear()
    for body in (
        {"login": "alice", "password": "wrong password"},
        {"login": "nobody", "password": PASSWORD},
    ):
        answer = client.post("/api/v1/session", json=body)
        assert answer.status_code == 401 and error_code(answer) == "not_signed_in"
        assert answer.json()["error"]["message"] == "wrong login or password"


def test_the_sixth_failed_log_in_is_429_and_so_is_the_right_password_then(
    client: TestClient,
) -> None:
    client.post("/api/v1/accounts", json=ALICE)
    client.cookies.clear()
    wrong = {"login": "alice", "password": "wrong password"}
    for _ in range(MAX_FAILURES_PER_LOGIN):
        assert client.post("/api/v1/session", json=wrong).status_code == 401
    for body in (wrong, {"login": "alice", "password": PASSWORD}):
        answer = client.post("/api/v1/session", json=body)
        assert answer.status_code == 429 and error_code(answer) == "too_many_attempts"
        assert answer.headers["Retry-After"] == "900"
    assert SESSION_COOKIE not in client.cookies


def test_a_visitor_who_saves_then_signs_up_keeps_their_designs(client: TestClient) -> None:
    saved = client.post("/api/v1/designs", json={"document": BEDROOM})
    assert saved.status_code == 201
    visitor = client.get("/api/v1/me").json()["account"]
    assert visitor["role"] == "anonymous" and visitor["login"] is None
    old = client.cookies[SESSION_COOKIE]
    answer = client.post("/api/v1/accounts", json=ALICE, headers=csrf(client))
    assert answer.status_code == 201 and answer.json()["account"]["id"] == visitor["id"]
    mine = client.get("/api/v1/designs?mine=true").json()["designs"]
    assert [d["id"] for d in mine] == [saved.json()["id"]]
    # session fixation: the token the visitor had before signing up opens nothing now
    assert client.cookies[SESSION_COOKIE] != old
    stale = {"Cookie": f"{SESSION_COOKIE}={old}"}
    with TestClient(client.app) as other:
        assert other.get("/api/v1/me", headers=stale).json() == {"account": None}
        assert other.get(f"/api/v1/designs/{saved.json()['id']}", headers=stale).status_code == 401


def test_a_visitor_who_logs_in_hands_their_designs_to_the_account(
    client: TestClient, app: FastAPI
) -> None:
    member = signed_in(backend_of(app), "bob", Role.CONSUMER)
    saved = client.post("/api/v1/designs", json={"document": BEDROOM}).json()
    old = client.cookies[SESSION_COOKIE]
    answer = client.post(
        "/api/v1/session", json={"login": "bob", "password": PASSWORD}, headers=csrf(client)
    )
    assert answer.status_code == 200 and answer.json()["account"]["login"] == "bob"
    assert client.cookies[SESSION_COOKIE] != old
    with TestClient(client.app) as other:
        mine = other.get("/api/v1/designs?mine=true", headers=member).json()["designs"]
        assert [d["id"] for d in mine] == [saved["id"]]
        assert other.get("/api/v1/me", headers={"Cookie": f"{SESSION_COOKIE}={old}"}).json() == {
            "account": None
        }


def test_cookie_writes_need_the_sessions_csrf_token_and_bearer_writes_do_not(
    client: TestClient, app: FastAPI
) -> None:
    client.post("/api/v1/accounts", json=ALICE)
    for headers in ({}, {"X-CSRF-Token": "not-the-token"}, {"X-CSRF-Token": ""}):
        for method, path, body in (
            ("POST", "/api/v1/designs", {"document": BEDROOM}),
            ("DELETE", "/api/v1/session", None),
            ("POST", "/api/v1/session", {"login": "alice", "password": PASSWORD}),
            ("POST", "/api/v1/accounts", {"login": "alice2", "password": PASSWORD}),
        ):
            answer = client.request(method, path, json=body, headers=headers)
            assert answer.status_code == 403 and error_code(answer) == "csrf_failed", path
    assert client.get("/api/v1/designs").json()["designs"] == []  # nothing was saved
    assert (
        client.post("/api/v1/designs", json={"document": BEDROOM}, headers=csrf(client)).status_code
        == 201
    )
    machine = bearer(backend_of(app), "robot", Role.CONSUMER)
    with TestClient(app) as bare:
        assert (
            bare.post("/api/v1/designs", json={"document": BEDROOM}, headers=machine).status_code
            == 201
        )


def test_a_csrf_token_of_another_session_does_not_pass(client: TestClient, app: FastAPI) -> None:
    other = signed_in(backend_of(app), "carol", Role.CONSUMER)
    client.post("/api/v1/accounts", json=ALICE)
    theirs = {"X-CSRF-Token": other["X-CSRF-Token"]}
    answer = client.post("/api/v1/designs", json={"document": BEDROOM}, headers=theirs)
    assert answer.status_code == 403


def test_a_bearer_token_that_is_not_live_is_401_never_the_cookie_instead(
    client: TestClient, app: FastAPI
) -> None:
    backend = backend_of(app)
    client.post("/api/v1/accounts", json=ALICE)  # the browser has a good session too
    live = bearer(backend, "dave", Role.CONSUMER)
    assert client.get("/api/v1/me", headers=live).json()["account"]["login"] == "dave"
    revoked = bearer(backend, "erin", Role.CONSUMER)
    revoke_token(2, backend=backend)
    disabled = bearer(backend, "frank", Role.CONSUMER)
    disable_user("frank", backend=backend)
    for headers in (
        {"Authorization": "Bearer mwt_not-a-token"},
        {"Authorization": "Bearer"},
        {"Authorization": "Basic YWxpY2U6cGFzc3dvcmQ="},
        {"Authorization": "Bearer " + client.cookies[SESSION_COOKIE]},  # a session is no token
        revoked,
        disabled,
    ):
        for method, path in (
            ("GET", "/api/v1/me"),
            ("GET", "/api/v1/designs"),
            ("POST", "/api/v1/designs"),
        ):
            answer = client.request(method, path, json={"document": BEDROOM}, headers=headers)
            assert answer.status_code == 401, (headers, path)
            assert error_code(answer) == "invalid_token"
            assert answer.headers["WWW-Authenticate"] == "Bearer"


def test_sign_up_refusals(client: TestClient) -> None:
    assert client.post("/api/v1/accounts", json=ALICE).status_code == 201
    client.cookies.clear()
    for body, status, code in (
        (ALICE, 409, "already_exists"),
        ({"login": "ALICE", "password": PASSWORD}, 409, "already_exists"),
        ({"login": "bob", "password": "short"}, 422, "weak_password"),
        ({"login": "b", "password": PASSWORD}, 422, "invalid_login"),
        ({"login": "bob"}, 422, None),
        ({"login": "bob", "password": PASSWORD, "role": "admin"}, 422, None),
        ({"login": "bob", "password": 1234567890123}, 422, None),
        ([], 422, None),
    ):
        answer = client.post("/api/v1/accounts", json=body)
        assert answer.status_code == status, (body, answer.text)
        assert code is None or error_code(answer) == code
    assert client.post("/api/v1/accounts", content=b"{").status_code in {400, 415}
    answer = client.post(
        "/api/v1/accounts", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400 and error_code(answer) == "invalid_json"
    answer = client.post("/api/v1/accounts", content=b"login=bob")
    assert answer.status_code == 415
    assert client.get("/api/v1/me").json() == {"account": None}


def test_a_staff_account_shows_its_role_and_store(app: FastAPI, client: TestClient) -> None:
    backend = backend_of(app)
    with_stores(backend)
    headers = bearer(backend, "olivia", Role.DESIGNER, "sh-1")
    account = client.get("/api/v1/me", headers=headers).json()["account"]
    assert (account["role"], account["store_id"]) == ("designer", "sh-1")
    assert "password_hash" not in account


def test_a_session_header_pair_works_like_a_browser(app: FastAPI, client: TestClient) -> None:
    headers = signed_in(backend_of(app), "peggy", Role.CONSUMER)
    answer = client.post("/api/v1/designs", json={"document": BEDROOM}, headers=headers)
    assert answer.status_code == 201
    assert (
        answer.json()["owner"] == client.get("/api/v1/me", headers=headers).json()["account"]["id"]
    )

"""Accounts, sessions, API tokens and log-in limits (services.accounts), on the in-memory
fakes and on both databases: the same answers on each."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from services.accounts import (
    FAILURE_WINDOW,
    MAX_FAILURES_PER_LOGIN,
    SESSION_LIFETIME,
    Visitor,
    add_user,
    create_token,
    disable_user,
    enable_user,
    log_in,
    log_out,
    revoke_token,
    session_account,
    sign_up,
    token_account,
    visit,
)
from services.backend import Backend
from services.designs import create_design, list_designs
from services.errors import AlreadyExists, InvalidInput, NotFound, NotSignedIn, TooManyAttempts
from services.identity import Role
from services.ports import Store
from tests.fakes import FixedClock

BEDROOM = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())
PASSWORD = "correct horse battery"  # noqa: S105 (a test account's)


def test_a_visitor_gets_an_anonymous_account_and_a_session(backend: Backend) -> None:
    opened = visit(backend, address="test")
    assert opened.account.role is Role.ANONYMOUS and opened.account.login is None
    assert session_account(opened.token, backend=backend) == (opened.account, opened.csrf_token)
    assert opened.token.startswith("mws_") and opened.csrf_token != opened.token


def test_signing_up_keeps_the_visitors_account_and_designs_and_ends_the_old_session(
    backend: Backend,
) -> None:
    opened = visit(backend, address="test")
    saved = create_design(BEDROOM, actor=opened.account.actor, backend=backend)
    signed = sign_up(
        "Alice@Example.com",
        PASSWORD,
        name="Alice",
        visitor=Visitor(actor=opened.account.actor, session_token=opened.token),
        backend=backend,
    )
    assert signed.account.id == opened.account.id
    assert signed.account.role is Role.CONSUMER and signed.account.login == "alice@example.com"
    assert session_account(opened.token, backend=backend) is None  # no session fixation
    found = session_account(signed.token, backend=backend)
    assert found is not None and found[0].role is Role.CONSUMER
    page = list_designs(actor=signed.account.actor, backend=backend, mine=True)
    assert [d.id for d in page.designs] == [saved.id]


def test_signing_up_without_a_visit_makes_a_new_consumer(backend: Backend) -> None:
    signed = sign_up("bob", PASSWORD, visitor=Visitor(), backend=backend)
    assert signed.account.role is Role.CONSUMER
    assert backend.accounts.get(signed.account.id) == signed.account


def test_a_taken_login_is_refused_whatever_its_case(backend: Backend) -> None:
    sign_up("carol", PASSWORD, visitor=Visitor(), backend=backend)
    with pytest.raises(AlreadyExists):
        sign_up("CAROL", PASSWORD, visitor=Visitor(), backend=backend)
    visitor = visit(backend, address="test").account
    with pytest.raises(AlreadyExists):
        sign_up("carol", PASSWORD, visitor=Visitor(actor=visitor.actor), backend=backend)
    assert backend.accounts.get(visitor.id).role is Role.ANONYMOUS  # nothing changed


@pytest.mark.parametrize(
    ("login", "password"),
    [
        ("ab", PASSWORD),
        ("-dash", PASSWORD),
        ("a b c", PASSWORD),
        ("x" * 65, PASSWORD),
        ("dave", "short"),
        ("dave", "p" * 257),
    ],
)
def test_a_bad_login_or_weak_password_is_refused(
    backend: Backend, login: str, password: str
) -> None:
    with pytest.raises(InvalidInput):
        sign_up(login, password, visitor=Visitor(), backend=backend)
    assert backend.accounts.all() == []


def test_logging_in_claims_the_visitors_designs_and_ends_their_session(
    backend: Backend,
) -> None:
    member = sign_up("erin", PASSWORD, visitor=Visitor(), backend=backend).account
    opened = visit(backend, address="test")
    saved = create_design(BEDROOM, actor=opened.account.actor, backend=backend)
    again = log_in(
        "ERIN",
        PASSWORD,
        visitor=Visitor(address="10.0.0.1", actor=opened.account.actor, session_token=opened.token),
        backend=backend,
    )
    assert again.account == member
    assert session_account(opened.token, backend=backend) is None
    mine = list_designs(actor=member.actor, backend=backend, mine=True).designs
    assert [d.id for d in mine] == [saved.id] and mine[0].owner_id == member.id


def test_a_wrong_password_and_an_unknown_login_are_refused_alike(backend: Backend) -> None:
    sign_up("frank", PASSWORD, visitor=Visitor(), backend=backend)
    for login, password in (("frank", "wrong password"), ("nobody", PASSWORD)):
        with pytest.raises(NotSignedIn, match="wrong login or password"):
            log_in(login, password, visitor=Visitor(address="a"), backend=backend)


def test_the_sixth_attempt_is_refused_even_with_the_right_password_until_the_window_ends(
    backend: Backend, clock: FixedClock
) -> None:
    sign_up("grace", PASSWORD, visitor=Visitor(), backend=backend)
    for _ in range(MAX_FAILURES_PER_LOGIN):
        with pytest.raises(NotSignedIn):
            log_in("grace", "wrong password", visitor=Visitor(address="a"), backend=backend)
    with pytest.raises(TooManyAttempts) as refused:
        log_in("grace", PASSWORD, visitor=Visitor(address="b"), backend=backend)
    assert refused.value.retry_after_s == FAILURE_WINDOW.total_seconds()
    clock.moment += FAILURE_WINDOW + timedelta(seconds=1)
    assert log_in("grace", PASSWORD, visitor=Visitor(address="b"), backend=backend).account.login


def test_logging_out_ends_the_session(backend: Backend) -> None:
    opened = sign_up("heidi", PASSWORD, visitor=Visitor(), backend=backend)
    log_out(opened.token, backend=backend)
    assert session_account(opened.token, backend=backend) is None
    log_out(opened.token, backend=backend)  # again: nothing to do


def test_a_session_ends_after_its_lifetime(backend: Backend, clock: FixedClock) -> None:
    opened = sign_up("ivan", PASSWORD, visitor=Visitor(), backend=backend)
    clock.moment += SESSION_LIFETIME - timedelta(seconds=1)
    assert session_account(opened.token, backend=backend) is not None
    clock.moment += timedelta(seconds=1)
    assert session_account(opened.token, backend=backend) is None


def test_tokens_of_the_wrong_kind_find_nobody(backend: Backend) -> None:
    opened = sign_up("judy", PASSWORD, visitor=Visitor(), backend=backend)
    _, api = create_token("judy", backend=backend)
    assert token_account(opened.token, backend=backend) is None
    assert session_account(api, backend=backend) is None
    assert session_account("mws_" + "x" * 43, backend=backend) is None


def test_api_tokens_work_until_revoked(backend: Backend) -> None:
    account = sign_up("mallory", PASSWORD, visitor=Visitor(), backend=backend).account
    token_id, token = create_token("Mallory", backend=backend)
    assert token.startswith("mwt_") and token_account(token, backend=backend) == account
    revoke_token(token_id, backend=backend)
    assert token_account(token, backend=backend) is None
    with pytest.raises(NotFound):
        revoke_token(token_id, backend=backend)
    with pytest.raises(NotFound):
        revoke_token(token_id + 100, backend=backend)
    with pytest.raises(NotFound):
        create_token("nobody", backend=backend)


def test_a_disabled_account_loses_its_sessions_tokens_and_log_in(backend: Backend) -> None:
    opened = sign_up("niaj", PASSWORD, visitor=Visitor(), backend=backend)
    _, token = create_token("niaj", backend=backend)
    assert disable_user("niaj", backend=backend).disabled
    assert session_account(opened.token, backend=backend) is None
    assert token_account(token, backend=backend) is None
    with pytest.raises(NotSignedIn):
        log_in("niaj", PASSWORD, visitor=Visitor(address="a"), backend=backend)
    with pytest.raises(NotFound):
        disable_user("nobody", backend=backend)
    assert not enable_user("niaj", backend=backend).disabled
    # enabled again, it signs in anew: the old session and token stay dead
    assert session_account(opened.token, backend=backend) is None
    assert token_account(token, backend=backend) is None
    assert log_in("niaj", PASSWORD, visitor=Visitor(address="a"), backend=backend)


def test_staff_accounts_need_a_known_store_exactly_when_their_role_works_in_one(
    backend: Backend,
) -> None:
    backend.stores.put(Store(id="sh-1", name="SH", city="Shanghai", timezone="Asia/Shanghai"))
    designer = add_user("olivia", Role.DESIGNER, PASSWORD, store_id="sh-1", backend=backend)
    assert designer.store_id == "sh-1" and designer.role is Role.DESIGNER
    assert add_user("peggy", Role.SALES, PASSWORD, backend=backend).store_id is None
    for role, store in (
        (Role.DESIGNER, None),
        (Role.STORE_MANAGER, "bj-9"),
        (Role.SALES, "sh-1"),
        (Role.ANONYMOUS, None),
    ):
        with pytest.raises(InvalidInput):
            add_user("rupert", role, PASSWORD, store_id=store, backend=backend)
    assert [a.login for a in backend.accounts.all()] == ["olivia", "peggy"]


def test_stores_are_listed_by_id_and_updated_in_place(backend: Backend) -> None:
    backend.stores.put(Store(id="sh-2", name="B", city="Shanghai", timezone="Asia/Shanghai"))
    backend.stores.put(Store(id="bj-1", name="A", city="Beijing", timezone="Asia/Shanghai"))
    backend.stores.put(Store(id="sh-2", name="B2", city="Shanghai", timezone="Asia/Shanghai"))
    assert [(s.id, s.name) for s in backend.stores.all()] == [("bj-1", "A"), ("sh-2", "B2")]
    with pytest.raises(NotFound):
        backend.stores.get("gz-1")

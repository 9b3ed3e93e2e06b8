"""Accounts, API tokens and stores in the database, on SQLite and on PostgreSQL: what the
``millwork users``, ``tokens`` and ``demo`` commands rely on."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from persistence.account_store import SqlAccounts, SqlSessions, SqlTokens
from persistence.catalog_source import CatalogFiles
from persistence.store_directory import SqlStores
from services.demo import DEMO_ACCOUNTS, DEMO_DESIGNS, DEMO_STORES, seed_demo
from services.errors import AlreadyExists, NotFound
from services.identity import Role
from services.ports import NewAccount, Store
from tests.fakes import FixedClock
from web.wiring import database_backend

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
EXAMPLES = Path(__file__).parents[2] / "examples"
HASH = "h1"  # stands for an argon2 hash
XUHUI = Store(id="sh-xuhui", name="Xuhui", city="Shanghai", timezone="Asia/Shanghai")


def new(login: str, role: Role = Role.FACTORY, store_id: str | None = None) -> NewAccount:
    return NewAccount(login=login, role=role, at=NOW, store_id=store_id, password_hash=HASH)


def test_stores_are_put_once_and_updated(engine: Engine) -> None:
    stores = SqlStores(engine)
    urumqi = Store(id="xj-urumqi", name="Urumqi", city="Urumqi", timezone="Asia/Urumqi")
    stores.put(XUHUI)
    stores.put(urumqi)
    stores.put(XUHUI)
    assert stores.all() == [XUHUI, urumqi]
    stores.put(Store(id="sh-xuhui", name="Xuhui 2", city="Shanghai", timezone="Asia/Shanghai"))
    assert stores.get("sh-xuhui").name == "Xuhui 2"
    with pytest.raises(NotFound):
        stores.get("nowhere")


def test_accounts_in_login_order_without_visitors(engine: Engine) -> None:
    SqlStores(engine).put(XUHUI)
    accounts = SqlAccounts(engine)
    accounts.add(new("sales1", Role.SALES))
    accounts.add(NewAccount(login=None, role=Role.ANONYMOUS, at=NOW))
    designer = accounts.add(new("designer1", Role.DESIGNER, "sh-xuhui"))
    assert [a.login for a in accounts.all()] == ["designer1", "sales1"]
    assert designer.store_id == "sh-xuhui" and designer.created_at == NOW
    with pytest.raises(AlreadyExists):
        accounts.add(new("sales1"))


def test_a_new_password_replaces_the_old(engine: Engine) -> None:
    accounts = SqlAccounts(engine)
    account = accounts.add(new("factory1"))
    assert accounts.set_password("factory1", "h2") == account
    assert accounts.credentials("factory1").password_hash == "h2"  # noqa: S105 (not one)
    with pytest.raises(NotFound):
        accounts.set_password("nobody", "h3")


def test_disabling_stops_tokens_and_sessions_until_enabled(engine: Engine) -> None:
    accounts, tokens, sessions = SqlAccounts(engine), SqlTokens(engine), SqlSessions(engine)
    account = accounts.add(new("factory1"))
    first, second = tokens.create(account.id, "t1", NOW), tokens.create(account.id, "t2", NOW)
    sessions.open(account.id, "s1", "csrf", NOW, datetime(2026, 12, 8, tzinfo=UTC))
    assert first != second and tokens.find("t1") == account
    assert accounts.set_disabled("factory1", True).disabled
    assert tokens.find("t1") is None and sessions.find("s1", NOW) is None
    assert accounts.credentials("factory1").account.disabled
    assert not accounts.set_disabled("factory1", False).disabled
    assert tokens.find("t1") == account and sessions.find("s1", NOW) == (account, "csrf")
    with pytest.raises(NotFound):
        accounts.set_disabled("nobody", True)
    assert tokens.revoke_all(account.id, NOW) == 2 and tokens.find("t1") is None
    assert tokens.revoke_all(account.id, NOW) == 0 and tokens.find("t2") is None


def test_a_revoked_token_finds_nothing(engine: Engine) -> None:
    account = SqlAccounts(engine).add(new("factory1"))
    tokens = SqlTokens(engine)
    first, second = tokens.create(account.id, "t1", NOW), tokens.create(account.id, "t2", NOW)
    assert tokens.revoke(first, NOW)
    assert not tokens.revoke(first, NOW) and not tokens.revoke(second + 1, NOW)
    assert tokens.find("t1") is None and tokens.find("t2") == account


def test_the_demo_seeds_once_on_either_database(engine: Engine) -> None:
    backend = database_backend(engine, CatalogFiles(), FixedClock(NOW))
    documents = {d.example: json.loads((EXAMPLES / d.example).read_text()) for d in DEMO_DESIGNS}
    made = iter(f"password-{n:02}" for n in range(100))
    first = seed_demo(documents, backend=backend, password=lambda: next(made))
    again = seed_demo(documents, backend=backend, password=lambda: next(made))
    assert [added for _, added in first.stores] == [True] * len(DEMO_STORES)
    assert [s.password for s in first.accounts] == [f"password-{n:02}" for n in range(6)]
    assert all(d.added for d in first.designs)
    assert not any(added for _, added in again.stores)
    assert all(s.password is None for s in again.accounts)
    assert [d.id for d in again.designs] == [d.id for d in first.designs]
    assert not any(d.added for d in again.designs)
    assert len(backend.accounts.all()) == len(DEMO_ACCOUNTS)
    assert {a.role for a in backend.accounts.all()} == set(Role) - {Role.ANONYMOUS}

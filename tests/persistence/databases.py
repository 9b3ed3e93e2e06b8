"""Databases for the tests: each runs once on SQLite, in a file of its own, and once on
PostgreSQL, in a schema of its own on the server that ``TEST_DATABASE_URL`` (else
``DATABASE_URL``) names; the schema is dropped afterwards, and nothing else on the server is
touched. Without a server the PostgreSQL runs are skipped, except in CI (``CI=true``), where
they fail. The server is looked up in the environment as it was when the tests started, too:
the web tests point ``DATABASE_URL`` at a SQLite file of each test's own."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from persistence.db import make_engine, migrate

__all__ = ["DATABASES", "empty_database", "migrated", "postgres_server"]

_STARTED_WITH = dict(os.environ)


def postgres_server() -> str:
    """The PostgreSQL server to test on, or a skip (a failure in CI) saying how to name one."""
    for environ in (os.environ, _STARTED_WITH):
        for name in ("TEST_DATABASE_URL", "DATABASE_URL"):
            url = environ.get(name, "")
            if url.startswith(("postgresql", "postgres:")):
                return url
    reason = (
        "no PostgreSQL server: set TEST_DATABASE_URL (or DATABASE_URL) to "
        "postgresql://user:password@host:5432/db"
    )
    if os.environ.get("CI", "").lower() in {"true", "1"}:
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def empty_database(kind: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh schema on the PostgreSQL
    server (dropped afterwards)."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'millwork.db'}"
        return
    server = make_url(postgres_server())
    schema = f"test_{secrets.token_hex(6)}"
    admin = make_engine(server)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = server.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@contextmanager
def migrated(url: str) -> Iterator[Engine]:
    """The engine of ``url``, migrated to the latest schema; disposed afterwards."""
    migrate(url)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

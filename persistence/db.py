"""The database: its URL, the engine made from it, and the schema migrations that bring it up
to date.

SQLite is the embedded default (``sqlite:///var/millwork.db``, a file under ``var/``);
PostgreSQL comes in through ``DATABASE_URL`` (``postgresql://user@host:5432/db``, driven by
psycopg 3). On SQLite every connection runs in WAL mode with foreign keys on, ``synchronous =
FULL`` (the money database: RELIABILITY.md §2.9) and a busy timeout, and a transaction opened
through ``for_writing(engine)`` starts with ``BEGIN IMMEDIATE``: it takes the write lock
first, so concurrent writers wait their turn instead of failing with "database is locked" when
a read turns into a write.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DEFAULT_URL",
    "MIGRATIONS",
    "alembic_config",
    "database_url",
    "for_writing",
    "make_engine",
    "migrate",
    "shown",
]

DEFAULT_URL: Final = "sqlite:///var/millwork.db"
BUSY_TIMEOUT_MS: Final = 5000
MIGRATIONS: Final = Path(__file__).parent / "migrations"
_BEGIN: Final = "millwork_begin"  # execution option: how a SQLite transaction begins


def database_url(environ: Mapping[str, str]) -> str:
    """``DATABASE_URL`` from ``environ`` if set, else the SQLite file under ``var/``.

    Examples
    --------
    >>> database_url({})
    'sqlite:///var/millwork.db'
    >>> database_url({"DATABASE_URL": "postgresql://mw@db:5432/mw"})
    'postgresql://mw@db:5432/mw'
    """
    return environ.get("DATABASE_URL") or DEFAULT_URL


def _driver_url(url: str | URL) -> URL:
    """``url`` with psycopg 3 as the PostgreSQL driver (SQLAlchemy would pick psycopg2).

    Examples
    --------
    >>> _driver_url("postgres://mw@db/mw").drivername
    'postgresql+psycopg'
    >>> _driver_url("sqlite:///var/millwork.db").drivername
    'sqlite'
    """
    parsed = make_url(url)
    if parsed.drivername in {"postgres", "postgresql"}:
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


def shown(url: str | URL) -> str:
    """``url`` fit to print: the password hidden.

    Examples
    --------
    >>> shown("postgresql://mw:secret@db:5432/mw")
    'postgresql://mw:***@db:5432/mw'
    """
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str | URL) -> Engine:
    """The engine for ``url``; a SQLite file's folder is made if missing."""
    parsed = _driver_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def for_writing(engine: Engine) -> Engine:
    """``engine`` for transactions that write: on SQLite they begin with ``BEGIN IMMEDIATE``
    (PostgreSQL is unchanged). Shares the engine's connection pool."""
    return engine.execution_options(**{_BEGIN: "BEGIN IMMEDIATE"})


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _: object) -> None:
    # pysqlite would BEGIN (deferred) by itself at the first write; we BEGIN in _sqlite_begin
    dbapi_connection.isolation_level = None
    for pragma in (f"busy_timeout = {BUSY_TIMEOUT_MS}", "synchronous = FULL", "foreign_keys = ON"):
        dbapi_connection.execute(f"PRAGMA {pragma}")
    _use_wal(dbapi_connection)


def _use_wal(dbapi_connection: sqlite3.Connection) -> None:
    """Switch the file to WAL (it stays so). The switch takes a lock SQLite does not wait for,
    busy timeout or not, so processes opening a new file together may each need a few tries."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql(connection.get_execution_options().get(_BEGIN, "BEGIN"))


def alembic_config(url: str | URL) -> Config:
    """Alembic's configuration for the migrations in ``persistence/migrations`` on ``url``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = make_url(url)
    return config


def migrate(url: str | URL) -> None:
    """Bring the database at ``url`` up to the latest schema (nothing to do if it is).

    Safe to run from several processes at once: on PostgreSQL the migration holds an advisory
    lock, on SQLite the write lock (``BEGIN IMMEDIATE``). Not from several threads of one
    process: Alembic keeps its migration context in a global."""
    command.upgrade(alembic_config(url), "head")

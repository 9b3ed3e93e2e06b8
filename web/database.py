"""The database the command line and the web app use: ``DATABASE_URL``, else the SQLite file
under ``var/``, migrated to the latest schema before first use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from persistence.catalog_source import CatalogFiles
from persistence.db import database_url, make_engine, migrate, shown
from services.backend import Backend
from web.cli_errors import CliError
from web.wiring import SystemClock, database_backend

__all__ = ["configured_database", "migrate_database", "open_backend", "open_database"]


def configured_database() -> str:
    """``DATABASE_URL``, else ``sqlite:///var/millwork.db``."""
    return database_url(os.environ)


def migrate_database(url: str) -> None:
    """Bring the database at ``url`` to the latest schema; ``CliError`` when it cannot be
    reached."""
    try:
        migrate(url)
    except OperationalError as exc:
        reason = " ".join(str(exc.orig).split())  # psycopg's run over several lines
        raise CliError([f"cannot open the database {shown(url)}: {reason}"]) from None


def open_database(url: str) -> Engine:
    """The engine of ``url``, its schema migrated to the latest first."""
    migrate_database(url)
    return make_engine(url)


@contextmanager
def open_backend() -> Iterator[Backend]:
    """The use cases' backend on the configured database (migrated first), for one command;
    the engine is disposed afterwards."""
    engine = open_database(configured_database())
    try:
        yield database_backend(engine, CatalogFiles(), SystemClock())
    finally:
        engine.dispose()

"""Alembic's entry point: migrates the database ``persistence.db.migrate(url)`` names or, from
the ``alembic`` command line, ``DATABASE_URL`` (else the SQLite file under ``var/``).

The whole upgrade is one transaction. It starts by taking a lock (PostgreSQL: an advisory
lock; SQLite: ``BEGIN IMMEDIATE``), so app processes starting together migrate one at a time,
and the later ones find nothing left to do.
"""

from __future__ import annotations

import os
from typing import Final

from alembic import context
from sqlalchemy import text

from persistence.db import database_url, for_writing, make_engine
from persistence.tables import metadata

MIGRATION_LOCK: Final = 0x6D696C6C  # "mill"


def run_migrations() -> None:
    config = context.config
    engine = make_engine(config.attributes.get("url") or database_url(os.environ))
    try:
        with for_writing(engine).connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=metadata,
                transactional_ddl=True,
                render_as_batch=True,  # SQLite alters a table by copying it
            )
            with context.begin_transaction():
                if connection.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                    )
                context.run_migrations()
    finally:
        engine.dispose()


run_migrations()

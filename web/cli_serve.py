"""``millwork serve``: the web app under uvicorn (its libraries load for this command only),
on a database migrated to the latest schema first."""

from __future__ import annotations

import argparse
import sys

import uvicorn

from persistence.db import shown
from web.app import create_app
from web.database import configured_database, migrate_database

__all__ = ["serve"]


def serve(args: argparse.Namespace) -> None:
    """Migrate the database, then serve the app on ``--host``/``--port``."""
    url = configured_database()
    migrate_database(url)
    print(f"database {shown(url)}: up to date", file=sys.stderr)
    uvicorn.run(create_app(), host=args.host, port=args.port)

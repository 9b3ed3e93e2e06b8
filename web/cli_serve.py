"""``millwork serve``: the web app under uvicorn (its libraries load for this command only),
on a database migrated to the latest schema first."""

from __future__ import annotations

import argparse
import contextlib
import sys

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from persistence.db import shown
from web.app import create_app
from web.cli_errors import CliError
from web.database import configured_database, migrate_database
from web.runtime import settle_after_start_up
from web.uvicorn_socket import TcpConfig

__all__ = ["serve", "served_app"]


MAX_WORKERS = 64  # more is a typo: each worker holds the catalog and its own connections


def serve(args: argparse.Namespace) -> None:
    """Migrate the database, then serve the app on ``--host``/``--port`` with ``--workers``
    processes (uvicorn starts each from the app factory, so none shares state in memory)."""
    if not 1 <= args.workers <= MAX_WORKERS:
        raise CliError([f"--workers {args.workers} must be between 1 and {MAX_WORKERS}"])
    url = configured_database()
    migrate_database(url)
    print(f"database {shown(url)}: up to date", file=sys.stderr)
    if args.workers == 1:
        uvicorn.run(served_app(), host=args.host, port=args.port)
        return
    config = TcpConfig(
        "web.cli_serve:served_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
    )
    with contextlib.suppress(KeyboardInterrupt):  # as uvicorn.run: Ctrl+C stops quietly
        Multiprocess(config, sockets=[config.bind_socket()]).run()


def served_app() -> FastAPI:
    """The app as a served process runs it: built, then its garbage collector settled
    (``web.runtime``); each worker process calls this once."""
    app = create_app()
    settle_after_start_up()
    return app

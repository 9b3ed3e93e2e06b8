"""``millwork serve``: the web app under uvicorn (its libraries load for this command only)."""

from __future__ import annotations

import argparse

import uvicorn

from web.app import create_app

__all__ = ["serve"]


def serve(args: argparse.Namespace) -> None:
    """Serve the app on ``--host``/``--port``."""
    uvicorn.run(create_app(), host=args.host, port=args.port)

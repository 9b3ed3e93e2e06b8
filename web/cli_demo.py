"""``millwork demo``: seed the demo stores, one account per role (passwords generated and
printed once) and a few designs from ``examples/``; running it again adds only what is
missing (``services.demo``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from persistence.db import shown
from services.demo import DEMO_DESIGNS, DemoReport, seed_demo
from web.cli_support import aligned, read_document
from web.database import configured_database, open_backend

__all__ = ["demo"]

EXAMPLES = Path(__file__).parents[1] / "examples"


def demo(args: argparse.Namespace) -> None:
    """Seed what of the demo is missing and say what is there, with the new passwords."""
    documents = {d.example: read_document(str(EXAMPLES / d.example)) for d in DEMO_DESIGNS}
    with open_backend() as backend:
        report = seed_demo(documents, backend=backend)
    print("\n".join(report_lines(report, shown(configured_database()))))


def report_lines(report: DemoReport, database: str) -> list[str]:
    """The report as a newcomer reads it in the terminal."""
    stores = [
        [s.id, s.name, s.city, s.timezone, "added" if added else "existed"]
        for s, added in report.stores
    ]
    accounts = [["login", "role", "store", "password"]]
    accounts += [
        [
            seeded.account.login or "",
            seeded.account.role.value,
            seeded.account.store_id or "-",
            seeded.password or "(existed: not shown again)",
        ]
        for seeded in report.accounts
    ]
    designs = [
        [
            d.name,
            f"owner {d.owner}",
            f"store {d.store_id or '-'}",
            "added" if d.added else "existed",
        ]
        for d in report.designs
    ]
    lines = [f"Millwork demo in {database}", "", "Stores:"]
    lines += [f"  {line}" for line in aligned(stores)]
    lines += ["", "Accounts (log in with POST /api/v1/session {login, password}):"]
    lines += [f"  {line}" for line in aligned(accounts)]
    if any(seeded.password is None for seeded in report.accounts):
        lines.append(
            "  (a password is shown only when its account is made; set a new one with: "
            "millwork users password LOGIN)"
        )
    lines += ["", "Designs:"]
    lines += [f"  {line}" for line in aligned(designs)]
    return lines

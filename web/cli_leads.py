"""``millwork leads sla``: reassign the leads not accepted within the SLA and tell their store
managers (run it every few minutes; two runs at once change each lead once). ``millwork leads
link DESIGNER LOGIN``: the account a designer signs in with."""

from __future__ import annotations

import argparse

from services.leads import link_designer, run_sla
from web.database import open_backend

__all__ = ["leads_link", "leads_sla"]


def leads_sla(args: argparse.Namespace) -> None:
    """Run the SLA once and say what it did."""
    with open_backend() as backend:
        report = run_sla(backend=backend)
    print(
        f"reassigned {report.reassigned}, sent to the store manager {report.escalated}, "
        f"left {report.skipped} (accepted or changed meanwhile)"
    )


def leads_link(args: argparse.Namespace) -> None:
    """Link a designer to the account they sign in with."""
    with open_backend() as backend:
        link_designer(args.designer, args.login, backend=backend)
    print(f"{args.login} signs in as designer {args.designer}")

"""``millwork notify``: send the notifications that are due (confirmations, reminders, moves
and cancellations of bookings) through the adapter: ``.eml`` files in ``var/outbox/``."""

from __future__ import annotations

import argparse
from pathlib import Path

from persistence.mail_files import EmlFiles
from services.notify import send_due
from web.database import open_backend

__all__ = ["notify"]


def notify(args: argparse.Namespace) -> None:
    """Send what is due once and say how it went (failures are tried again next time)."""
    folder = Path(args.outbox)
    with open_backend() as backend:
        report = send_due(backend=backend, mailer=EmlFiles(folder))
    print(f"sent {report.sent}, failed {report.failed} (to try again later); files in {folder}")

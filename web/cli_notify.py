"""``millwork notify``: send the notifications that are due (confirmations, reminders, moves
and cancellations of bookings) through the adapter: ``.eml`` files in ``var/outbox/``, or
SMTP when ``--smtp`` or ``MILLWORK_SMTP_URL`` names a server (``persistence.mail_smtp``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from persistence.mail_files import EmlFiles
from persistence.mail_smtp import SmtpMailer, parse_smtp_url
from services.notify import send_due
from services.ports import Mailer
from web.database import open_backend

__all__ = ["notify"]


def notify(args: argparse.Namespace) -> None:
    """Send what is due once and say how it went (failures are tried again next time)."""
    folder = Path(args.outbox)
    url = args.smtp or os.environ.get("MILLWORK_SMTP_URL", "")
    files = EmlFiles(folder)
    mailer: Mailer = files
    if url:
        try:
            server = parse_smtp_url(url)
        except ValueError as exc:
            raise SystemExit(f"millwork notify: {exc}") from None
        mailer = SmtpMailer(server, files)
    with open_backend() as backend:
        report = send_due(backend=backend, mailer=mailer)
    by = f"by SMTP through {server.host}:{server.port}, " if url else ""
    print(f"sent {report.sent}, failed {report.failed} (to try again later); {by}files in {folder}")

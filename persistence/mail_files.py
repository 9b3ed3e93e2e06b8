"""The default ``Mailer``: each notification becomes an ``.eml`` file in a folder
(``var/outbox/``), named by its outbox id and created exclusively, so delivering one twice
writes it once. The invitation travels as a ``text/calendar`` attachment."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from services.booking_records import OutboxItem

__all__ = ["EmlFiles"]

SENDER = "Millwork <noreply@millwork.invalid>"


class EmlFiles:
    """Writes each notification to ``folder/notification-<id>.eml``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def deliver(self, item: OutboxItem) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"notification-{item.id:08d}.eml"
        data = bytes(_email(item))
        try:
            with path.open("xb") as out:  # exclusive: a second delivery finds it written
                out.write(data)
        except FileExistsError:
            return


def _email(item: OutboxItem) -> EmailMessage:
    message = item.message
    mail = EmailMessage()
    mail["From"] = SENDER
    mail["To"] = message.get("to") or "undisclosed-recipients:;"
    mail["Subject"] = message["subject"]
    mail["Message-ID"] = make_msgid(f"outbox-{item.id}", "millwork.invalid")
    mail["X-Millwork-Kind"] = item.kind
    mail["X-Millwork-Phone"] = message.get("phone", "")
    mail.set_content(message["text"])
    if message.get("ics"):
        mail.add_attachment(
            message["ics"].encode(),
            maintype="text",
            subtype="calendar",
            filename="appointment.ics",
            params={"method": "CANCEL" if item.kind == "cancelled" else "PUBLISH"},
        )
    return mail

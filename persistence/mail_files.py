"""The default ``Mailer``: each notification becomes an ``.eml`` file in a folder
(``var/outbox/``), named by its outbox id and created exclusively, so delivering one twice
writes it once. The invitation travels as a ``text/calendar`` attachment."""

from __future__ import annotations

from pathlib import Path

from persistence.mail_message import email_of
from services.booking_records import OutboxItem

__all__ = ["EmlFiles"]


class EmlFiles:
    """Writes each notification to ``folder/notification-<id>.eml``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def deliver(self, item: OutboxItem) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"notification-{item.id:08d}.eml"
        data = bytes(email_of(item))
        try:
            with path.open("xb") as out:  # exclusive: a second delivery finds it written
                out.write(data)
        except FileExistsError:
            return

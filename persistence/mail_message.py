"""The e-mail a notification becomes, whichever way it travels (``.eml`` file or SMTP): its
Message-ID comes from its outbox id, so a notification sent twice (a sender that died after
sending, before marking it sent) is the same message twice, which mail clients show once."""

from __future__ import annotations

from email.message import EmailMessage

from services.booking_records import OutboxItem

__all__ = ["SENDER", "email_of"]

SENDER = "Millwork <noreply@millwork.invalid>"


def email_of(item: OutboxItem, *, sender: str = SENDER) -> EmailMessage:
    """``item`` as an e-mail from ``sender``, its invitation as a ``text/calendar`` part."""
    message = item.message
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = message.get("to") or "undisclosed-recipients:;"
    mail["Subject"] = message["subject"]
    # the same for every sending of this notification: its outbox id and its appointment
    mail["Message-ID"] = f"<outbox-{item.id}.{item.appointment_id}@millwork.invalid>"
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

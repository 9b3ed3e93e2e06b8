"""Notifications by SMTP (``millwork notify --smtp URL`` or ``MILLWORK_SMTP_URL``).

The URL names the server: ``smtp://[user:password@]host[:port]`` (plain, or upgraded with
``?starttls=1``) or ``smtps://…`` (TLS from the start, port 465 by default). A notification
without an e-mail address (a customer who left only a phone number) cannot go by mail: it is
written as an ``.eml`` file instead, for the store to telephone.

Sending twice cannot be ruled out (a sender that dies after the server took the message,
before marking it sent, sends it again); the copy has the same Message-ID, which mail
clients show once.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from persistence.mail_files import EmlFiles
from persistence.mail_message import SENDER, email_of
from services.booking_records import OutboxItem

__all__ = ["SmtpMailer", "SmtpServer", "parse_smtp_url"]

TIMEOUT_S = 30.0  # a server that does not answer fails this delivery: it is tried again later


@dataclass(frozen=True, slots=True)
class SmtpServer:
    """Where and how to connect."""

    host: str
    port: int
    tls: bool = False  # TLS from the start (smtps)
    starttls: bool = False
    user: str = ""
    password: str = ""
    sender: str = SENDER


def parse_smtp_url(url: str) -> SmtpServer:
    """The server a URL names; ``ValueError`` with the reason for one that names none.

    >>> parse_smtp_url("smtp://mail.example.com")
    SmtpServer(host='mail.example.com', port=25, tls=False, starttls=False, user='', password='', sender='Millwork <noreply@millwork.invalid>')
    >>> parse_smtp_url("smtps://a%40b:p%2Fw@mail:2465").password
    'p/w'
    """  # noqa: E501 - a doctest's answer is one line
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError(f"not an SMTP server: {url!r} (smtp://host[:port] or smtps://…)")
    query = parse_qs(parts.query)
    tls = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if tls else 25)
    except ValueError as exc:
        raise ValueError(f"not an SMTP port in {url!r}") from exc
    return SmtpServer(
        host=parts.hostname,
        port=port,
        tls=tls,
        starttls=query.get("starttls", ["0"])[0] in ("1", "true", "yes"),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        sender=query.get("from", [SENDER])[0],
    )


class SmtpMailer:
    """Sends each notification with an e-mail address through ``server``; the others become
    ``.eml`` files in ``files``."""

    def __init__(self, server: SmtpServer, files: EmlFiles) -> None:
        self.server, self.files = server, files

    def deliver(self, item: OutboxItem) -> None:
        address = str(item.message.get("to") or "")
        if "@" not in address:
            self.files.deliver(item)
            return
        mail = email_of(item, sender=self.server.sender)
        s = self.server
        context = ssl.create_default_context()
        connect = (
            smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT_S, context=context)
            if s.tls
            else smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_S)
        )
        with connect as smtp:  # closed however the delivery ends
            if s.starttls:
                smtp.starttls(context=context)
            if s.user:
                smtp.login(s.user, s.password)
            smtp.send_message(mail, to_addrs=[address])

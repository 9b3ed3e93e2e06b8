"""Notifications by SMTP, against a real SMTP server on a socket: what arrives (addressee,
subject, the invitation as text/calendar, a Message-ID that is the same on every sending),
logging in, a refused message failing its delivery (tried again later by the sender), and
notifications without an e-mail address written as .eml files instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from persistence.mail_files import EmlFiles
from persistence.mail_smtp import SmtpMailer, parse_smtp_url
from services.booking_records import OutboxItem
from tests.persistence.smtp_server import SmtpServer

ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def item(number: int = 7, to: str = "li.wei@example.com") -> OutboxItem:
    message = {
        "to": to,
        "phone": "+8613800138000",
        "subject": "预约确认 · 徐汇店 · 2026-11-25 10:00",
        "text": "李伟，您好：您的到店预约已确认。",
        "ics": ICS,
    }
    return OutboxItem(
        id=number, kind="confirmation", appointment_id="A1", message=message, attempts=0
    )


def test_a_notification_arrives_with_its_invitation(tmp_path: Path) -> None:
    with SmtpServer() as server:
        SmtpMailer(parse_smtp_url(server.url), EmlFiles(tmp_path)).deliver(item())
        (got,) = server.box.messages
    assert got.recipients == ["li.wei@example.com"]
    assert got.mail["To"] == "li.wei@example.com"
    assert got.mail["Subject"] == "预约确认 · 徐汇店 · 2026-11-25 10:00"
    body = got.mail.get_body(("plain",))
    assert body is not None and "您的到店预约已确认" in body.get_content()
    (invitation,) = [
        p for p in got.mail.iter_attachments() if p.get_content_type() == "text/calendar"
    ]
    assert invitation.get_param("method") == "PUBLISH" and "VCALENDAR" in invitation.get_content()
    assert not list(tmp_path.iterdir())


def test_sending_again_sends_the_same_message_id(tmp_path: Path) -> None:
    with SmtpServer() as server:
        mailer = SmtpMailer(parse_smtp_url(server.url), EmlFiles(tmp_path))
        mailer.deliver(item(7))
        mailer.deliver(item(7))
        mailer.deliver(item(8))
        ids = [m.mail["Message-ID"] for m in server.box.messages]
    assert ids[0] == ids[1] != ids[2]


def test_it_logs_in_with_the_urls_user_and_password(tmp_path: Path) -> None:
    with SmtpServer() as server:
        url = server.url.replace("smtp://", "smtp://notices%40millwork.test:s%3Acret@")
        SmtpMailer(
            parse_smtp_url(url + "?from=Store%20<store@example.com>"), EmlFiles(tmp_path)
        ).deliver(item())
        assert server.box.logins == [("notices@millwork.test", "s:cret")]
        assert server.box.messages[0].mail["From"] == "Store <store@example.com>"


def test_a_refused_message_fails_its_delivery(tmp_path: Path) -> None:
    with SmtpServer() as server:
        server.box.refuse_next = 1
        mailer = SmtpMailer(parse_smtp_url(server.url), EmlFiles(tmp_path))
        with pytest.raises(OSError):  # smtplib's refusal: send_due marks it failed, due later
            mailer.deliver(item())
        assert server.box.messages == []
        mailer.deliver(item())  # the next attempt goes through
        assert len(server.box.messages) == 1


def test_a_server_that_is_not_there_fails_the_delivery(tmp_path: Path) -> None:
    with SmtpServer() as server:
        url = server.url
    with pytest.raises(OSError):
        SmtpMailer(parse_smtp_url(url), EmlFiles(tmp_path)).deliver(item())


def test_without_an_email_address_the_notification_is_a_file(tmp_path: Path) -> None:
    with SmtpServer() as server:
        SmtpMailer(parse_smtp_url(server.url), EmlFiles(tmp_path)).deliver(item(to=""))
        assert server.box.messages == []
    (written,) = tmp_path.iterdir()
    assert written.name == "notification-00000007.eml"
    assert b"X-Millwork-Phone: +8613800138000" in written.read_bytes()


@pytest.mark.parametrize(
    "url", ["", "http://mail.example.com", "smtp://", "smtp://mail:99999", "mail.example.com"]
)
def test_a_url_that_names_no_server_is_refused_with_the_reason(url: str) -> None:
    with pytest.raises(ValueError, match="SMTP"):
        parse_smtp_url(url)

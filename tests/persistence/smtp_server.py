"""A small SMTP server on a real socket for the tests: it speaks enough of RFC 5321 (EHLO,
AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for ``smtplib``, keeps what it received, and
can refuse the next few messages with a temporary error (451)."""

from __future__ import annotations

import base64
import socketserver
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage


@dataclass
class Received:
    recipients: list[str]
    mail: EmailMessage


@dataclass
class Mailbox:
    messages: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    refuse_next: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.box = Mailbox()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> SmtpServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _Session(socketserver.StreamRequestHandler):
    server: SmtpServer

    def say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        box, recipients = self.server.box, []
        self.say("220 test ESMTP")
        while line := self.rfile.readline():
            verb, _, rest = line.decode().strip().partition(" ")
            verb = verb.upper()
            if verb == "EHLO":
                self.say("250-test")
                self.say("250 AUTH PLAIN")
            elif verb == "AUTH":
                _, login, password = base64.b64decode(rest.split()[1]).decode().split("\0")
                box.logins.append((login, password))
                self.say("235 2.7.0 accepted")
            elif verb == "MAIL":
                with box.lock:
                    refused, box.refuse_next = box.refuse_next > 0, max(0, box.refuse_next - 1)
                self.say("451 4.3.0 try again later" if refused else "250 ok")
                recipients = []
            elif verb == "RCPT":
                recipients.append(rest.split(":", 1)[1].strip("<> "))
                self.say("250 ok")
            elif verb == "DATA":
                self.say("354 go on")
                self._data(recipients)
            elif verb == "QUIT":
                self.say("221 bye")
                return
            else:  # RSET, NOOP
                self.say("250 ok")

    def _data(self, recipients: list[str]) -> None:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        mail = message_from_bytes(b"".join(lines), policy=policy.default)
        assert isinstance(mail, EmailMessage)
        with self.server.box.lock:
            self.server.box.messages.append(Received(recipients, mail))
        self.say("250 queued")

"""Designs under a real ``millwork serve`` (a subprocess on a free loopback port), on SQLite
and PostgreSQL: 20 concurrent saves of one revision (exactly one wins, RELIABILITY.md §2.2),
and every acknowledged save surviving ``kill -9`` of the server mid-stream (C1, §2.9)."""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from persistence.db import make_engine
from persistence.design_store import SqlDesigns
from services.designs import MAX_DESIGNS_ANONYMOUS
from tests.persistence.databases import DATABASES, empty_database
from tests.web.designs_api import named
from tests.web.test_serve import free_port

pytestmark = pytest.mark.slow


@contextmanager
def served(url: str, log: Path, *, workers: int = 2) -> Iterator[subprocess.Popen[bytes]]:
    """``millwork serve`` on ``url`` until the block ends (or the test kills it); its
    ``port`` attribute is where it listens."""
    port = free_port()
    with log.open("a") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "web.cli",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "DATABASE_URL": url},
            start_new_session=True,  # its own process group: the workers die with it
        )
    server.port = port  # type: ignore[attr-defined]
    try:
        deadline = time.monotonic() + 60
        while call(port, "GET", "/health")[0] != 200:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield server
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def call(
    port: int, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], Any]:
    """One request on a new connection: status, headers, JSON body (0 if no answer)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        sent = {"Content-Type": "application/json", **(headers or {})}
        connection.request(method, path, json.dumps(body) if body is not None else None, sent)
        answer = connection.getresponse()
        raw = answer.read()
        cookies = answer.headers.get_all("Set-Cookie") or []
        kept = dict(answer.headers) | {"_cookies": "\n".join(cookies)}
        return answer.status, kept, json.loads(raw) if raw else None
    except (OSError, http.client.HTTPException):
        return 0, {}, None
    finally:
        connection.close()


@dataclass
class Visitor:
    """A browser's session: it saves as an anonymous visitor."""

    headers: dict[str, str] = field(default_factory=dict)

    def save_new(self, port: int, name: str) -> tuple[int, dict[str, str], Any]:
        status, headers, body = call(
            port, "POST", "/api/v1/designs", {"document": named(name)}, self.headers
        )
        if status == 201 and not self.headers:
            jar = dict(c.split(";")[0].split("=", 1) for c in headers["_cookies"].split("\n"))
            self.headers = {
                "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
                "X-CSRF-Token": jar["millwork_csrf"],
            }
        return status, headers, body

    def save(self, port: int, design_id: str, revision: int, name: str) -> tuple[int, Any]:
        """Status and answer of a save of revision ``revision`` under a new name."""
        status, _, body = call(
            port,
            "PUT",
            f"/api/v1/designs/{design_id}",
            {"document": named(name)},
            {**self.headers, "If-Match": f'"{revision}"'},
        )
        return status, body


@pytest.fixture(params=DATABASES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (``millwork serve`` migrates it)."""
    with empty_database(request.param, tmp_path) as url:
        yield url


def test_of_20_concurrent_saves_of_one_revision_exactly_one_wins(db: str, tmp_path: Path) -> None:
    rounds = 5
    with served(db, tmp_path / "serve.log") as server:
        port = server.port  # type: ignore[attr-defined]
        visitor = Visitor()
        designs = []
        for attempt in range(rounds):
            status, _, created = visitor.save_new(port, f"race {attempt}")
            assert status == 201
            with ThreadPoolExecutor(20) as pool:
                statuses = Counter(pool.map(Racer(visitor, port, created["id"]), range(20)))
            assert statuses == {200: 1, 412: 19}, statuses
            designs.append(created["id"])
    engine = make_engine(db)
    try:
        store = SqlDesigns(engine)
        for design_id in designs:
            assert [r.number for r in store.revisions(design_id)] == [1, 2]
    finally:
        engine.dispose()


@dataclass
class Racer:
    """One of 20 writers of revision 1 of a design, all let go at once."""

    visitor: Visitor
    port: int
    design_id: str
    start: threading.Barrier = field(default_factory=lambda: threading.Barrier(20))

    def __call__(self, i: int) -> int:
        self.start.wait()
        return self.visitor.save(self.port, self.design_id, 1, f"writer {i}")[0]


@dataclass
class Stream:
    """A client saving new designs and new revisions of them (If-Match chained on each
    answer), remembering every save acknowledged."""

    visitor: Visitor = field(default_factory=Visitor)
    rng: random.Random = field(default_factory=lambda: random.Random(7))  # noqa: S311
    acked: dict[tuple[str, int], Any] = field(default_factory=dict)  # -> document
    latest: dict[str, int] = field(default_factory=dict)  # revision as last acknowledged
    count: int = 0

    def catch_up(self, port: int) -> None:
        """A save whose answer was lost to a kill may have landed: go on from what the
        server says now (a new design among them: else the visitor would count fewer
        designs than it owns, and its next new one would pass the quota: 403)."""
        if self.visitor.headers:
            status, _, body = call(
                port, "GET", "/api/v1/designs?mine=true", headers=self.visitor.headers
            )
            assert status == 200 and body["next_cursor"] is None
            self.latest = {d["id"]: d["revision"] for d in body["designs"]}

    def run(self, port: int) -> None:
        """Save until the server stops answering; never a 5xx."""
        while True:
            self.count += 1
            name = f"save {self.count}"
            # new designs now and then, within what a visitor may own (MAX_DESIGNS_ANONYMOUS)
            room = len(self.latest) < MAX_DESIGNS_ANONYMOUS
            if not self.latest or (room and self.rng.random() < 0.2):
                status, _, body = self.visitor.save_new(port, name)
                if status == 201:
                    self.acked[body["id"], 1], self.latest[body["id"]] = body["document"], 1
            else:
                design_id = self.rng.choice(sorted(self.latest))
                status, body = self.visitor.save(port, design_id, self.latest[design_id], name)
                if status == 200:
                    self.acked[design_id, body["revision"]] = body["document"]
                    self.latest[design_id] = body["revision"]
            if status == 0:
                return  # the server is gone
            assert status in {200, 201, 412}, status


def test_every_acknowledged_save_survives_kill_9_of_the_server(db: str, tmp_path: Path) -> None:
    stream = Stream()
    for _ in range(3):
        with served(db, tmp_path / "serve.log", workers=1) as server:
            port = server.port  # type: ignore[attr-defined]
            stream.catch_up(port)
            before = len(stream.acked)
            client = threading.Thread(target=stream.run, args=(port,))
            client.start()
            time.sleep(0.8 + stream.rng.random())
            os.killpg(server.pid, signal.SIGKILL)
            client.join(timeout=60)
            assert not client.is_alive()
            assert len(stream.acked) > before, "nothing was saved before the kill"
        check_every_acknowledged_save_is_kept(db, stream.acked)


def check_every_acknowledged_save_is_kept(db: str, acked: dict[tuple[str, int], Any]) -> None:
    """Each acknowledged revision is kept with its document; revisions run 1..n; the SQLite
    file is sound."""
    engine = make_engine(db)
    try:
        store = SqlDesigns(engine)
        for design_id in {d for d, _ in acked}:
            kept = store.revisions(design_id)
            assert [r.number for r in kept] == list(range(1, len(kept) + 1))
            by_number = {r.number: r for r in kept}
            for (acked_id, number), document in acked.items():
                if acked_id == design_id:
                    assert by_number[number].document == document
            assert store.get(design_id).revision == len(kept)
    finally:
        engine.dispose()
    parsed = make_url(db)
    if parsed.get_backend_name() == "sqlite":
        with sqlite3.connect(str(parsed.database)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

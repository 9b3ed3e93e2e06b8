"""``millwork serve --workers N``: N processes answer on one port (loopback only)."""

from __future__ import annotations

import asyncio.base_events
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from web.cli import main
from web.uvicorn_socket import TcpConfig


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_two_workers_serve_one_port(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "web.cli", "serve", "--port", str(port), "--workers", "2"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        answers = []
        # two processes each load the catalog and the app: seconds on an idle machine, and
        # more than 30 s on a loaded one (seen in a CI-like run at load 6.7); ready is ready
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(answers) < 4:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    answers.append(r.status)
            except OSError:
                time.sleep(0.2)
        assert answers == [200] * 4
        while time.monotonic() < deadline and log.read_text().count("Started server process") < 2:
            time.sleep(0.2)
        assert log.read_text().count("Started server process") == 2
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_worker_count_that_makes_no_sense_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["serve", "--workers", "0"]) == 1
    assert capsys.readouterr().err == "millwork: error: --workers 0 must be between 1 and 64\n"


def test_the_workers_shared_socket_gets_connections_without_nagle() -> None:
    """asyncio sets TCP_NODELAY only on connections whose socket says it is TCP: without it,
    small answers waited for the client's delayed ACK (about 40 ms each)."""
    config = TcpConfig("web.app:create_app", factory=True, host="127.0.0.1", port=0, workers=2)
    with config.bind_socket() as listening:
        listening.listen()  # each worker's server does
        client = socket.create_connection(listening.getsockname())
        accepted, _ = listening.accept()
        client.close()
        with accepted:
            asyncio.base_events._set_nodelay(accepted)  # what each worker's event loop does
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)

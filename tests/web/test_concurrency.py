"""CPU-bound work never runs on the event loop: while an evaluation runs, /health (and any
other request) is answered at once. Was: the evaluate endpoint was ``async`` and did its
parsing and evaluation on the loop, so one heavy request froze every client, /health too."""

from __future__ import annotations

import copy
import http.client
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import web.app
from catalog.catalog import Catalog
from tests.web.serving import serving
from web.app import create_app

BEDROOM: dict[str, Any] = json.loads(
    (Path(__file__).parents[2] / "examples" / "bedroom.json").read_text()
)


def request(
    where: tuple[str, int], method: str, path: str, body: bytes | None = None
) -> tuple[int, bytes, float]:
    """One request on a new connection: status, body and seconds taken."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(*where, timeout=30)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), time.perf_counter() - started
    finally:
        connection.close()


def test_health_answers_while_an_evaluation_holds_its_thread(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An evaluation that blocks until /health has answered: it can only finish in time if it
    does not run on the event loop."""
    started, release = threading.Event(), threading.Event()
    real = web.app.evaluate_design

    def blocking(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(timeout=20)  # as a long computation would hold its thread
        return real(*args, **kwargs)

    monkeypatch.setattr(web.app, "evaluate_design", blocking)
    with serving(create_app(catalog=catalog)) as where, ThreadPoolExecutor(2) as pool:
        body = json.dumps(BEDROOM).encode()
        evaluating = pool.submit(request, where, "POST", "/api/v1/evaluate", body)
        assert started.wait(timeout=10)
        answers = [request(where, "GET", "/health") for _ in range(5)]
        catalog_answer = request(where, "GET", "/api/v1/catalog")
        still_running = not evaluating.done()
        release.set()
        status, _, seconds = evaluating.result(timeout=30)
    assert still_running and status == 200
    assert [a[0] for a in answers] == [200] * 5 and catalog_answer[0] == 200
    assert max(a[2] for a in answers) < 2 < seconds + 2


@pytest.mark.slow
def test_health_stays_prompt_during_a_heavy_evaluation(catalog: Catalog) -> None:
    """A real CPU-bound evaluation (the most cabinets a design may have, all overlapping):
    /health is answered within a fraction of a second throughout. A loop blocked by the
    evaluation would answer once, when it ends; on a shared machine one answer may be slow
    for other reasons (another process took the core), so the typical answer is judged, and
    at most one slow one is forgiven."""
    doc = copy.deepcopy(BEDROOM)
    doc["cabinets"] = [dict(doc["cabinets"][0], id=f"C{i}") for i in range(200)]
    with serving(create_app(catalog=catalog)) as where, ThreadPoolExecutor(2) as pool:
        evaluating = pool.submit(
            request, where, "POST", "/api/v1/evaluate", json.dumps(doc).encode()
        )
        latencies = []
        while not evaluating.done():
            status, _, seconds = request(where, "GET", "/health")
            assert status == 200
            latencies.append(seconds)
            time.sleep(0.05)
        status, _, took = evaluating.result()
    assert status == 200
    assert len(latencies) >= 3, f"the evaluation took only {took:.2f} s: {latencies}"
    assert sorted(latencies)[len(latencies) // 2] < 0.1, latencies
    assert sum(seconds > 0.5 for seconds in latencies) <= 1, latencies


def test_a_chunked_body_is_cut_off_at_the_limit(catalog: Catalog) -> None:
    """Over a real connection, without Content-Length: the server answers 413 once the limit
    is passed, without waiting for (or reading) the rest."""
    with serving(create_app(catalog=catalog)) as where:
        connection = http.client.HTTPConnection(*where, timeout=30)
        connection.putrequest("POST", "/api/v1/evaluate")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        chunk = b"[" + b" " * 65_534 + b"\n"
        sent = 0
        try:
            for _ in range(64):  # 4 MiB, if the server took it all
                connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the end
        else:
            connection.send(b"0\r\n\r\n")
        response = connection.getresponse()
        body = json.loads(response.read())
        connection.close()
    assert response.status == 413 and body["error"]["code"] == "payload_too_large"

"""Rendered quote documents: rendered once per key, a few at a time, bounded in bytes."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from web.document_cache import DocumentCache


def test_a_document_is_rendered_once_and_then_read() -> None:
    cache = DocumentCache()
    renders: list[str] = []

    def render() -> bytes:
        renders.append("pdf")
        return b"%PDF-1.4 quote"

    assert cache.get(("Q-2026-000001", "zh-CN", "pdf"), render) == b"%PDF-1.4 quote"
    assert cache.get(("Q-2026-000001", "zh-CN", "pdf"), render) == b"%PDF-1.4 quote"
    assert renders == ["pdf"]


def test_no_more_than_two_render_at_once_and_the_rest_wait_for_their_turn() -> None:
    cache = DocumentCache(renders=2)
    running, most = 0, 0
    lock = threading.Lock()

    def render(n: int) -> bytes:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1
        return str(n).encode()

    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda n: cache.get(n, lambda: render(n)), range(8)))
    assert got == [str(n).encode() for n in range(8)]
    assert most == 2  # really in parallel, and never more


def test_the_least_recently_read_go_first_past_the_size() -> None:
    cache = DocumentCache(max_bytes=10)
    cache.get("a", lambda: b"aaaa")
    cache.get("b", lambda: b"bbbb")
    cache.get("a", lambda: b"never")  # read: now the most recent
    cache.get("c", lambda: b"cccc")  # 12 bytes: b goes
    assert cache.get("a", lambda: b"again") == b"aaaa"
    assert cache.get("b", lambda: b"again") == b"again"
    assert cache.get("big", lambda: b"x" * 11) == b"x" * 11  # too big to keep, still answered
    assert cache.get("big", lambda: b"y" * 11) == b"y" * 11

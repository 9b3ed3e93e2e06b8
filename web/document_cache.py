"""Rendered quote documents, kept: a quote never changes once issued, so its PDF in one
language is the same bytes on every read and needs rendering once per process. A large
quote's PDF takes seconds of CPU (reportlab laying out hundreds of lines); rendering is also
limited to a few at a time, so a burst of them queues instead of starving every other
request of the CPU. Access is checked before the cache is asked, on every read."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Final

__all__ = ["DocumentCache"]

MAX_BYTES: Final = 64 * 1024 * 1024
RENDERS_AT_ONCE: Final = 2


class DocumentCache:
    """Documents by key (quote number, language, format), least recently read dropped first
    past ``max_bytes``; at most ``renders`` rendered at once."""

    def __init__(self, *, max_bytes: int = MAX_BYTES, renders: int = RENDERS_AT_ONCE) -> None:
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._max = max_bytes
        self._lock = threading.Lock()
        self._rendering = threading.BoundedSemaphore(renders)

    def get(self, key: Hashable, render: Callable[[], bytes]) -> bytes:
        """The document under ``key``, rendered by ``render`` the first time."""
        with self._lock:
            if (found := self._kept.get(key)) is not None:
                self._kept.move_to_end(key)
                return found
        with self._rendering:
            with self._lock:  # rendered meanwhile by a request that queued before this one
                if (found := self._kept.get(key)) is not None:
                    return found
            made = render()
        with self._lock:
            if key not in self._kept and len(made) <= self._max:
                self._kept[key] = made
                self._size += len(made)
                while self._size > self._max:
                    _, dropped = self._kept.popitem(last=False)
                    self._size -= len(dropped)
        return made

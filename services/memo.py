"""The memory behind ``kernel.memo.Memo``: a bounded least-recently-used map shared by the
threads of one process, and the evaluation cache the web app keeps per catalog and price book.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from catalog.catalog import Catalog
from kernel.memo import Memo
from pricing.price import PriceBook

__all__ = ["EvaluationCache", "LruMemo"]

T = TypeVar("T")
_MISSING = object()


class LruMemo:
    """Remembers up to ``size`` values, forgetting the least recently used first.

    Thread-safe: the lock is held only to look up and to store, never while computing, so
    two threads may compute the same value at once (the core's pieces are deterministic, so
    either result is the same).

    >>> memo = LruMemo(2)
    >>> memo("a", lambda: 1), memo("b", lambda: 2), memo("a", lambda: 9)
    (1, 2, 1)
    >>> memo("c", lambda: 3), memo("b", lambda: 8)
    (3, 8)
    >>> memo.hits, memo.misses, len(memo)
    (1, 4, 2)
    """

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"an LRU memo holds at least one value, not {size}")
        self.size = size
        self.hits = self.misses = 0
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, key: Hashable, compute: Callable[[], T], /) -> T:
        with self._lock:  # one look-up on a hit: this runs some 700 times an evaluation
            found = self._values.get(key, _MISSING)
            if found is not _MISSING:
                self._values.move_to_end(key)
                self.hits += 1
                return found  # type: ignore[return-value]  # stored by this key's compute
            self.misses += 1
        value = compute()
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)


class EvaluationCache:
    """What evaluations may reuse (built cabinets, their rule results and price lines), for one
    catalog and price book at a time: asked with other ones, it starts a new memory, so a
    value is never reused across catalogs or price lists. ``views`` remembers what the
    answers' views may reuse (each price line's JSON, by line object): it depends on nothing
    else."""

    # pieces: each cabinet uses nine (built, priced, its plan, front zone, four rules'
    # problems), so about 500 cabinets, some 25 MB (a built cabinet is about 32 kB)
    DEFAULT_SIZE = 4096

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self.views = LruMemo(2 * size)  # price lines: about 15 a cabinet
        self._lock = threading.Lock()
        self._bound: tuple[Catalog, PriceBook, LruMemo] | None = None

    def memo_for(self, catalog: Catalog, book: PriceBook) -> Memo:
        """The memory for ``catalog`` and ``book`` (compared by identity)."""
        with self._lock:
            bound = self._bound
            if bound is None or bound[0] is not catalog or bound[1] is not book:
                bound = self._bound = (catalog, book, LruMemo(self.size))
            return bound[2]

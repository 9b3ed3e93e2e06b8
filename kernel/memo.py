"""Memoisation the caller hands in: the core keeps no state of its own between calls.

A function that can reuse earlier work takes a ``Memo`` and asks it for each piece by a
hashable key that names everything the piece depends on; ``no_memo`` (the default) computes
every time. The memory itself (bounded, shared by threads) belongs to the caller:
``services.memo.LruMemo``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Protocol, TypeVar

__all__ = ["Memo", "no_memo"]

T = TypeVar("T")


class Memo(Protocol):
    """``memo(key, compute)``: the value remembered under ``key``, else ``compute()``'s
    (which it may remember). Values must be immutable: they are shared."""

    def __call__(self, key: Hashable, compute: Callable[[], T], /) -> T: ...


def no_memo(key: Hashable, compute: Callable[[], T], /) -> T:
    """Remember nothing: compute every time.

    >>> no_memo("k", lambda: 42)
    42
    """
    return compute()

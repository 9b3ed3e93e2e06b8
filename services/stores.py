"""The stores, as anyone may list them (hours, slots and booking come with store visits)."""

from __future__ import annotations

from services.backend import Backend
from services.ports import Store

__all__ = ["list_stores"]


def list_stores(*, backend: Backend) -> list[Store]:
    """Every store, by id."""
    return backend.stores.all()

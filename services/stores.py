"""The stores, as anyone may list them (hours, slots and booking come with store visits),
with where each one is, and the districts customers say they live in."""

from __future__ import annotations

from dataclasses import dataclass

from sales.districts import DISTRICTS, District
from sales.stores import Store as StorePlace
from services.backend import Backend
from services.errors import NotFound
from services.ports import Store

__all__ = ["ListedStore", "districts", "list_stores"]


@dataclass(frozen=True, slots=True)
class ListedStore:
    """A store and, when it takes bookings, its address and position (``place``)."""

    store: Store
    place: StorePlace | None


def list_stores(*, backend: Backend) -> list[ListedStore]:
    """Every store, by id, with its place."""
    return [ListedStore(s, _place(s.id, backend)) for s in backend.stores.all()]


def districts() -> tuple[District, ...]:
    """The districts a customer may pick where they live (to sort stores by distance)."""
    return DISTRICTS


def _place(store_id: str, backend: Backend) -> StorePlace | None:
    try:
        return backend.bookings.calendar(store_id).store
    except NotFound:
        return None  # a store that takes no bookings yet

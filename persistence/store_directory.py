"""The stores in the database: the services' ``StoreDirectory``."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from persistence.db import for_writing
from persistence.tables import StoreRow
from services.errors import NotFound
from services.ports import Store

__all__ = ["SqlStores"]


class SqlStores:
    """Stores behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)

    def all(self) -> list[Store]:
        with Session(self._engine) as session:
            return [_store(r) for r in session.exec(select(StoreRow).order_by(col(StoreRow.id)))]

    def get(self, store_id: str) -> Store:
        with Session(self._engine) as session:
            row = session.get(StoreRow, store_id)
            if row is None:
                raise NotFound("store", store_id)
            return _store(row)

    def put(self, store: Store) -> None:
        with Session(self._writer) as session, session.begin():
            session.merge(
                StoreRow(id=store.id, name=store.name, city=store.city, timezone=store.timezone)
            )


def _store(row: StoreRow) -> Store:
    return Store(id=row.id, name=row.name, city=row.city, timezone=row.timezone)

"""Saved designs and their revisions in the database: the services' ``DesignStore``.

A save is one transaction: ``UPDATE designs SET revision = n + 1 … WHERE id = … AND revision =
n``, then the insert of revision ``n + 1``. Of two saves of revision ``n`` the database lets one
update the row (on PostgreSQL the other waits for its commit and then finds ``n + 1``; on SQLite
the writers queue on ``BEGIN IMMEDIATE``), so the other gets ``StaleRevision`` and nothing is
overwritten; the revision's primary key ``(design_id, number)`` guards the same.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, and_, func, or_, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from persistence.cursors import make_cursor, read_cursor
from persistence.db import for_writing
from persistence.mappers import design_of, revision_of, revision_row
from persistence.tables import DesignRow, RevisionRow, ShareLinkRow
from services.access import DesignScope, Owned
from services.design_records import DesignPage, NewRevision, Revision, SavedDesign
from services.designs import DESIGN_ID
from services.errors import NotFound, StaleRevision

__all__ = ["SqlDesigns"]


class SqlDesigns:
    """Designs behind ``engine`` (already migrated)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = for_writing(engine)

    def create(
        self, design_id: str, owner_id: int, store_id: str | None, first: NewRevision
    ) -> SavedDesign:
        row = DesignRow(
            id=design_id,
            name=first.name,
            owner_id=owner_id,
            store_id=store_id,
            revision=1,
            created_at=first.at,
            updated_at=first.at,
        )
        revision = revision_row(design_id, 1, first)
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            session.add(row)
            session.flush()  # the design first: the revision's foreign key points at it
            session.add(revision)
        return design_of(row, revision)

    def get(self, design_id: str) -> SavedDesign:
        with Session(self._engine) as session:
            found = session.exec(_with_latest().where(DesignRow.id == design_id)).first()
            if found is None:
                raise NotFound("design", design_id)
            return design_of(*found)

    def count_owned(self, owner_id: int) -> int:
        with Session(self._engine) as session:
            return session.exec(
                select(func.count()).where(col(DesignRow.owner_id) == owner_id)
            ).one()

    def owned(self, design_id: str) -> Owned:
        with Session(self._engine) as session:
            found = session.exec(
                select(DesignRow.owner_id, DesignRow.store_id).where(DesignRow.id == design_id)
            ).first()
            if found is None:
                raise NotFound("design", design_id)
            return Owned(found[0], found[1])

    def save(self, design_id: str, expected: int, new: NewRevision) -> SavedDesign:
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            moved = session.exec(
                update(DesignRow)
                .where(col(DesignRow.id) == design_id, col(DesignRow.revision) == expected)
                .values(revision=expected + 1, name=new.name, updated_at=new.at)
            )
            if moved.rowcount != 1:
                current = session.exec(
                    select(DesignRow.revision).where(DesignRow.id == design_id)
                ).first()
                if current is None:
                    raise NotFound("design", design_id)
                raise StaleRevision(current)
            revision = revision_row(design_id, expected + 1, new)
            session.add(revision)
            row = session.get(DesignRow, design_id)
            assert row is not None
        return design_of(row, revision)

    def revision(self, design_id: str, number: int) -> Revision:
        with Session(self._engine) as session:
            row = session.get(RevisionRow, (design_id, number))
            if row is None:
                raise NotFound("revision", f"{design_id}/{number}")
            return revision_of(row)

    def revisions(self, design_id: str) -> list[Revision]:
        with Session(self._engine) as session:
            rows = session.exec(
                select(RevisionRow)
                .where(RevisionRow.design_id == design_id)
                .order_by(col(RevisionRow.number))
            )
            return [revision_of(r) for r in rows]

    def page(self, scope: DesignScope, cursor: str | None, limit: int) -> DesignPage:
        query = (
            _with_latest()
            .where(_in_scope(scope))
            .order_by(col(DesignRow.updated_at).desc(), col(DesignRow.id).desc())
            .limit(limit + 1)
        )
        if cursor is not None:
            updated_at, last_id = read_cursor(cursor, DESIGN_ID)
            query = query.where(
                or_(
                    col(DesignRow.updated_at) < updated_at,
                    and_(col(DesignRow.updated_at) == updated_at, col(DesignRow.id) < last_id),
                )
            )
        with Session(self._engine) as session:
            found = [design_of(*pair) for pair in session.exec(query)]
        more = len(found) > limit
        shown = tuple(found[:limit])
        return DesignPage(
            designs=shown, next_cursor=make_cursor_of(shown[-1]) if more and shown else None
        )

    def claim(self, from_owner: int, to_owner: int) -> int:
        with Session(self._writer) as session, session.begin():
            done = session.exec(
                update(DesignRow)
                .where(col(DesignRow.owner_id) == from_owner)
                .values(owner_id=to_owner)
            )
            return int(done.rowcount)

    def attach(self, design_id: str, store_id: str) -> None:
        with Session(self._writer) as session, session.begin():
            session.exec(
                update(DesignRow).where(col(DesignRow.id) == design_id).values(store_id=store_id)
            )

    def share(self, design_id: str, token_hash: str, by: int, at: datetime) -> None:
        with Session(self._writer) as session, session.begin():
            session.add(
                ShareLinkRow(
                    token_hash=token_hash, design_id=design_id, created_by=by, created_at=at
                )
            )

    def unshare(self, design_id: str, at: datetime) -> int:
        with Session(self._writer) as session, session.begin():
            done = session.exec(
                update(ShareLinkRow)
                .where(
                    col(ShareLinkRow.design_id) == design_id,
                    col(ShareLinkRow.revoked_at).is_(None),
                )
                .values(revoked_at=at)
            )
            return int(done.rowcount)

    def shared(self, token_hash: str) -> str | None:
        with Session(self._engine) as session:
            return session.exec(
                select(ShareLinkRow.design_id).where(
                    ShareLinkRow.token_hash == token_hash,
                    col(ShareLinkRow.revoked_at).is_(None),
                )
            ).first()


def _with_latest() -> Select[DesignRow, RevisionRow]:
    """Designs, each with its latest revision."""
    return select(DesignRow, RevisionRow).join(
        RevisionRow,
        and_(
            col(RevisionRow.design_id) == col(DesignRow.id),
            col(RevisionRow.number) == col(DesignRow.revision),
        ),
    )


def _in_scope(scope: DesignScope) -> ColumnElement[bool]:
    """The designs of ``scope``: the owner's, and a store's or every store's."""
    mine: ColumnElement[bool] = col(DesignRow.owner_id) == scope.owner_id
    if scope.every_store:
        return or_(mine, col(DesignRow.store_id).is_not(None))
    if scope.store_id is not None:
        return or_(mine, col(DesignRow.store_id) == scope.store_id)
    return mine


def make_cursor_of(last: SavedDesign) -> str:
    """An opaque cursor after ``last`` in the list's order."""
    return make_cursor(last.updated_at, last.id)

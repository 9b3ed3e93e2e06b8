"""Saved designs: create, read, save as a new revision, history, copy, share and take on in a
store, list. Access is decided by ``services.access``; a design the actor may not see is
``NotFound``, exactly as if it did not exist.

A document is checked by ``parse_design`` before it is kept (a design with rule problems is
kept: it is work in progress; one that cannot be read is refused) and kept as
``to_document`` writes it, so every revision reads back the same way.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Final

from configurator.model.document import parse_design, to_document
from kernel.problems import Problem
from services.access import Owned, may_edit, may_read, scope_of
from services.backend import Backend
from services.credentials import hash_token, new_token
from services.design_records import DesignPage, NewRevision, Revision, SavedDesign
from services.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    QuotaExceeded,
    RevisionRequired,
)
from services.identity import STORE_ROLES, Actor, Role
from services.problems import ServiceProblem

__all__ = [
    "DESIGN_ID",
    "MAX_PAGE",
    "Person",
    "copy_design",
    "create_design",
    "design_people",
    "list_designs",
    "read_design",
    "read_revision",
    "revision_history",
    "save_design",
    "share_design",
    "shared_design",
    "take_on",
    "unshare_design",
]

MAX_PAGE: Final = 100
# Storage is bounded per account: a visitor's designs are a handful, a person's or a store
# designer's a few hundred; a design's history is long enough for months of autosaves.
MAX_DESIGNS_ANONYMOUS: Final = 20
MAX_DESIGNS: Final = 1_000
MAX_REVISIONS: Final = 10_000
MAX_REVISION: Final = 10**9  # what If-Match can name (nine digits)
DESIGN_ID: Final = re.compile(r"[A-Za-z0-9_-]{1,32}")  # what _new_id makes, and a bit more
SHARE_PREFIX: Final = "mwl_"


def create_design(
    document: object, *, actor: Actor, backend: Backend, note: str = ""
) -> SavedDesign:
    """Keep a new design owned by ``actor`` (in their store's care if they work in one);
    ``QuotaExceeded`` past the designs an account may own."""
    first = _revision(document, actor, backend, note)
    most = MAX_DESIGNS_ANONYMOUS if actor.role is Role.ANONYMOUS else MAX_DESIGNS
    if backend.designs.count_owned(actor.account_id) >= most:
        raise QuotaExceeded(f"an account may own {most} designs; delete or reuse one")
    store = actor.store_id if actor.role in STORE_ROLES else None
    return backend.designs.create(_new_id(), actor.account_id, store, first)


def read_design(design_id: str, *, actor: Actor, backend: Backend) -> SavedDesign:
    """A design at its latest revision."""
    _readable(design_id, actor, backend)
    return backend.designs.get(design_id)


def save_design(
    design_id: str,
    document: object,
    *,
    expected: int | None,
    actor: Actor,
    backend: Backend,
    note: str = "",
) -> SavedDesign:
    """Save ``document`` as the next revision of a design whose latest is ``expected``
    (``RevisionRequired`` without it, ``StaleRevision`` if someone saved in between)."""
    owned = _readable(design_id, actor, backend)
    if not may_edit(actor, owned):
        raise Forbidden("change this design")
    if expected is None:
        raise RevisionRequired("say which revision this save changes")
    if expected >= MAX_REVISIONS:
        raise QuotaExceeded(f"a design keeps {MAX_REVISIONS} revisions; save it as a copy")
    return backend.designs.save(design_id, expected, _revision(document, actor, backend, note))


def revision_history(design_id: str, *, actor: Actor, backend: Backend) -> list[Revision]:
    """Every revision of a design, oldest first."""
    _readable(design_id, actor, backend)
    return backend.designs.revisions(design_id)


def read_revision(
    design_id: str, number: int | None, *, actor: Actor, backend: Backend
) -> Revision:
    """One revision of a design (``None``: the latest)."""
    _readable(design_id, actor, backend)
    if number is None:
        number = backend.designs.get(design_id).revision
    try:
        if not 1 <= number <= MAX_REVISION:  # none is kept; a database integer may not hold it
            raise NotFound("revision", str(number))
        return backend.designs.revision(design_id, number)
    except NotFound:
        raise InvalidInput(
            [Problem.of(ServiceProblem.UNKNOWN_REVISION, "revision", value=number)]
        ) from None


def copy_design(design_id: str, *, actor: Actor, backend: Backend) -> SavedDesign:
    """Save as: a new design owned by ``actor`` with the latest revision's document."""
    source = read_design(design_id, actor=actor, backend=backend)
    return create_design(
        source.document,
        actor=actor,
        backend=backend,
        note=f"copy of {design_id} r{source.revision}",
    )


def share_design(design_id: str, *, actor: Actor, backend: Backend) -> str:
    """A new read-only link token to a design (shown once; kept hashed)."""
    owned = _readable(design_id, actor, backend)
    if not may_edit(actor, owned):
        raise Forbidden("share this design")
    token, hashed = new_token(SHARE_PREFIX)
    backend.designs.share(design_id, hashed, actor.account_id, backend.clock.now())
    return token


def unshare_design(design_id: str, *, actor: Actor, backend: Backend) -> int:
    """Revoke every link to a design; how many there were."""
    owned = _readable(design_id, actor, backend)
    if not may_edit(actor, owned):
        raise Forbidden("stop sharing this design")
    return backend.designs.unshare(design_id, backend.clock.now())


def shared_design(token: str, *, backend: Backend) -> SavedDesign:
    """The design a live share link points at, at its latest revision; anyone with the link
    may read it."""
    design_id = (
        backend.designs.shared(hash_token(token)) if token.startswith(SHARE_PREFIX) else None
    )
    if design_id is None:
        raise NotFound("shared design", token[:8] + "…")
    return backend.designs.get(design_id)


def take_on(token: str, *, actor: Actor, backend: Backend) -> SavedDesign:
    """A designer or store manager takes on the design a customer shared with them: it comes
    into their store's care (the customer keeps owning it)."""
    if actor.role not in STORE_ROLES or actor.store_id is None:
        raise Forbidden("take on a design (designers and store managers only)")
    design = shared_design(token, backend=backend)
    if design.store_id not in (None, actor.store_id):
        # another store already looks after this customer: a link does not move them
        raise Forbidden("take on a design another store looks after")
    backend.designs.attach(design.id, actor.store_id)
    return backend.designs.get(design.id)


def list_designs(
    *,
    actor: Actor,
    backend: Backend,
    mine: bool = False,
    cursor: str | None = None,
    limit: int = 50,
) -> DesignPage:
    """The designs ``actor`` may see (only their own with ``mine``), newest first."""
    return backend.designs.page(scope_of(actor, mine=mine), cursor, max(1, min(limit, MAX_PAGE)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """Someone a design names: its owner, or the author of a revision."""

    id: int
    name: str  # the account's name, else its login; empty for an anonymous visitor
    role: Role


def design_people(design_id: str, *, actor: Actor, backend: Backend) -> tuple[Person, ...]:
    """The design's owner first, then everyone else who saved a revision of it: the editor
    says whose design a designer works on and who changed what (a share link shows none)."""
    owned = _readable(design_id, actor, backend)
    ids = [owned.owner_id]
    for revision in backend.designs.revisions(design_id):
        if revision.author_id not in ids:
            ids.append(revision.author_id)
    people = []
    for account_id in ids:
        account = backend.accounts.get(account_id)
        name = account.name or account.login or ""
        people.append(Person(id=account.id, name=name, role=account.role))
    return tuple(people)


def _readable(design_id: str, actor: Actor, backend: Backend) -> Owned:
    """Who owns a design the actor may see; ``NotFound`` for any other (and for an id no
    design can have: a store need not take every string, PostgreSQL's text no NUL)."""
    if not DESIGN_ID.fullmatch(design_id):
        raise NotFound("design", design_id[:40])
    owned = backend.designs.owned(design_id)
    if not may_read(actor, owned):
        raise NotFound("design", design_id)
    return owned


def _revision(document: object, actor: Actor, backend: Backend, note: str) -> NewRevision:
    """A save of ``document`` by ``actor`` now: the document as kept, read by
    ``parse_design`` (``InvalidDesign`` if it cannot be) and written back."""
    kept = to_document(parse_design(document))
    return NewRevision(
        name=str(kept["name"]),
        document=kept,
        author_id=actor.account_id,
        at=backend.clock.now(),
        note=note,
    )


def _new_id() -> str:
    """A design id: 16 random characters, so ids say nothing about how many designs exist."""
    return secrets.token_urlsafe(12)

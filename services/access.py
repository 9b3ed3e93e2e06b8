"""Who may do what with a design or a quote (DESIGN.md §7), decided here and nowhere else.

A design belongs to its owner; once a designer of a store takes it on, the designers and the
manager of that store may refine it too; sales read the designs of every store. Nobody else
sees it: the use cases answer ``NotFound`` for a design the actor may not see, so its
existence does not leak, and ``Forbidden`` only for what they see but may not do.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.identity import STORE_ROLES, Actor, Role

__all__ = [
    "DesignScope",
    "Owned",
    "may_edit",
    "may_issue_quote",
    "may_read",
    "scope_of",
]


@dataclass(frozen=True, slots=True)
class Owned:
    """What decides access to a design (and to the quotes issued from it)."""

    owner_id: int
    store_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DesignScope:
    """The designs a list may show: the owner's, one store's, or every store's."""

    owner_id: int
    store_id: str | None = None
    every_store: bool = False


def may_read(actor: Actor, thing: Owned) -> bool:
    """The owner, the staff of the store looking after it, and sales.

    Examples
    --------
    >>> shop = Owned(owner_id=1, store_id="sh-1")
    >>> may_read(Actor(account_id=1, role=Role.CONSUMER), shop)
    True
    >>> may_read(Actor(account_id=2, role=Role.DESIGNER, store_id="sh-1"), shop)
    True
    >>> may_read(Actor(account_id=3, role=Role.DESIGNER, store_id="bj-1"), shop)
    False
    >>> may_read(Actor(account_id=4, role=Role.SALES), shop)
    True
    >>> may_read(Actor(account_id=5, role=Role.ADMIN), shop)
    False
    """
    if actor.role is Role.SALES:
        return thing.store_id is not None or actor.account_id == thing.owner_id
    return may_edit(actor, thing)


def may_edit(actor: Actor, thing: Owned) -> bool:
    """The owner, and the designers and manager of the store looking after it."""
    if actor.account_id == thing.owner_id:
        return True
    return (
        actor.role in STORE_ROLES
        and actor.store_id is not None
        and actor.store_id == thing.store_id
    )


def may_issue_quote(actor: Actor, thing: Owned) -> bool:
    """Whoever may edit the design, once signed up: a quote is a commitment to a person."""
    return actor.role is not Role.ANONYMOUS and may_edit(actor, thing)


def scope_of(actor: Actor, *, mine: bool = False) -> DesignScope:
    """The designs ``actor`` may list (only their own with ``mine``)."""
    if mine:
        return DesignScope(owner_id=actor.account_id)
    if actor.role in STORE_ROLES:
        return DesignScope(owner_id=actor.account_id, store_id=actor.store_id)
    return DesignScope(owner_id=actor.account_id, every_store=actor.role is Role.SALES)

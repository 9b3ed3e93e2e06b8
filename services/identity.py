"""Who is asking: accounts, their roles (DESIGN.md §7) and the actor a request runs as.

An anonymous visitor is an account too (role ``anonymous``, no login), made the first time
they save something, so their designs have an owner; signing up or logging in claims them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = ["STAFF_ROLES", "STORE_ROLES", "Account", "Actor", "Role"]


class Role(StrEnum):
    """The roles, named as in code, CLI and API."""

    ANONYMOUS = "anonymous"
    CONSUMER = "consumer"
    DESIGNER = "designer"
    STORE_MANAGER = "store_manager"
    SALES = "sales"
    FACTORY = "factory"
    ADMIN = "admin"


STORE_ROLES = frozenset({Role.DESIGNER, Role.STORE_MANAGER})  # they belong to a store
STAFF_ROLES = frozenset(set(Role) - {Role.ANONYMOUS, Role.CONSUMER})


@dataclass(frozen=True, slots=True, kw_only=True)
class Account:
    """An account as the services see it (its password hash stays in storage)."""

    id: int
    login: str | None  # None for an anonymous visitor
    role: Role
    store_id: str | None = None
    name: str = ""
    disabled: bool = False
    created_at: datetime

    @property
    def actor(self) -> Actor:
        return Actor(account_id=self.id, role=self.role, store_id=self.store_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """The account a request runs as: what authorisation decides on."""

    account_id: int
    role: Role
    store_id: str | None = None

"""Saved designs as the services see them: a design's header, its revisions, a page of a
list. Documents are kept as the JSON the client sent, normalised by ``to_document``; every
derived view is recomputed from them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["DesignPage", "NewRevision", "Revision", "SavedDesign"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SavedDesign:
    """A design and its latest revision: ``revision`` is the number its ``ETag`` carries."""

    id: str
    name: str
    owner_id: int
    store_id: str | None
    revision: int
    document: Mapping[str, Any]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Revision:
    """One save of a design: never changed once kept."""

    design_id: str
    number: int
    name: str
    document: Mapping[str, Any]
    author_id: int
    note: str
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class NewRevision:
    """What a save brings: the document, its name, who saves it, when and why."""

    name: str
    document: Mapping[str, Any]
    author_id: int
    at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DesignPage:
    """Designs newest first, and the cursor of the next page (``None``: this is the last)."""

    designs: tuple[SavedDesign, ...]
    next_cursor: str | None

"""Derived views of a saved design's revision: its cut list, plan, a wall's elevation and its
evaluation, its 3D model, each recomputed from the stored document (never stored), for whoever
may read the design (``NotFound`` for anyone else)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from services.backend import Backend
from services.design_views import CutList, draw_elevation, draw_plan, make_cut_list
from services.designs import read_revision
from services.evaluation import DesignReport, PriceRequest, evaluate_design
from services.identity import Actor
from services.model import make_model_glb

__all__ = [
    "OfRevision",
    "saved_cut_list",
    "saved_elevation",
    "saved_evaluation",
    "saved_model_glb",
    "saved_plan",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class OfRevision(Generic[T]):
    """A view and the revision it was derived from (the latest when none was asked)."""

    design_id: str
    revision: int
    view: T


def saved_cut_list(
    design_id: str, revision: int | None, *, actor: Actor, backend: Backend
) -> OfRevision[CutList]:
    """The cut list of a revision (``None``: the latest) whose every cabinet can be built."""
    kept = read_revision(design_id, revision, actor=actor, backend=backend)
    cut_list = make_cut_list(kept.document, catalogs=backend.catalogs)
    return OfRevision(design_id, kept.number, cut_list)


def saved_plan(
    design_id: str, revision: int | None, *, actor: Actor, backend: Backend
) -> OfRevision[str]:
    """The plan of a revision, as SVG."""
    kept = read_revision(design_id, revision, actor=actor, backend=backend)
    return OfRevision(design_id, kept.number, draw_plan(kept.document, catalogs=backend.catalogs))


def saved_elevation(
    design_id: str, revision: int | None, wall: int, *, actor: Actor, backend: Backend
) -> OfRevision[str]:
    """The elevation of ``wall`` of a revision, as SVG (``InvalidInput`` for no such wall)."""
    kept = read_revision(design_id, revision, actor=actor, backend=backend)
    svg = draw_elevation(kept.document, catalogs=backend.catalogs, wall=wall)
    return OfRevision(design_id, kept.number, svg)


def saved_model_glb(
    design_id: str, revision: int | None, *, actor: Actor, backend: Backend
) -> OfRevision[bytes]:
    """The GLB of a revision whose every cabinet can be built."""
    kept = read_revision(design_id, revision, actor=actor, backend=backend)
    glb, _ = make_model_glb(kept.document, catalogs=backend.catalogs)
    return OfRevision(design_id, kept.number, glb)


def saved_evaluation(
    design_id: str,
    revision: int | None,
    *,
    actor: Actor,
    backend: Backend,
    request: PriceRequest | None = None,
) -> OfRevision[DesignReport]:
    """A revision's problems, price (today's price list, for ``request``'s customer) and
    parts summary."""
    kept = read_revision(design_id, revision, actor=actor, backend=backend)
    report = evaluate_design(
        kept.document,
        catalogs=backend.catalogs,
        clock=backend.clock,
        request=request,
        fixes=True,
    )
    return OfRevision(design_id, kept.number, report)

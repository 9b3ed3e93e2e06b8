"""The 3D model of a design as GLB (loads trimesh: kept apart from the light use cases)."""

from __future__ import annotations

from configurator.room.geometry import check_room
from configurator.views.glb import render_glb
from kernel.memo import no_memo
from services.design_views import build_checked_design
from services.errors import DesignHasErrors
from services.memo import EvaluationCache
from services.ports import CatalogSource

__all__ = ["make_model_glb"]


def make_model_glb(
    document: object, *, catalogs: CatalogSource, cache: EvaluationCache | None = None
) -> tuple[bytes, int]:
    """The GLB of a design whose every cabinet can be built, in a room that can be drawn
    (``DesignHasErrors`` otherwise: a room without an area has no walls to model, and with
    no cabinets either there would be nothing to export), and its number of parts.

    With a ``cache`` (the process's, shared with the evaluations) only the cabinets that
    changed since an earlier model or evaluation are built and written again: live editing
    asks for the model after every edit."""
    catalog = catalogs.catalog()
    memo = cache.memo_for(catalog, catalogs.price_book()) if cache is not None else no_memo
    build = build_checked_design(document, catalogs=catalogs, memo=memo)
    if problems := check_room(build.design.room):
        raise DesignHasErrors(problems)
    return render_glb(build, catalog, memo), len(build.parts)

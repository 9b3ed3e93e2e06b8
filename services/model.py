"""The 3D model of a design as GLB (loads trimesh: kept apart from the light use cases)."""

from __future__ import annotations

from configurator.room.geometry import check_room
from configurator.views.mesh import render_glb
from services.design_views import build_checked_design
from services.errors import DesignHasErrors
from services.ports import CatalogSource

__all__ = ["make_model_glb"]


def make_model_glb(document: object, *, catalogs: CatalogSource) -> tuple[bytes, int]:
    """The GLB of a design whose every cabinet can be built, in a room that can be drawn
    (``DesignHasErrors`` otherwise: a room without an area has no walls to model, and with
    no cabinets either there would be nothing to export), and its number of parts."""
    build = build_checked_design(document, catalogs=catalogs)
    if problems := check_room(build.design.room):
        raise DesignHasErrors(problems)
    return render_glb(build, catalogs.catalog()), len(build.parts)

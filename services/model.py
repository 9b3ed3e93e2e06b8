"""The 3D model of a design as GLB (loads trimesh: kept apart from the light use cases)."""

from __future__ import annotations

from configurator.views.mesh import render_glb
from services.design_views import build_checked_design
from services.ports import CatalogSource

__all__ = ["make_model_glb"]


def make_model_glb(document: object, *, catalogs: CatalogSource) -> tuple[bytes, int]:
    """The GLB of a design whose every cabinet can be built, and its number of parts."""
    build = build_checked_design(document, catalogs=catalogs)
    return render_glb(build, catalogs.catalog()), len(build.parts)

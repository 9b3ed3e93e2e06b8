"""Use cases that derive one view of a design: its cut list, plan, a wall's elevation, the
fill proposals for a wall, its 3D model. Each reads the document, refuses what the view cannot
show, and returns the view's value; the CLI and the API render or send it."""

from __future__ import annotations

from dataclasses import dataclass

from catalog.catalog import Catalog
from catalog.problems import CatalogProblem
from configurator.build.design_build import DesignBuild, build_design
from configurator.build.parts import Part
from configurator.build.problems import BuildProblem
from configurator.model.document import parse_design
from configurator.room.geometry import check_room
from configurator.rules.fill import SpanOffer, offer_fill
from configurator.views.elevation import render_elevation_svg
from configurator.views.plan import render_plan_svg
from kernel.memo import Memo, no_memo
from kernel.problems import Problem, errors_in
from services.errors import DesignHasErrors, InvalidInput
from services.memo import EvaluationCache, LruMemo
from services.ports import CatalogSource

__all__ = [
    "CutList",
    "build_checked_design",
    "draw_elevation",
    "draw_plan",
    "fill_wall",
    "make_cut_list",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class CutList:
    """Every part of a design and the catalog version they were built from."""

    parts: tuple[Part, ...]
    catalog_version: str


def build_checked_design(
    document: object, *, catalogs: CatalogSource, memo: Memo = no_memo
) -> DesignBuild:
    """The design built (``memo`` may hand back cabinets built before); ``DesignHasErrors``
    when a cabinet cannot be built at all (a cut list or a model would silently leave it
    out)."""
    build = build_design(parse_design(document), catalogs.catalog(), memo)
    if errors := errors_in(build.problems):
        raise DesignHasErrors(errors)
    return build


def make_cut_list(document: object, *, catalogs: CatalogSource) -> CutList:
    """The cut list of a design whose every cabinet can be built."""
    build = build_checked_design(document, catalogs=catalogs)
    return CutList(parts=build.parts, catalog_version=catalogs.catalog().version)


def draw_plan(document: object, *, catalogs: CatalogSource) -> str:
    """The plan view; cabinets that cannot be built are left out, as in the 3D view."""
    return render_plan_svg(_drawable(document, catalogs.catalog()))


def draw_elevation(document: object, *, catalogs: CatalogSource, wall: int) -> str:
    """The elevation of ``wall`` (``InvalidInput`` if the room has no such wall)."""
    catalog = catalogs.catalog()
    build = _drawable(document, catalog, wall=wall)
    return render_elevation_svg(build, catalog, wall=wall)


def fill_wall(
    document: object, *, catalogs: CatalogSource, wall: int, template: str
) -> tuple[SpanOffer, ...]:
    """The free spans along ``wall`` for ``template`` cabinets, each with a checked proposal
    (a JSON Patch adding the cabinets that adds no error) or why there is none."""
    catalog = catalogs.catalog()
    if template not in catalog.templates or template == "filler":
        known = ", ".join(sorted(t for t in catalog.templates if t != "filler"))
        raise InvalidInput(
            [Problem.of(CatalogProblem.UNKNOWN_TEMPLATE, "template", value=template, allowed=known)]
        )
    build = _drawable(document, catalog, wall=wall)
    memo = LruMemo(EvaluationCache.DEFAULT_SIZE)  # the design's cabinets, built once
    return offer_fill(build.design, catalog, wall=wall, template=template, memo=memo)


def _drawable(document: object, catalog: Catalog, *, wall: int | None = None) -> DesignBuild:
    """The design built, in a room that can be drawn and that has ``wall``."""
    build = build_design(parse_design(document), catalog)
    problems = check_room(build.design.room)
    if problems:
        raise DesignHasErrors(problems)
    count = len(build.design.room.outline_mm)
    if wall is not None and not 0 <= wall < count:
        raise InvalidInput(
            [Problem.of(BuildProblem.UNKNOWN_WALL, "wall", value=wall, max=count - 1)]
        )
    return build

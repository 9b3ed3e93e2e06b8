"""Derived views of a design (DESIGN.md §5): of a saved revision, ``/api/v1/designs/{id}/…``
(the latest, or ``?revision=n``), recomputed from the stored document and never stored; and
of an unsaved document, ``POST /api/v1/preview/…`` (no account needed). Each route calls one
use case; the routes are sync, so the CPU work runs in a worker thread, never on the event
loop (the preview's body is parsed there too)."""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from configurator.model.document import MAX_VERTICES
from production_export.cut_list import render_cut_list_csv
from services.design_views import draw_elevation, draw_plan
from services.model import make_model_glb
from services.saved_views import (
    OfRevision,
    saved_cut_list,
    saved_elevation,
    saved_evaluation,
    saved_model_glb,
    saved_plan,
)
from web.api_support import (
    CallerDep,
    JsonBytes,
    PriceOptions,
    RevisionQuery,
    backend_of,
    evaluation_cache_of,
    parse_json,
    signed_in,
)
from web.hardening import DOCUMENT_SECURITY_POLICY
from web.messages import Language
from web.openapi import EVALUATE_BODY, document_response, errors, evaluation_response
from web.views import evaluation_view

__all__ = ["CsvResponse", "GlbResponse", "SvgResponse", "router"]

router = APIRouter(prefix="/api/v1", tags=["views"])

GLB: Final = "model/gltf-binary"
SVG: Final = "image/svg+xml"


class GlbResponse(Response):
    """A glTF 2.0 binary (GLB): metres, +y up, a node per part named by its part id."""

    media_type = GLB


class SvgResponse(Response):
    """A drawing (A4 landscape at a standard scale), styled inline."""

    media_type = SVG


def _drawing(svg: str, headers: dict[str, str] | None = None) -> SvgResponse:
    """A drawing, with the policy that lets it use its inline styles when opened on its own
    (the app's policy would strip its lines)."""
    return SvgResponse(
        svg, headers={"Content-Security-Policy": DOCUMENT_SECURITY_POLICY} | (headers or {})
    )


class CsvResponse(Response):
    """The cut list: UTF-8, comma, header row (DESIGN.md §5 columns first)."""

    media_type = "text/csv"


Wall = Annotated[int, Path(ge=0, le=MAX_VERTICES - 1, description="the wall's index")]

_GLB_ANSWER: Final = document_response(GLB, "the 3D model (glTF 2.0 binary)", binary=True)
_PLAN_ANSWER: Final = document_response(SVG, "the plan, A4 landscape SVG")
_ELEVATION_ANSWER: Final = document_response(
    SVG, "the wall seen from inside the room, A4 landscape SVG"
)
_CSV_ANSWER: Final = document_response(
    "text/csv",
    "part_id,cabinet,name,material,thickness_mm,length_mm,width_mm,quantity,grain,"
    "edge_l1,edge_l2,edge_w1,edge_w2, then finished_length_mm,finished_width_mm,role",
)


def _named(view: OfRevision[Any], what: str, *, attachment: bool = False) -> dict[str, str]:
    """``Content-Disposition`` naming the design, revision and view: ``<id>-r3-plan.svg``."""
    kind = "attachment" if attachment else "inline"
    return {"Content-Disposition": f'{kind}; filename="{view.design_id}-r{view.revision}-{what}"'}


# --- of a saved revision ------------------------------------------------------------------


@router.get(
    "/designs/{design_id}/model.glb",
    response_class=GlbResponse,
    responses=_GLB_ANSWER | errors(401, 404, 422),
)
def get_model(
    design_id: str, request: Request, caller: CallerDep, revision: RevisionQuery = None
) -> Response:
    """The 3D model of a revision (422 ``design_has_errors`` if a cabinet cannot be built)."""
    model = saved_model_glb(
        design_id, revision, actor=signed_in(caller), backend=backend_of(request)
    )
    return GlbResponse(model.view, headers=_named(model, "model.glb", attachment=True))


@router.get(
    "/designs/{design_id}/plan.svg",
    response_class=SvgResponse,
    responses=_PLAN_ANSWER | errors(401, 404, 422),
)
def get_plan(
    design_id: str, request: Request, caller: CallerDep, revision: RevisionQuery = None
) -> Response:
    """The plan of a revision (422 ``design_has_errors`` if the room cannot be drawn)."""
    plan = saved_plan(design_id, revision, actor=signed_in(caller), backend=backend_of(request))
    return _drawing(plan.view, headers=_named(plan, "plan.svg"))


@router.get(
    "/designs/{design_id}/elevation/{wall}.svg",
    response_class=SvgResponse,
    responses=_ELEVATION_ANSWER | errors(401, 404, 422),
)
def get_elevation(
    design_id: str, wall: Wall, request: Request, caller: CallerDep, revision: RevisionQuery = None
) -> Response:
    """The elevation of wall ``wall`` (0: from the outline's first vertex) of a revision
    (422 ``unknown_wall`` if the room has no such wall)."""
    drawn = saved_elevation(
        design_id, revision, wall, actor=signed_in(caller), backend=backend_of(request)
    )
    return _drawing(drawn.view, headers=_named(drawn, f"elevation-{wall}.svg"))


@router.get(
    "/designs/{design_id}/cutlist.csv",
    response_class=CsvResponse,
    responses=_CSV_ANSWER | errors(401, 404, 422),
)
def get_cut_list(
    design_id: str, request: Request, caller: CallerDep, revision: RevisionQuery = None
) -> Response:
    """The cut list of a revision, a row per part (422 ``design_has_errors`` if a cabinet
    cannot be built)."""
    cut = saved_cut_list(design_id, revision, actor=signed_in(caller), backend=backend_of(request))
    csv = render_cut_list_csv(cut.view.parts)
    return CsvResponse(csv, headers=_named(cut, "cutlist.csv", attachment=True))


@router.get(
    "/designs/{design_id}/evaluation",
    responses=evaluation_response() | errors(401, 404, 422),
)
def get_evaluation(
    design_id: str,
    request: Request,
    caller: CallerDep,
    options: PriceOptions,
    revision: RevisionQuery = None,
    lang: Language = "en",
) -> JSONResponse:
    """A revision's problems, price (today's price list, with the price options of
    ``POST /api/v1/evaluate``) and parts summary: the same answer as evaluate."""
    evaluated = saved_evaluation(
        design_id,
        revision,
        actor=signed_in(caller),
        backend=backend_of(request),
        request=options,
    )
    return JSONResponse(evaluation_view(evaluated.view, lang))


# --- of an unsaved document ---------------------------------------------------------------

_PREVIEW_ERRORS: Final = errors(400, 413, 415, 422)


@router.post(
    "/preview/model.glb",
    response_class=GlbResponse,
    responses=_GLB_ANSWER | _PREVIEW_ERRORS,
    openapi_extra=EVALUATE_BODY,
)
def post_preview_model(request: Request, body: JsonBytes) -> Response:
    """The 3D model of a design document (422 ``design_has_errors`` if a cabinet cannot be
    built)."""
    glb, _ = make_model_glb(
        parse_json(body),
        catalogs=backend_of(request).catalogs,
        cache=evaluation_cache_of(request),
    )
    return GlbResponse(glb)


@router.post(
    "/preview/plan.svg",
    response_class=SvgResponse,
    responses=_PLAN_ANSWER | _PREVIEW_ERRORS,
    openapi_extra=EVALUATE_BODY,
)
def post_preview_plan(request: Request, body: JsonBytes) -> Response:
    """The plan of a design document (422 ``design_has_errors`` if the room cannot be
    drawn)."""
    return _drawing(draw_plan(parse_json(body), catalogs=backend_of(request).catalogs))


@router.post(
    "/preview/elevation/{wall}.svg",
    response_class=SvgResponse,
    responses=_ELEVATION_ANSWER | _PREVIEW_ERRORS,
    openapi_extra=EVALUATE_BODY,
)
def post_preview_elevation(wall: Wall, request: Request, body: JsonBytes) -> Response:
    """The elevation of wall ``wall`` of a design document (422 ``unknown_wall`` if the room
    has no such wall)."""
    catalogs = backend_of(request).catalogs
    return _drawing(draw_elevation(parse_json(body), catalogs=catalogs, wall=wall))

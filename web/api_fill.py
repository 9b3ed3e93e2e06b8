"""``POST /api/v1/preview/fill``: the free spans of one wall of an unsaved design, each with a
checked proposal of one template's cabinets and the JSON Patch that adds them (no account
needed). The route is sync: the checking runs in a worker thread, never on the event loop."""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from configurator.model.document import MAX_CODE_LENGTH, MAX_VERTICES
from services.design_views import fill_wall
from web.api_support import JsonBytes, backend_of, parse_json
from web.fill_view import fill_view
from web.messages import Language
from web.openapi import EVALUATE_BODY, errors

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["views"])

_PATCH: Final = {
    "type": "array",
    "description": "RFC 6902 JSON Patch against the design document: adds the cabinets",
    "items": {
        "type": "object",
        "required": ["op", "path", "value"],
        "properties": {"op": {"const": "add"}, "path": {"const": "/cabinets/-"}, "value": {}},
    },
}
_PROPOSAL: Final = {
    "type": "object",
    "required": [
        *("template", "widths_mm", "filler_mm", "height_mm", "standard"),
        *("code", "params", "message", "patch"),
    ],
    "properties": {
        "template": {"type": "string"},
        "widths_mm": {"type": "array", "items": {"type": "integer"}},
        "filler_mm": {"type": "integer", "description": "0: no filler"},
        "height_mm": {"type": "integer"},
        "standard": {"type": "boolean", "description": "every width standard: no surcharge"},
        "code": {"const": "fill_span"},
        "params": {"type": "object"},
        "message": {"type": "string", "description": "in the language asked for"},
        "patch": _PATCH,
    },
}
_SPAN: Final = {
    "type": "object",
    "required": ["start_mm", "end_mm", "top_mm", "limit", "proposal", "problem"],
    "properties": {
        "start_mm": {"type": "number", "description": "along the wall from its start"},
        "end_mm": {"type": "number"},
        "top_mm": {"type": "number", "description": "how high cabinets may reach here"},
        "limit": {
            "type": ["string", "null"],
            "description": "what holds top_mm below the ceiling: window, beam, cabinet, ...",
        },
        "proposal": {"oneOf": [{"type": "null"}, _PROPOSAL]},
        "problem": {
            "description": "why there is no proposal",
            "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Problem"}],
        },
    },
}
_FILL_ANSWER: Final[dict[int | str, dict[str, Any]]] = {
    200: {
        "description": "the wall's free spans, each with a checked proposal or a problem",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["wall", "template", "spans"],
                    "properties": {
                        "wall": {"type": "integer"},
                        "template": {"type": "string"},
                        "spans": {"type": "array", "items": _SPAN},
                    },
                }
            }
        },
    }
}

WallQuery = Annotated[int, Query(ge=0, le=MAX_VERTICES - 1, description="the wall's index")]
TemplateQuery = Annotated[
    str, Query(min_length=1, max_length=MAX_CODE_LENGTH, description="a module template's code")
]


@router.post(
    "/preview/fill",
    responses=_FILL_ANSWER | errors(400, 413, 415, 422),
    openapi_extra=EVALUATE_BODY,
)
def post_preview_fill(
    wall: WallQuery,
    template: TemplateQuery,
    request: Request,
    body: JsonBytes,
    lang: Language = "en",
) -> JSONResponse:
    """The free spans of wall ``wall`` of a design document for ``template`` cabinets: each
    span (clear of doors, windows above their sill, beams, obstacles, corners and the
    cabinets there) with the cabinets that fill it and the JSON Patch that adds them,
    applied and evaluated before it is offered (it adds no error), or the problem that says
    why there is none (422 ``unknown_wall``, ``unknown_template``)."""
    offers = fill_wall(
        parse_json(body), catalogs=backend_of(request).catalogs, wall=wall, template=template
    )
    return JSONResponse(fill_view(offers, wall=wall, template=template, language=lang))

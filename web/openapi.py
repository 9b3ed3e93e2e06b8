"""The OpenAPI description as the API really is: the design document's JSON Schema as the body
of ``POST /api/v1/evaluate`` (with an example), the evaluation it answers, and every error
answer in the one error shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from configurator.model.schema import design_schema
from web.errors import ERROR_SCHEMA, PROBLEM_SCHEMA
from web.openapi_leads import LEAD_SHAPES
from web.openapi_shapes import SHAPES

__all__ = [
    "EVALUATE_BODY",
    "describe_api",
    "document_response",
    "errors",
    "evaluation_response",
    "quote_response",
]

_EXAMPLE = Path(__file__).parents[1] / "examples" / "bedroom.json"
_JSON = "application/json"

_REASONS: Final = {
    400: "the body is not JSON (or not UTF-8, or holds NaN or Infinity)",
    401: "not signed in (not_signed_in: no session or a wrong login or password; "
    "invalid_token: a bearer token that is not a live one)",
    403: "csrf_failed: a write with the session cookie but without its X-CSRF-Token; "
    "forbidden: the caller sees the object but their role may not do this; "
    "quota_exceeded: the account owns as many designs as it may, or the design has as many "
    "revisions",
    404: "no such object, or none the caller may see",
    405: "the path does not take this method; Allow lists those it takes",
    409: "already_exists: the login is taken; slot_taken: the time was just booked by "
    "someone else (pick another slot); lead_already_accepted, lead_reassigned: the lead is "
    "no longer waiting to be accepted; lead_not_pooled: a designer has the lead already",
    412: "stale_revision: someone saved in between; ETag is the current revision",
    413: "the body is larger than the limit",
    415: "the body is not sent as application/json (UTF-8)",
    422: "the body is JSON but not valid (a design, a field), or a query parameter is invalid; "
    "design_has_errors: the design cannot be made (its problems listed); a booking the rules "
    "refuse (booking_too_soon, store_closed, not_a_slot, …); idempotency_key_reused; "
    "unknown_designer: not a designer of the lead's store",
    428: 'revision_required: send If-Match: "<revision>" of the revision changed',
    503: "database_busy: the database stayed locked or could not be reached; nothing was "
    "written; Retry-After says when to try again",
    429: "too_many_attempts: too many failed log-ins, or too many new visitors, sign-ups or "
    "leads from one address; Retry-After says when to try again",
}

_EVALUATION: Final[dict[str, Any]] = {
    "type": "object",
    "required": ["problems", "price", "parts_summary"],
    "properties": {
        "problems": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/Problem"},
            "description": "what stands in the way of making the design, or is worth a look; "
            "at most 100, then one too_many_problems",
        },
        "price": {"type": "object", "description": "lines, promotions, totals, deposit"},
        "parts_summary": {"type": "object", "description": "parts, boards and hardware in figures"},
    },
}


_QUOTE: Final[dict[str, Any]] = {
    "type": "object",
    "required": ["number", "issued_at", "valid_until", "design_name", "design", "price"],
    "properties": {
        "number": {"type": "string", "pattern": "^Q-[0-9]{4}-[0-9]{6}$"},
        "issued_at": {"type": "string", "format": "date-time"},
        "valid_until": {"type": "string", "format": "date-time"},
        "design_name": {"type": "string"},
        "design": {"type": "object", "description": "the design document quoted (format v1)"},
        "price": {
            "type": "object",
            "description": "lines, promotions (with their words), totals, deposit, and the "
            "catalog and price-list versions, frozen when the quote was issued",
        },
        "drawings": {
            "type": "array",
            "items": {"type": "string"},
            "description": "the names of the drawings frozen with it (in its HTML and PDF)",
        },
        "customer": {
            "type": ["string", "null"],
            "description": "the design's owner, as named when it was issued",
        },
        "store": {
            "type": ["string", "null"],
            "description": "the store looking after the design: name, city",
        },
        "issued_by": {"type": ["string", "null"], "description": "who asked for the quote"},
    },
}


def _example() -> dict[str, Any] | None:
    """``examples/bedroom.json`` when the source tree is at hand (not in an installed wheel)."""
    try:
        loaded: dict[str, Any] = json.loads(_EXAMPLE.read_text(encoding="utf-8"))
    except OSError:
        return None
    return loaded


EVALUATE_BODY: Final = {
    "requestBody": {
        "required": True,
        "description": "a design document (format v1)",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Design"}}},
    }
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status with its reason and the error shape."""
    return {status: _error(status) for status in statuses}


def _error(status: int) -> dict[str, Any]:
    return {
        "description": _REASONS[status],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def evaluation_response() -> dict[int | str, dict[str, Any]]:
    """``responses=`` entry for the evaluation's 200."""
    return {
        200: {
            "description": "the design's problems, price and parts summary",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Evaluation"}}
            },
        }
    }


def quote_response(status: int = 200) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entry for a quote as JSON."""
    return {
        status: {
            "description": "the frozen quote",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Quote"}}},
        }
    }


def document_response(
    media_type: str, description: str, *, binary: bool = False
) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entry for a 200 that is a document of ``media_type`` (not JSON)."""
    schema = {"type": "string", "format": "binary"} if binary else {"type": "string"}
    return {200: {"description": description, "content": {media_type: {"schema": schema}}}}


def _complete(operation: dict[str, Any], example: Any, regions: list[str]) -> None:
    """One operation with its 405, our 422, body examples, the regions it may name and its
    ``If-Match`` required."""
    operation["responses"].setdefault("405", _error(405))
    if "422" in operation["responses"]:  # FastAPI's own has another shape
        operation["responses"]["422"] = _error(422)
    media = operation.get("requestBody", {}).get("content", {}).get(_JSON, {})
    if example and media.get("schema") == {"$ref": "#/components/schemas/Design"}:
        media["example"] = example  # here, not in the route: FastAPI drops nulls
    if example and media.get("schema") == {"$ref": "#/components/schemas/SaveDesign"}:
        media["example"] = {"document": example, "note": "wider wardrobe"}
    for parameter in operation.get("parameters", []):
        if parameter["name"] == "region":
            parameter["schema"] = {"type": "string", "enum": sorted(regions)}
        if parameter["name"] == "if-match":
            # required by the API (428 without, DESIGN.md §5), answered by the route itself
            # rather than FastAPI's 422, so optional in the route's signature
            parameter["required"] = True


def describe_api(app: FastAPI, *, regions: list[str]) -> None:
    """Give ``app`` an OpenAPI description with the components the routes refer to, a 405 on
    every operation, and the price list's regions as the ``region`` parameter's values."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        design = {k: v for k, v in design_schema().items() if k not in ("$schema", "$id")}
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            {"Design": design, "Evaluation": _EVALUATION, "Error": ERROR_SCHEMA}
            | {"Problem": PROBLEM_SCHEMA, "Quote": _QUOTE}
            | SHAPES
            | LEAD_SHAPES
        )
        example = _example()
        for operations in schema["paths"].values():
            for operation in operations.values():
                _complete(operation, example, regions)
        for unused in ("HTTPValidationError", "ValidationError"):
            schema["components"]["schemas"].pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

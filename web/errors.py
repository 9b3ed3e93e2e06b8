"""The API's one error shape, ``{"error": {"code", "message", "problems"}}``, for every failure
(``web.hardening`` adds the answers for bodies too large and for our own mistakes)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException

__all__ = [
    "ERROR_SCHEMA",
    "PROBLEM_SCHEMA",
    "answer_errors_in_json",
    "error_body",
    "error_response",
]

_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["code", "severity", "path", "params", "message"],
    "properties": {
        "code": {"type": "string"},
        "severity": {"enum": ["error", "warning", "info"]},
        "path": {"type": "string", "description": "where, in the document or the request"},
        "params": {"type": "object", "description": "the problem's numbers and names"},
        "message": {"type": "string", "description": "in the language asked for (lang)"},
        "fix": {
            "type": "string",
            "description": "a worded suggestion, or empty: only for problems found before the "
            "design can be evaluated; the rules' problems carry checked fixes instead",
        },
        "fixes": {
            "type": "array",
            "description": "changes the engine applied and evaluated before offering them: "
            "each removes this problem and adds no error",
            "items": {
                "type": "object",
                "required": ["code", "params", "message", "patch"],
                "properties": {
                    "code": {"type": "string", "description": "what the change does"},
                    "params": {"type": "object", "description": "its numbers and names"},
                    "message": {"type": "string", "description": "in the language asked for"},
                    "patch": {
                        "type": "array",
                        "description": "RFC 6902 JSON Patch against the design document",
                        "items": {
                            "type": "object",
                            "required": ["op", "path"],
                            "properties": {
                                "op": {
                                    "enum": ["add", "remove", "replace", "move", "copy", "test"]
                                },
                                "path": {"type": "string", "description": "a JSON Pointer"},
                                "from": {"type": "string"},
                                "value": {},
                            },
                        },
                    },
                },
            },
        },
    },
}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "problems"],
            "additionalProperties": False,
            "properties": {
                "code": {
                    "type": "string",
                    "description": "invalid_json, invalid_design, invalid_request, "
                    "unknown_region, payload_too_large, unsupported_media_type, "
                    "method_not_allowed, not_found, bad_request, internal_error",
                },
                "message": {"type": "string"},
                "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}},
            },
        }
    },
}


def error_body(
    code: str, message: str, problems: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"code": code, "message": message, "problems": problems or []}}


def error_response(
    status: int,
    code: str,
    message: str,
    problems: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """An error answer in the one shape."""
    return JSONResponse(error_body(code, message, problems), status_code=status, headers=headers)


def answer_errors_in_json(
    app: FastAPI, page_of_nothing: Callable[[Request], Response | None] | None = None
) -> None:
    """HTTP errors (404, 405 with its ``Allow``, 415) and invalid requests get the same JSON
    body as every other error; a 404 that ``page_of_nothing`` answers (a browser asking for a
    page) gets its page instead."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404 and page_of_nothing and (page := page_of_nothing(request)):
            return page
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        headers = exc.headers
        if exc.status_code == 405 and (allowed := _allowed(request)):
            headers = {**(headers or {}), "Allow": allowed}
        return error_response(exc.status_code, code, str(exc.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        # The entries' ``input`` and ``ctx`` are left out: they may hold what cannot be
        # written as JSON (NaN, bytes), and echoing input back helps no one.
        problems = [
            {
                "code": "invalid_request",
                "path": ".".join(map(str, e["loc"])),
                "params": {},
                "severity": "error",
                "message": e["msg"],
                "fix": "",
                "fixes": [],
            }
            for e in exc.errors()
        ]
        return error_response(422, "invalid_request", "the request is not valid", problems)


def _allowed(request: Request) -> str:
    """Every method the request's path takes (Starlette's own ``Allow`` names only those of
    the first route that matches, when a path has a route per method)."""
    path = request.scope["path"]
    methods: set[str] = set()
    for route in iter_route_contexts(request.app.routes):
        pattern = getattr(route, "path_regex", None)
        if pattern is not None and pattern.match(path):
            methods |= route.methods or set()
    return ", ".join(sorted(methods))

"""What every request and answer goes through, whatever its route: a cap on the body's size
(checked while it is read, with or without a ``Content-Length``), the security headers, and a
JSON 500 for an exception nobody expected (logged, never shown)."""

from __future__ import annotations

import logging
from typing import Final

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.errors import error_response
from web.frontend import IMPORT_MAP_HASH

__all__ = [
    "DOCUMENT_SECURITY_POLICY",
    "SECURITY_HEADERS",
    "BodyLimit",
    "PayloadTooLarge",
    "harden",
    "require_json",
]

log = logging.getLogger("millwork.web")

# No script, style, frame or plugin from anywhere but this server, none inline but the pages'
# import map (allowed by its hash); no page of ours in anyone's frame; no address of ours sent
# to other sites.
CONTENT_SECURITY_POLICY: Final = "; ".join(
    [
        "default-src 'none'",
        f"script-src 'self' '{IMPORT_MAP_HASH}'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# A document we make whole (a drawing, a quote's HTML page) styles itself inline and runs no
# script: it may use its own inline styles and nothing else.
DOCUMENT_SECURITY_POLICY: Final = "; ".join(
    [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS: Final = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class PayloadTooLarge(Exception):
    """The request body grew past the limit while it was being read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the body is larger than {limit} bytes ({limit // 1024} KiB)")
        self.limit = limit


class BodyLimit:
    """Refuse request bodies over ``max_bytes``: at once when ``Content-Length`` says so, and
    while reading otherwise (chunked bodies, or a length that lies), by raising
    ``PayloadTooLarge`` from ``receive`` so the route stops reading."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and not declared.isdigit():
            answer = error_response(400, "bad_request", "Content-Length is not a number")
            await answer(scope, receive, send)
            return
        if declared is not None and int(declared) > self.max_bytes:
            answer = error_response(413, "payload_too_large", str(PayloadTooLarge(self.max_bytes)))
            await answer(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise PayloadTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)


class SecurityHeaders:
    """Add ``SECURITY_HEADERS`` to every answer that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """Answer ``HEAD`` as ``GET`` without the body (RFC 9110 §9.3.2): FastAPI's routes know
    only the methods they declare, so ``curl -I`` and uptime checks got 405."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the rest of the body is not sent; the end of it is, empty
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def require_json(request: Request) -> None:
    """A JSON body must say so: ``application/json``, in UTF-8 if a charset is given
    (415 otherwise)."""
    media_type, *params = request.headers.get("content-type", "").lower().split(";")
    charsets = [
        value.strip().strip('"')
        for name, _, value in (p.partition("=") for p in params)
        if name.strip() == "charset"
    ]
    if media_type.strip() != "application/json" or set(charsets) - {"utf-8", "utf8"}:
        raise HTTPException(415, "the body must be JSON, sent as Content-Type: application/json")


def harden(app: FastAPI, *, max_body_bytes: int) -> None:
    """Put the body limit, the security headers and the catch-all error answer around
    ``app``."""
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so it sees every answer

    @app.exception_handler(PayloadTooLarge)
    async def too_large(_: Request, exc: PayloadTooLarge) -> JSONResponse:
        return error_response(413, "payload_too_large", str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        # Starlette answers this from its outermost layer, past SecurityHeaders: add them here.
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(
            500,
            "internal_error",
            "something went wrong on our side; it has been logged",
            headers=dict(SECURITY_HEADERS),
        )

"""The web app: the pages (``web.pages``), health check, catalog and design-check API.

Every route calls one use case (``services/``); the browser configurator will sit on the same
calls. Every answer carries the security headers, every failure is JSON in the one error shape
(``web.errors``), request bodies are capped (``web.hardening``), and CPU-bound work runs in a
worker thread, never on the event loop, so one heavy request does not stall the others; live
evaluations one at a time per process (``EVALUATIONS_AT_ONCE``)."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from catalog.catalog import Catalog
from catalog.price_list import Method
from configurator.model.document import MAX_DOCUMENT_BYTES
from configurator.model.schema import design_schema
from persistence.catalog_source import CatalogFiles
from persistence.db import database_url, make_engine
from pricing.promotions import Customer
from services.evaluation import PriceRequest, evaluate_design
from services.memo import EvaluationCache
from services.ports import Clock
from web import (
    api_accounts,
    api_bookings,
    api_designs,
    api_fill,
    api_leads,
    api_quotes,
    api_schedule,
    api_stores,
    api_views,
    pages,
    pages_leads,
    pages_visits,
)
from web.api_support import handle_service_errors
from web.document_cache import DocumentCache
from web.errors import answer_errors_in_json, error_response
from web.frontend import serve_vendor_code
from web.hardening import harden, require_json
from web.json_input import read_json
from web.json_output import FastJSONResponse
from web.messages import Language
from web.openapi import EVALUATE_BODY, describe_api, errors, evaluation_response
from web.views import catalog_view, evaluation_view
from web.wiring import SystemClock, database_backend

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"
EVALUATIONS_AT_ONCE = 1
"""Evaluations one process runs at once; the others wait their turn on the event loop, not in
worker threads. The GIL runs one at a time anyway: more at once only share it, each taking
longer, and keep the event loop (``GET /health``, every other request) waiting for it too
(BENCHMARKS.md, "HTTP load")."""


def create_app(
    catalog: Catalog | None = None, *, clock: Clock | None = None, database: str | None = None
) -> FastAPI:
    """Build the app on the database at ``database`` (else ``DATABASE_URL``, else the SQLite
    file under ``var/``), already migrated; the catalog, price list and promotions are loaded
    (and checked) once, here."""
    catalogs = CatalogFiles(catalog=catalog)
    loaded = catalogs.catalog()
    book = catalogs.price_book()
    clock = clock or SystemClock()
    engine = make_engine(database or database_url(os.environ))
    cache = EvaluationCache()  # this process's: cabinets unchanged between live edits
    evaluations = anyio.CapacityLimiter(EVALUATIONS_AT_ONCE)
    # No /docs or /redoc: FastAPI serves them from a CDN, and users may be offline. No
    # redirects to add or drop a trailing slash: they would be built from the Host header.
    app = FastAPI(
        title="Millwork",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
    )
    app.state.backend = database_backend(engine, catalogs, clock)
    app.state.documents = DocumentCache()
    app.state.evaluations = cache  # the live 3D preview reuses its cabinets too
    answer_errors_in_json(app, pages.page_of_nothing)
    handle_service_errors(app)
    harden(app, max_body_bytes=MAX_DOCUMENT_BYTES)
    describe_api(app, regions=list(book.price_list.installation))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    serve_vendor_code(app)
    app.state.catalog_view = catalog_view(loaded)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon yet; a 404 would log an error in browsers

    @app.get("/health")
    async def health() -> dict[str, str]:
        # async and trivial: answered on the event loop, even when every worker thread is busy
        return {"status": "ok", "catalog_version": loaded.version}

    @app.post(
        "/api/v1/evaluate",
        responses=evaluation_response() | errors(400, 413, 415, 422),
        openapi_extra=EVALUATE_BODY,
    )
    async def post_evaluate(
        request: Request,
        lang: Language = "en",
        coupon: Annotated[str | None, Query(max_length=64)] = None,
        member: bool = False,
        region: Annotated[str | None, Query(max_length=64)] = None,
        method: Method | None = None,
    ) -> Response:
        """Design document in (JSON, at most 512 KiB); problems, price and parts summary out.
        Stateless, for live editing."""
        require_json(request)
        body = await request.body()  # BodyLimit stops reading past MAX_DOCUMENT_BYTES
        asked = PriceRequest(
            customer=Customer(member=member, coupon=coupon, region=region), method=method
        )
        evaluate = partial(_evaluate, body, catalogs, clock, asked, lang, cache)
        return await anyio.to_thread.run_sync(evaluate, limiter=evaluations)

    @app.get("/api/v1/schema/design")
    def get_design_schema() -> dict[str, Any]:
        return design_schema()

    @app.get("/api/v1/catalog")
    def get_catalog() -> dict[str, Any]:
        return catalog_view(loaded)

    for api in (
        api_accounts.router,
        api_bookings.router,
        api_designs.router,
        api_fill.router,
        api_leads.router,
        api_quotes.router,
        api_schedule.router,
        api_stores.router,
        api_views.router,
        pages.router,
        pages_leads.router,
        pages_visits.router,
    ):
        app.include_router(api)
    return app


def _evaluate(
    body: bytes,
    catalogs: CatalogFiles,
    clock: Clock,
    asked: PriceRequest,
    lang: Language,
    cache: EvaluationCache,
) -> Response:
    """Parse, evaluate and write the answer: CPU-bound, so run in a worker thread."""
    try:
        document = read_json(body)
    except ValueError as exc:
        return error_response(400, "invalid_json", f"the body: {exc}")
    # a design that cannot be read, or an unknown region, is raised to the app's handlers
    # (web.api_support), which answer 422 with the problems in ``lang``, as for every route
    report = evaluate_design(
        document, catalogs=catalogs, clock=clock, request=asked, cache=cache, fixes=True
    )
    return FastJSONResponse(evaluation_view(report, lang, memo=cache.views))

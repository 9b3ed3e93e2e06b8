"""The web app: home page, health check, catalog and design-check API.

Every route calls one use case (``services/``); the browser configurator will sit on the same
calls."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from catalog.catalog import Catalog
from catalog.price_list import Method
from configurator.model.errors import InvalidDesign
from configurator.model.schema import design_schema
from kernel.problems import Problem
from persistence.catalog_source import CatalogFiles
from pricing.promotions import Customer
from services.errors import InvalidInput
from services.evaluation import PriceRequest, evaluate_design
from services.ports import Clock
from web.json_input import read_json
from web.messages import Language, problem_view, render_problem
from web.templating import render_page
from web.views import catalog_view, price_view
from web.wiring import SystemClock

__all__ = ["create_app"]


def error_body(
    code: str, message: str, problems: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"code": code, "message": message, "problems": problems or []}}


def _problems_error(code: str, problems: Sequence[Problem], lang: Language) -> JSONResponse:
    """422: the request names something that cannot be used; every problem with its words."""
    first = render_problem(problems[0], lang) if problems else code
    views = [problem_view(p, lang) for p in problems]
    return JSONResponse(error_body(code, first, views), status_code=422)


def create_app(catalog: Catalog | None = None, *, clock: Clock | None = None) -> FastAPI:
    """Build the app; the catalog, price list and promotions are loaded (and checked) once,
    here."""
    catalogs = CatalogFiles(catalog=catalog)
    loaded = catalogs.catalog()
    catalogs.price_book()
    clock = clock or SystemClock()
    # No /docs or /redoc: FastAPI serves them from a CDN, and users may be offline.
    app = FastAPI(title="Millwork", version="0.1.0", docs_url=None, redoc_url=None)

    _answer_errors_in_json(app)

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        return HTMLResponse(render_page("home.html", catalog=catalog_view(loaded)))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon yet; a 404 would log an error in browsers

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "catalog_version": loaded.version}

    @app.post("/api/v1/evaluate")
    async def post_evaluate(
        request: Request,
        lang: Language = "en",
        coupon: str | None = None,
        member: bool = False,
        region: str | None = None,
        method: Method | None = None,
    ) -> JSONResponse:
        """Design document in; problems, price and parts summary out. Stateless, for live
        editing."""
        try:
            document = read_json(await request.body())
        except ValueError as exc:
            return JSONResponse(error_body("invalid_json", f"the body: {exc}"), status_code=400)
        asked = PriceRequest(
            customer=Customer(member=member, coupon=coupon, region=region), method=method
        )
        try:
            report = evaluate_design(document, catalogs=catalogs, clock=clock, request=asked)
        except InvalidDesign as exc:
            return _problems_error("invalid_design", exc.problems, lang)
        except InvalidInput as exc:
            return _problems_error(str(exc.problems[0].code), exc.problems, lang)
        return JSONResponse(
            {
                "problems": [problem_view(p, lang) for p in report.problems],
                "price": price_view(report.price, lang),
                "parts_summary": report.parts.as_dict(),
            }
        )

    @app.get("/api/v1/schema/design")
    def get_design_schema() -> dict[str, Any]:
        return design_schema()

    @app.get("/api/v1/catalog")
    def get_catalog() -> dict[str, Any]:
        return catalog_view(loaded)

    return app


def _answer_errors_in_json(app: FastAPI) -> None:
    """HTTP and request-validation errors get the same JSON body as every other error."""

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {
                "code": "invalid_request",
                "path": ".".join(map(str, e["loc"])),
                "params": {},
                "severity": "error",
                "message": e["msg"],
            }
            for e in exc.errors()
        ]
        return JSONResponse(
            error_body("invalid_request", "the request is not valid", problems), status_code=422
        )

"""Quotes over the API (DESIGN.md §5): issue a frozen quote of a saved design's revision, read
it as JSON, HTML or PDF, list a design's quotes. Each route calls one use case of
``services.quotes``. A quote is seen by whoever may read the design it was issued from (404
for anyone else); its documents are rendered from the frozen snapshot only, so every read
gives the same bytes, whatever the catalog or price list says today."""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse

from pricing.quote import Quote
from services.designs import MAX_PAGE
from services.quotes import design_quotes, issue_design_quote, read_quote
from web.api_support import CallerDep, PriceOptions, RevisionQuery, backend_of, signed_in
from web.document_cache import DocumentCache
from web.hardening import DOCUMENT_SECURITY_POLICY
from web.messages import Language
from web.openapi import document_response, errors, quote_response
from web.quote_docs import render_quote_html, render_quote_pdf
from web.views import quote_view

__all__ = ["PdfResponse", "router"]

router = APIRouter(prefix="/api/v1", tags=["quotes"])


class PdfResponse(Response):
    """A quote as an A4 PDF."""

    media_type = "application/pdf"


_PDF_ANSWER: Final = document_response(
    "application/pdf", "the quote, A4 (drawings on landscape pages)", binary=True
)
_HTML_ANSWER: Final = document_response("text/html", "the quote as a standalone page")


def _documents(request: Request) -> DocumentCache:
    """The app's rendered quote documents (``create_app`` keeps one per process)."""
    cache: DocumentCache = request.app.state.documents
    return cache


def _filed(quote: Quote, suffix: str) -> dict[str, str]:
    """The headers of a quote's document: its file name, and (a page we made whole, with
    inline styles and no script) its own content security policy."""
    return {
        "Content-Disposition": f'inline; filename="{quote.number}.{suffix}"',
        "Content-Security-Policy": DOCUMENT_SECURITY_POLICY,
    }


@router.post(
    "/designs/{design_id}/quotes",
    status_code=201,
    responses=quote_response(201) | errors(401, 403, 404, 422),
)
def post_quote(
    design_id: str,
    request: Request,
    caller: CallerDep,
    options: PriceOptions,
    revision: RevisionQuery = None,
    lang: Language = "en",
) -> JSONResponse:
    """Issue a numbered, frozen quote of a revision (the latest, or ``revision``), priced
    with the options of ``POST /api/v1/evaluate``: 201 with ``Location``. 422
    ``design_has_errors`` with the problems if something in it cannot be made; 403 for a
    visitor who has not signed up (a quote is made out to a person)."""
    quote = issue_design_quote(
        design_id,
        revision,
        actor=signed_in(caller),
        backend=backend_of(request),
        request=options,
    )
    where = {"Location": f"/api/v1/quotes/{quote.number}"}
    return JSONResponse(quote_view(quote, lang), status_code=201, headers=where)


@router.get(
    "/designs/{design_id}/quotes",
    responses=errors(401, 404),
)
def get_design_quotes(
    design_id: str,
    request: Request,
    caller: CallerDep,
    cursor: Annotated[str | None, Query(pattern=r"^Q-[0-9]{4}-[0-9]{6,12}$")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> dict[str, Any]:
    """The quotes issued from a design, oldest first, a page at a time: ``next_cursor``
    (``null`` on the last page) is the ``cursor`` of the next page."""
    numbers, next_cursor = design_quotes(
        design_id,
        actor=signed_in(caller),
        backend=backend_of(request),
        after=cursor,
        limit=limit,
    )
    quotes = [{"number": n, "url": f"/api/v1/quotes/{n}"} for n in numbers]
    return {"quotes": quotes, "next_cursor": next_cursor}


# The documents first: ``/quotes/{number}`` would take ``Q-2026-000001.pdf`` as a number.


@router.get(
    "/quotes/{number}.pdf",
    response_class=PdfResponse,
    responses=_PDF_ANSWER | errors(401, 404, 422),
)
def get_quote_pdf(
    number: str, request: Request, caller: CallerDep, lang: Language = "zh-CN"
) -> Response:
    """The quote as a PDF (Chinese by default)."""
    quote = read_quote(number, actor=signed_in(caller), backend=backend_of(request))
    pdf = _documents(request).get(
        (quote.number, lang, "pdf"), lambda: render_quote_pdf(quote, lang)
    )
    return PdfResponse(pdf, headers=_filed(quote, "pdf"))


@router.get(
    "/quotes/{number}.html",
    response_class=HTMLResponse,
    responses=_HTML_ANSWER | errors(401, 404, 422),
)
def get_quote_html(
    number: str, request: Request, caller: CallerDep, lang: Language = "zh-CN"
) -> Response:
    """The quote as a standalone HTML page, drawings inline (Chinese by default)."""
    quote = read_quote(number, actor=signed_in(caller), backend=backend_of(request))
    html = _documents(request).get(
        (quote.number, lang, "html"), lambda: render_quote_html(quote, lang).encode()
    )
    return HTMLResponse(html, headers=_filed(quote, "html"))


@router.get("/quotes/{number}", responses=quote_response() | errors(401, 404, 422))
def get_quote(
    number: str, request: Request, caller: CallerDep, lang: Language = "en"
) -> dict[str, Any]:
    """The quote as JSON, exactly as it was issued (the promotions' words in ``lang``)."""
    quote = read_quote(number, actor=signed_in(caller), backend=backend_of(request))
    return quote_view(quote, lang)

"""The browser pages (DESIGN.md §8): server-rendered shells whose behaviour is in native ES
modules under ``web/static/js/``; everything they show comes from the JSON API.

``/`` start, ``/designs/{id}`` editor, ``/s/{token}`` shared read-only view,
``/quotes/{number}`` quote, ``/catalog`` the catalogue. The language is ``?lang=`` (kept in a
cookie), else the cookie, else zh-CN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response

from web.errors import error_response
from web.frontend import IMPORT_MAP
from web.messages import Language
from web.page_messages import DEFAULT_LANGUAGE, page_messages
from web.templating import render_page

__all__ = ["DEMOS", "LANG_COOKIE", "language_of", "router"]

router = APIRouter(include_in_schema=False)

LANG_COOKIE: Final = "millwork_lang"
EXAMPLES: Final = Path(__file__).parents[1] / "examples"
DEMOS: Final = ("bedroom", "l-shaped-bedroom")
_ID: Final = r"^[A-Za-z0-9_\-]{1,100}$"


def language_of(request: Request) -> Language:
    """``?lang=``, else the language cookie, else the default (zh-CN)."""
    for asked in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if asked == "en":
            return "en"
        if asked == "zh-CN":
            return "zh-CN"
    return DEFAULT_LANGUAGE


def page(request: Request, template: str, entry: str, **context: Any) -> HTMLResponse:
    """Render a page with its wording, the import map and its script ``entry``."""
    language = language_of(request)
    messages = page_messages(language)
    html = render_page(
        template,
        lang=language,
        other_lang="en" if language == "zh-CN" else "zh-CN",
        t=messages,
        page_data={"lang": language, **context},
        import_map=IMPORT_MAP,  # ours, no input in it: the template writes it as it is
        entry=entry,
        path=request.url.path,
        **context,
    )
    answer = HTMLResponse(html)
    if request.query_params.get("lang") == language:
        answer.set_cookie(LANG_COOKIE, language, max_age=365 * 86400, path="/", samesite="lax")
    return answer


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request) -> HTMLResponse:
    """Start: a rectangular room of typed sizes, a demo room, or a saved design."""
    return page(request, "start.html", "start", demos=list(DEMOS))


@router.get("/designs/{design_id}", response_class=HTMLResponse)
def editor_page(
    request: Request, design_id: Annotated[str, PathParam(pattern=_ID)]
) -> HTMLResponse:
    """The editor of a saved design (its document is read by the page from the API)."""
    return page(request, "editor.html", "editor", design_id=design_id, token=None)


@router.get("/s/{token}", response_class=HTMLResponse)
def shared_page(request: Request, token: Annotated[str, PathParam(pattern=_ID)]) -> HTMLResponse:
    """A shared design, read-only."""
    return page(request, "editor.html", "editor", design_id=None, token=token)


@router.get("/quotes/{number}", response_class=HTMLResponse)
def quote_page(request: Request, number: Annotated[str, PathParam(pattern=_ID)]) -> HTMLResponse:
    """A quote with its PDF link."""
    return page(request, "quote_page.html", "quote", number=number)


@router.get("/demos/{name}.json")
def demo_design(name: Annotated[str, PathParam(pattern=_ID)]) -> Response:
    """A ready-made room from ``examples/`` to start from."""
    if name not in DEMOS:
        return error_response(404, "not_found", f"there is no demo room {name!r}")
    return Response((EXAMPLES / f"{name}.json").read_bytes(), media_type="application/json")


@router.get("/catalog", response_class=HTMLResponse)
def catalog_page(request: Request) -> HTMLResponse:
    """The catalogue as a table (templates, boards, the API)."""
    return HTMLResponse(render_page("catalog.html", catalog=request.app.state.catalog_view))

"""The browser pages (DESIGN.md §8): server-rendered shells whose behaviour is in native ES
modules under ``web/static/js/``; everything they show comes from the JSON API.

``/`` start, ``/designs/{id}`` editor, ``/s/{token}`` shared read-only view,
``/quotes/{number}`` quote, ``/catalog`` the catalogue. The language is ``?lang=`` (kept in a
cookie), else the cookie, else zh-CN.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response

from services.designs import read_design, shared_design
from services.errors import NotFound, NotSignedIn
from services.identity import Actor
from services.quotes import read_quote
from web.api_support import backend_of, signed_in
from web.auth import caller_of
from web.errors import error_response
from web.frontend import IMPORT_MAP
from web.messages import Language
from web.page_messages import DEFAULT_LANGUAGE, page_messages
from web.templating import render_page

__all__ = ["DEMOS", "LANG_COOKIE", "language_of", "page_of_nothing", "router"]

router = APIRouter(include_in_schema=False)

LANG_COOKIE: Final = "millwork_lang"
EXAMPLES: Final = Path(__file__).parents[1] / "examples"
DEMOS: Final = ("bedroom", "l-shaped-bedroom")
_ID: Final = r"^[A-Za-z0-9_\-]{1,100}$"
_ID_TEXT: Final = re.compile(_ID)


def language_of(request: Request) -> Language:
    """``?lang=``, else the language cookie, else the default (zh-CN)."""
    for asked in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if asked == "en":
            return "en"
        if asked == "zh-CN":
            return "zh-CN"
    return DEFAULT_LANGUAGE


def page(
    request: Request, template: str, entry: str, *, status: int = 200, **context: Any
) -> HTMLResponse:
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
    answer = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") == language:
        answer.set_cookie(LANG_COOKIE, language, max_age=365 * 86400, path="/", samesite="lax")
    return answer


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request) -> HTMLResponse:
    """Start: a rectangular room of typed sizes, a demo room, or a saved design."""
    return page(request, "start.html", "start", demos=list(DEMOS))


def error_page(request: Request, status: int, reason: str) -> HTMLResponse:
    """A page that says, in the page's language, why there is nothing to show: 404 for what
    does not exist or the caller may not see (DESIGN.md §7), 403 for a quote seen without a
    session (it offers to sign in)."""
    t = page_messages(language_of(request))
    title = t["sign_in_needed_title"] if status == 403 else t["gone_title"]
    answer = page(
        request, "error.html", "error", status=status, code=status, title=title, text=t[reason]
    )
    answer.headers["Cache-Control"] = "no-store"
    return answer


def page_of_nothing(request: Request) -> HTMLResponse | None:
    """The 404 page for a browser asking for a page that is not there (a GET that accepts
    HTML, outside the API and the static files), else None: the API answers in JSON."""
    path = request.url.path
    if request.method != "GET" or "text/html" not in request.headers.get("accept", ""):
        return None
    if path.startswith(("/api/", "/static/", "/vendor/")):
        return None
    return error_page(request, 404, "gone_page")


def _shown(
    request: Request, key: str, reason: str, check: Callable[[], object], *, signed_out: str = ""
) -> HTMLResponse | None:
    """None when ``check`` finds the object the page shows, else its error page: 404, or 403
    with the ``signed_out`` reason when there is one and no one is signed in."""
    if not _ID_TEXT.match(key):
        return error_page(request, 404, reason)
    try:
        check()
    except NotFound:
        return error_page(request, 404, reason)
    except NotSignedIn:
        return (
            error_page(request, 403, signed_out) if signed_out else error_page(request, 404, reason)
        )
    return None


def _actor(request: Request) -> Actor:
    """Who is signed in (``NotSignedIn`` for a visitor without a session)."""
    return signed_in(caller_of(request, backend_of(request)))


@router.get("/designs/{design_id}", response_class=HTMLResponse)
def editor_page(request: Request, design_id: str) -> HTMLResponse:
    """The editor of a saved design (its document is read by the page from the API)."""
    backend = backend_of(request)
    missing = _shown(
        request,
        design_id,
        "gone_design",
        lambda: read_design(design_id, actor=_actor(request), backend=backend),
    )
    return missing or page(request, "editor.html", "editor", design_id=design_id, token=None)


@router.get("/s/{token}", response_class=HTMLResponse)
def shared_page(request: Request, token: str) -> HTMLResponse:
    """A shared design, read-only."""
    backend = backend_of(request)
    missing = _shown(request, token, "gone_shared", lambda: shared_design(token, backend=backend))
    return missing or page(request, "editor.html", "editor", design_id=None, token=token)


@router.get("/quotes/{number}", response_class=HTMLResponse)
def quote_page(request: Request, number: str) -> HTMLResponse:
    """A quote with its PDF link."""
    backend = backend_of(request)
    missing = _shown(
        request,
        number,
        "gone_quote",
        lambda: read_quote(number, actor=_actor(request), backend=backend),
        signed_out="sign_in_needed_quote",
    )
    return missing or page(request, "quote_page.html", "quote", number=number)


@router.get("/demos/{name}.json")
def demo_design(name: Annotated[str, PathParam(pattern=_ID)]) -> Response:
    """A ready-made room from ``examples/`` to start from."""
    if name not in DEMOS:
        return error_response(404, "not_found", f"there is no demo room {name!r}")
    return Response((EXAMPLES / f"{name}.json").read_bytes(), media_type="application/json")


@router.get("/catalog", response_class=HTMLResponse)
def catalog_page(request: Request) -> HTMLResponse:
    """The catalogue as a table (templates, boards, the API), in the page's language."""
    language = language_of(request)
    html = render_page(
        "catalog.html", catalog=request.app.state.catalog_view, lang=language, en=language == "en"
    )
    return HTMLResponse(html)

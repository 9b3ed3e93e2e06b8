"""``/api/v1/designs…`` and ``/api/v1/shared/{token}``: saved designs with revisions,
optimistic concurrency, history and diff, copy, share links (DESIGN.md §5). Each route calls
one use case of ``services.designs``; a design the caller may not see answers 404.

A visitor without a session who saves a design gets an anonymous account and its session
cookies with the answer; signing up later keeps their designs.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final

from fastapi import APIRouter, Header, Path, Query, Request, Response

from configurator.build.parts import Part
from kernel.fields import MISSING, Reader
from services.design_diff import DesignDiff, diff_revisions
from services.design_records import Revision, SavedDesign
from services.designs import (
    MAX_PAGE,
    copy_design,
    create_design,
    design_people,
    list_designs,
    read_design,
    read_revision,
    revision_history,
    save_design,
    share_design,
    shared_design,
    take_on,
    unshare_design,
)
from services.errors import InvalidInput
from web.api_support import (
    CallerDep,
    JsonBody,
    actor_or_visitor,
    backend_of,
    etag,
    signed_in,
)
from web.openapi import errors
from web.openapi_shapes import body, ok

__all__ = ["design_view", "router"]

router = APIRouter(prefix="/api/v1", tags=["designs"])

MAX_NOTE: Final = 500
_ETAG: Final = re.compile(r'"([1-9][0-9]{0,8})"')  # as we write them: no leading zero


def design_view(design: SavedDesign, *, document: bool = True) -> dict[str, Any]:
    """A design as the API shows it (without its document in lists)."""
    view: dict[str, Any] = {
        "id": design.id,
        "revision": design.revision,
        "name": design.name,
        "owner": design.owner_id,
        "store_id": design.store_id,
        "created_at": design.created_at.isoformat(),
        "updated_at": design.updated_at.isoformat(),
    }
    if document:
        view["document"] = design.document
    return view


def revision_view(revision: Revision, *, document: bool = True) -> dict[str, Any]:
    """One revision: its number, who saved it, when and why (and its document)."""
    view: dict[str, Any] = {
        "number": revision.number,
        "name": revision.name,
        "author": revision.author_id,
        "note": revision.note,
        "created_at": revision.created_at.isoformat(),
    }
    if document:
        view["document"] = revision.document
    return view


def _document_and_note(body: object) -> tuple[object, str]:
    """``{document, note?}``: the design document and why it is saved."""
    reader = Reader()
    fields = reader.mapping(body, "", required=("document",), optional=("note",))
    note = reader.text(fields.get("note", MISSING), "note", max_length=MAX_NOTE)
    reader.plain_text(note, "note")
    if reader.problems:
        raise InvalidInput(reader.problems)
    return fields["document"], note


def _saved(response: Response, design: SavedDesign) -> dict[str, Any]:
    response.headers["ETag"] = etag(design.revision)
    return design_view(design)


@router.post(
    "/designs",
    status_code=201,
    responses=ok(201, "saved at revision 1", "SavedDesign", ETag='"1"', Location="its URL")
    | errors(400, 403, 413, 415, 422, 429),
    openapi_extra=body("SaveDesign"),
)
def post_design(
    request: Request, response: Response, caller: CallerDep, body: JsonBody
) -> dict[str, Any]:
    """Save a new design ``{document, note?}``: 201 with its ``ETag`` and ``Location``."""
    document, note = _document_and_note(body)
    actor = actor_or_visitor(request, response, caller)
    design = create_design(document, actor=actor, backend=backend_of(request), note=note)
    response.headers["Location"] = f"/api/v1/designs/{design.id}"
    return _saved(response, design)


@router.get("/designs", responses=ok(200, "a page of designs", "DesignList") | errors(401, 422))
def get_designs(
    request: Request,
    caller: CallerDep,
    mine: bool = False,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> dict[str, Any]:
    """The designs I may see (``mine``: only my own), most recently saved first."""
    page = list_designs(
        actor=signed_in(caller), backend=backend_of(request), mine=mine, cursor=cursor, limit=limit
    )
    return {
        "designs": [design_view(d, document=False) for d in page.designs],
        "next_cursor": page.next_cursor,
    }


@router.get(
    "/designs/{design_id}",
    responses=ok(200, "the latest revision", "SavedDesign", ETag="the revision, quoted")
    | errors(401, 404),
)
def get_design(
    design_id: str, request: Request, response: Response, caller: CallerDep
) -> dict[str, Any]:
    """A design at its latest revision, ``ETag: "<revision>"``."""
    design = read_design(design_id, actor=signed_in(caller), backend=backend_of(request))
    return _saved(response, design)


@router.put(
    "/designs/{design_id}",
    responses=ok(200, "saved as the next revision", "SavedDesign", ETag="the new revision")
    | errors(400, 401, 403, 404, 412, 413, 415, 422, 428),
    openapi_extra=body("SaveDesign"),
)
def put_design(
    design_id: str,
    request: Request,
    response: Response,
    caller: CallerDep,
    body: JsonBody,
    if_match: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Save ``{document, note?}`` as the next revision. ``If-Match: "<revision>"`` is
    required (428 without); 412 with the current ``ETag`` if someone saved in between."""
    document, note = _document_and_note(body)
    design = save_design(
        design_id,
        document,
        expected=_expected(if_match),
        actor=signed_in(caller),
        backend=backend_of(request),
        note=note,
    )
    return _saved(response, design)


def _expected(if_match: str | None) -> int | None:
    """The revision ``If-Match`` names; one that names none (``*``, a weak or foreign tag)
    can match no revision, so the save fails with 412 and the current one."""
    if if_match is None:
        return None
    found = _ETAG.fullmatch(if_match.strip())
    return int(found.group(1)) if found else 0


@router.get(
    "/designs/{design_id}/revisions",
    responses=ok(200, "every revision", "RevisionList") | errors(401, 404),
)
def get_revisions(design_id: str, request: Request, caller: CallerDep) -> dict[str, Any]:
    """Every revision, oldest first (without their documents)."""
    history = revision_history(design_id, actor=signed_in(caller), backend=backend_of(request))
    return {"revisions": [revision_view(r, document=False) for r in history]}


@router.get(
    "/designs/{design_id}/people",
    responses=ok(200, "the owner first, then the other authors", "People") | errors(401, 404),
)
def get_people(design_id: str, request: Request, caller: CallerDep) -> dict[str, Any]:
    """Who the design names: its owner (``people[0]``), then everyone else who saved a
    revision, with their names and roles: an in-store designer sees whose design it is and
    who changed what."""
    people = design_people(design_id, actor=signed_in(caller), backend=backend_of(request))
    return {"people": [{"id": p.id, "name": p.name, "role": p.role.value} for p in people]}


@router.get(
    "/designs/{design_id}/revisions/{number}",
    responses=ok(200, "one revision with its document", "Revision") | errors(401, 404, 422),
)
def get_revision(
    design_id: str,
    number: Annotated[int, Path(ge=1, le=10**9, description="a revision number")],
    request: Request,
    caller: CallerDep,
) -> dict[str, Any]:
    """One revision with its document."""
    kept = read_revision(design_id, number, actor=signed_in(caller), backend=backend_of(request))
    return revision_view(kept)


@router.get(
    "/designs/{design_id}/diff",
    responses=ok(200, "parts and price changes", "DesignDiff") | errors(401, 404, 422),
)
def get_diff(
    design_id: str,
    request: Request,
    caller: CallerDep,
    from_: Annotated[int, Query(alias="from", ge=1, le=10**9)],
    to: Annotated[int, Query(ge=1, le=10**9)],
) -> dict[str, Any]:
    """Parts added, removed and changed from revision ``from`` to ``to``, and the price of
    each at today's price list."""
    diff = diff_revisions(
        design_id, from_, to, actor=signed_in(caller), backend=backend_of(request)
    )
    return diff_view(diff)


def _part(part: Part) -> dict[str, Any]:
    return {
        "part_id": part.part_id,
        "cabinet": part.cabinet_id,
        "name": part.name,
        "material": part.material,
        "thickness_mm": part.thickness_mm,
        "length_mm": part.length_mm,
        "width_mm": part.width_mm,
    }


def _fact(value: object) -> object:
    """A part's fact as JSON (edge bands as an object)."""
    as_dict = getattr(value, "_asdict", None)
    return as_dict() if as_dict else value


def diff_view(diff: DesignDiff) -> dict[str, Any]:
    """A diff as the API shows it; money as strings."""
    return {
        "from": diff.before,
        "to": diff.after,
        "parts": {
            "added": [_part(p) for p in diff.added],
            "removed": [_part(p) for p in diff.removed],
            "changed": [
                _part(c.part)
                | {"changes": {k: [_fact(a), _fact(b)] for k, (a, b) in c.changes.items()}}
                for c in diff.changed
            ],
        },
        "price": {
            "currency": diff.currency,
            "from": f"{diff.total_before:.2f}",
            "to": f"{diff.total_after:.2f}",
            "change": f"{diff.total_change:+.2f}",
        },
    }


@router.post(
    "/designs/{design_id}/copy",
    status_code=201,
    responses=ok(201, "the copy, at revision 1", "SavedDesign", ETag='"1"', Location="its URL")
    | errors(401, 403, 404),
)
def post_copy(
    design_id: str, request: Request, response: Response, caller: CallerDep
) -> dict[str, Any]:
    """Save as: a new design of mine with the latest revision's document."""
    design = copy_design(design_id, actor=signed_in(caller), backend=backend_of(request))
    response.headers["Location"] = f"/api/v1/designs/{design.id}"
    return _saved(response, design)


@router.post(
    "/designs/{design_id}/share",
    status_code=201,
    responses=ok(201, "a new read-only link", "ShareLink") | errors(401, 403, 404),
)
def post_share(design_id: str, request: Request, caller: CallerDep) -> dict[str, Any]:
    """A new read-only link (the token is shown only now)."""
    token = share_design(design_id, actor=signed_in(caller), backend=backend_of(request))
    return {"token": token, "url": f"/s/{token}", "api_url": f"/api/v1/shared/{token}"}


@router.delete(
    "/designs/{design_id}/share",
    responses=ok(200, "links revoked", "Revoked") | errors(401, 403, 404),
)
def delete_share(design_id: str, request: Request, caller: CallerDep) -> dict[str, int]:
    """Revoke every link to the design."""
    revoked = unshare_design(design_id, actor=signed_in(caller), backend=backend_of(request))
    return {"revoked": revoked}


@router.get(
    "/shared/{token}",
    responses=ok(200, "the shared design, read-only", "SavedDesign") | errors(404),
)
def get_shared(token: str, request: Request) -> dict[str, Any]:
    """The design a share link points at, read-only (no account needed)."""
    design = shared_design(token, backend=backend_of(request))
    view = design_view(design)
    del view["owner"]  # a link shows the design, not who owns it
    return view


@router.post(
    "/shared/{token}/take",
    responses=ok(200, "now in the store's care", "SavedDesign") | errors(401, 403, 404),
)
def post_take(
    token: str, request: Request, response: Response, caller: CallerDep
) -> dict[str, Any]:
    """A designer or store manager takes on a shared design: their store may refine it."""
    design = take_on(token, actor=signed_in(caller), backend=backend_of(request))
    return _saved(response, design)

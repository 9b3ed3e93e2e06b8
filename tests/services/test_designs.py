"""Saved designs (services.designs, services.design_diff) on the in-memory fakes and on both
databases: revisions without gaps, stale saves refused, history, copy, share links, taking on,
lists by cursor, and a design one may not see is not there."""

from __future__ import annotations

import base64
import copy
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from configurator.model.errors import InvalidDesign
from pricing.quote import Parties
from services import designs as designs_module
from services.backend import Backend
from services.design_diff import diff_revisions
from services.designs import (
    copy_design,
    create_design,
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
from services.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    QuotaExceeded,
    RevisionRequired,
    StaleRevision,
)
from services.identity import Actor, Role
from services.ports import NewAccount, Store
from services.quotes import issue_design_quote
from tests.fakes import FixedClock

BEDROOM: dict[str, Any] = json.loads(
    (Path(__file__).parents[2] / "examples" / "bedroom.json").read_text()
)


def named(name: str) -> dict[str, Any]:
    return {**copy.deepcopy(BEDROOM), "name": name}


def with_second_wardrobe() -> dict[str, Any]:
    doc = copy.deepcopy(BEDROOM)
    doc["cabinets"].append(dict(doc["cabinets"][0], id="W2", offset_mm=1700, width_mm=800))
    return doc


def actor(backend: Backend, role: Role, store: str | None = None) -> Actor:
    """An account of ``role`` (no password: these tests do not log in)."""
    if store is not None:
        backend.stores.put(Store(id=store, name=store, city="Shanghai", timezone="Asia/Shanghai"))
    login = None if role is Role.ANONYMOUS else f"{role.value}-{len(backend.accounts.all())}"
    new = NewAccount(login=login, role=role, at=backend.clock.now(), store_id=store)
    return backend.accounts.add(new).actor


def test_a_design_is_kept_as_written_back_and_saved_revision_by_revision(
    backend: Backend, clock: FixedClock
) -> None:
    owner = actor(backend, Role.CONSUMER)
    first = create_design(named("one"), actor=owner, backend=backend, note="first")
    assert first.revision == 1 and first.name == "one" and first.owner_id == owner.account_id
    assert first.store_id is None and read_design(first.id, actor=owner, backend=backend) == first
    clock.moment += timedelta(minutes=1)
    second = save_design(first.id, named("two"), expected=1, actor=owner, backend=backend)
    assert (second.revision, second.name, second.created_at) == (2, "two", first.created_at)
    assert second.updated_at == clock.moment
    with pytest.raises(StaleRevision) as stale:
        save_design(first.id, named("three"), expected=1, actor=owner, backend=backend)
    assert stale.value.current == 2
    with pytest.raises(RevisionRequired):
        save_design(first.id, named("three"), expected=None, actor=owner, backend=backend)
    history = revision_history(first.id, actor=owner, backend=backend)
    assert [(r.number, r.name, r.note) for r in history] == [(1, "one", "first"), (2, "two", "")]
    assert read_revision(first.id, 1, actor=owner, backend=backend).document == first.document
    assert read_revision(first.id, None, actor=owner, backend=backend).number == 2
    for unknown in (3, 0, -1, 2**31, 2**63, 10**30):  # beyond what the databases' integers hold
        with pytest.raises(InvalidInput, match="unknown_revision"):
            read_revision(first.id, unknown, actor=owner, backend=backend)


def test_a_caller_changing_their_document_afterwards_changes_nothing_kept(
    backend: Backend,
) -> None:
    owner = actor(backend, Role.CONSUMER)
    saved = create_design(named("kept"), actor=owner, backend=backend)
    read = read_design(saved.id, actor=owner, backend=backend)
    read.document["name"] = "changed"  # type: ignore[index]
    assert read_design(saved.id, actor=owner, backend=backend).name == "kept"
    assert read_design(saved.id, actor=owner, backend=backend).document["name"] == "kept"


def test_a_document_that_is_not_a_design_is_not_kept(backend: Backend) -> None:
    owner = actor(backend, Role.CONSUMER)
    with pytest.raises(InvalidDesign):
        create_design({"name": "x"}, actor=owner, backend=backend)
    assert list_designs(actor=owner, backend=backend).designs == ()


def test_a_design_of_someone_else_is_not_found_and_one_seen_but_not_editable_is_forbidden(
    backend: Backend,
) -> None:
    owner, stranger = actor(backend, Role.CONSUMER), actor(backend, Role.CONSUMER)
    sales = actor(backend, Role.SALES)
    designer = actor(backend, Role.DESIGNER, "sh-1")
    saved = create_design(BEDROOM, actor=owner, backend=backend)
    for who in (stranger, sales, designer):
        with pytest.raises(NotFound):
            read_design(saved.id, actor=who, backend=backend)
        with pytest.raises(NotFound):
            save_design(saved.id, BEDROOM, expected=1, actor=who, backend=backend)
    token = share_design(saved.id, actor=owner, backend=backend)
    taken = take_on(token, actor=designer, backend=backend)
    assert taken.store_id == "sh-1" and taken.owner_id == owner.account_id
    assert read_design(saved.id, actor=sales, backend=backend).id == saved.id
    with pytest.raises(Forbidden):
        save_design(saved.id, BEDROOM, expected=1, actor=sales, backend=backend)
    with pytest.raises(Forbidden):
        share_design(saved.id, actor=sales, backend=backend)
    assert save_design(saved.id, BEDROOM, expected=1, actor=designer, backend=backend).revision == 2
    with pytest.raises(NotFound):
        read_design("no-such-design", actor=owner, backend=backend)


def test_only_store_staff_take_on_and_only_with_a_live_link(backend: Backend) -> None:
    owner = actor(backend, Role.CONSUMER)
    saved = create_design(BEDROOM, actor=owner, backend=backend)
    token = share_design(saved.id, actor=owner, backend=backend)
    for who in (owner, actor(backend, Role.SALES), actor(backend, Role.ADMIN)):
        with pytest.raises(Forbidden):
            take_on(token, actor=who, backend=backend)
    assert shared_design(token, backend=backend).id == saved.id
    assert unshare_design(saved.id, actor=owner, backend=backend) == 1
    assert unshare_design(saved.id, actor=owner, backend=backend) == 0
    for gone in (token, "mwl_nothing", "not-even-a-link"):
        with pytest.raises(NotFound):
            shared_design(gone, backend=backend)
    with pytest.raises(NotFound):
        take_on(token, actor=actor(backend, Role.DESIGNER, "sh-1"), backend=backend)


def test_a_copy_is_a_new_design_of_the_copier(backend: Backend) -> None:
    owner, designer = actor(backend, Role.CONSUMER), actor(backend, Role.DESIGNER, "sh-1")
    saved = create_design(BEDROOM, actor=owner, backend=backend)
    save_design(saved.id, named("second"), expected=1, actor=owner, backend=backend)
    token = share_design(saved.id, actor=owner, backend=backend)
    take_on(token, actor=designer, backend=backend)
    copied = copy_design(saved.id, actor=designer, backend=backend)
    assert copied.id != saved.id and copied.revision == 1 and copied.name == "second"
    assert copied.owner_id == designer.account_id and copied.store_id == "sh-1"
    [first] = revision_history(copied.id, actor=designer, backend=backend)
    assert first.note == f"copy of {saved.id} r2"


def test_a_diff_names_the_parts_added_and_the_price_change(backend: Backend) -> None:
    owner = actor(backend, Role.CONSUMER)
    saved = create_design(BEDROOM, actor=owner, backend=backend)
    save_design(saved.id, with_second_wardrobe(), expected=1, actor=owner, backend=backend)
    diff = diff_revisions(saved.id, 1, 2, actor=owner, backend=backend)
    assert diff.added and {p.cabinet_id for p in diff.added} == {"W2"}
    assert not diff.removed and diff.total_change > 0
    back = diff_revisions(saved.id, 2, 1, actor=owner, backend=backend)
    assert len(back.removed) == len(diff.added) and back.total_change == -diff.total_change
    with pytest.raises(NotFound):
        diff_revisions(saved.id, 1, 2, actor=actor(backend, Role.CONSUMER), backend=backend)


def test_lists_show_what_each_may_see_page_by_page_exactly_once(
    backend: Backend, clock: FixedClock
) -> None:
    owner, other = actor(backend, Role.CONSUMER), actor(backend, Role.CONSUMER)
    designer, sales = actor(backend, Role.DESIGNER, "sh-1"), actor(backend, Role.SALES)
    mine = []
    for i in range(7):
        if i % 3 == 0:
            clock.moment += timedelta(seconds=1)  # some share a moment, some do not
        mine.append(create_design(named(f"d{i}"), actor=owner, backend=backend).id)
    theirs = create_design(BEDROOM, actor=other, backend=backend).id
    take_on(share_design(mine[0], actor=owner, backend=backend), actor=designer, backend=backend)
    by_designer = create_design(BEDROOM, actor=designer, backend=backend).id

    def every(who: Actor, limit: int, **kwargs: Any) -> list[str]:
        seen: list[str] = []
        cursor = None
        while True:
            page = list_designs(actor=who, backend=backend, cursor=cursor, limit=limit, **kwargs)
            seen += [d.id for d in page.designs]
            assert len(page.designs) <= limit
            if page.next_cursor is None:
                return seen
            cursor = page.next_cursor

    newest_first = sorted(
        mine, key=lambda i: (read_design(i, actor=owner, backend=backend).updated_at, i)
    )[::-1]  # a tie on the moment goes by id
    for limit in (1, 2, 3, 7, 100):
        assert every(owner, limit) == newest_first
    assert sorted(every(designer, 2)) == sorted([mine[0], by_designer])
    assert every(designer, 2, mine=True) == [by_designer]
    assert sorted(every(sales, 4)) == sorted([mine[0], by_designer])
    assert every(other, 5) == [theirs]


def our_kind(*position: object) -> str:
    """A cursor in the database adapter's format, pointing at ``position``."""
    return base64.urlsafe_b64encode(json.dumps(position).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "",
        "!!!!",
        "bm90IGpzb24",
        "WzEsMl0",
        "e30",
        our_kind("2026-11-24T04:00:00", "x"),  # no offset
        our_kind("2026-11-24T04:00:00+00:00", "a\u0000b"),  # PostgreSQL text takes no NUL
        our_kind("0001-01-01T00:00:00+14:00", "x"),  # before year 1 in UTC
        our_kind("9999-12-31T23:00:00-14:00", "x"),  # after year 9999 in UTC
        our_kind("2026-11-24T04:00:00+00:00", "x" * 1000),
    ],
)
def test_a_cursor_that_is_not_one_of_ours_is_refused(backend: Backend, cursor: str) -> None:
    owner = actor(backend, Role.CONSUMER)
    with pytest.raises(InvalidInput, match="invalid_cursor"):
        list_designs(actor=owner, backend=backend, cursor=cursor)


@settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    expected=st.lists(
        st.one_of(st.integers(-2, 12), st.just(None), st.just("latest")), min_size=1, max_size=12
    )
)
def test_random_saves_leave_revisions_one_to_n_each_as_accepted(
    backend: Backend, expected: list[int | str | None]
) -> None:
    """Saves naming random (mostly stale) revisions: the accepted ones make revisions 1..n
    without a gap, each readable as saved; a refused one changes nothing."""
    owner = actor(backend, Role.CONSUMER)
    saved = create_design(named("save 0"), actor=owner, backend=backend)
    accepted = {1: saved.document}
    for i, asked in enumerate(expected, start=1):
        latest = max(accepted)
        revision = latest if asked == "latest" else asked
        assert revision is None or isinstance(revision, int)
        try:
            kept = save_design(
                saved.id, named(f"save {i}"), expected=revision, actor=owner, backend=backend
            )
        except (StaleRevision, RevisionRequired) as refused:
            assert revision != latest
            assert not isinstance(refused, StaleRevision) or refused.current == latest
        else:
            assert revision == latest and kept.revision == latest + 1
            accepted[kept.revision] = kept.document
        assert read_design(saved.id, actor=owner, backend=backend).revision == max(accepted)
    history = revision_history(saved.id, actor=owner, backend=backend)
    assert [r.number for r in history] == list(range(1, len(accepted) + 1))
    assert {r.number: r.document for r in history} == accepted


@pytest.mark.parametrize("design_id", ["a\x00b", "x" * 1000, "../etc", " ", "ünï"])
def test_an_id_that_no_design_can_have_is_not_found(backend: Backend, design_id: str) -> None:
    owner = actor(backend, Role.CONSUMER)
    with pytest.raises(NotFound):
        read_design(design_id, actor=owner, backend=backend)
    with pytest.raises(NotFound):
        save_design(design_id, BEDROOM, expected=1, actor=owner, backend=backend)


def test_an_account_owns_only_so_many_designs_and_a_design_keeps_only_so_many_revisions(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(designs_module, "MAX_DESIGNS_ANONYMOUS", 2)
    monkeypatch.setattr(designs_module, "MAX_REVISIONS", 3)
    visitor = actor(backend, Role.ANONYMOUS)
    first = create_design(BEDROOM, actor=visitor, backend=backend)
    create_design(BEDROOM, actor=visitor, backend=backend)
    with pytest.raises(QuotaExceeded):
        create_design(BEDROOM, actor=visitor, backend=backend)
    for revision in (1, 2):
        save_design(first.id, BEDROOM, expected=revision, actor=visitor, backend=backend)
    with pytest.raises(QuotaExceeded):
        save_design(first.id, BEDROOM, expected=3, actor=visitor, backend=backend)
    assert backend.designs.get(first.id).revision == 3  # nothing half-kept


def test_a_quote_names_the_customer_the_store_and_who_issued_it(backend: Backend) -> None:
    """A quote is made out to a person: the design's owner, the store looking after the
    design and the designer who issued it, as they were named then."""
    owner = backend.accounts.add(
        NewAccount(login="liwei", role=Role.CONSUMER, at=backend.clock.now(), name="Li Wei")
    ).actor
    designer = actor(backend, Role.DESIGNER, "sh-1")
    saved = create_design(BEDROOM, actor=owner, backend=backend)
    own = issue_design_quote(saved.id, None, actor=owner, backend=backend)
    assert own.parties == Parties(customer="Li Wei", store=None, issued_by="Li Wei")
    take_on(share_design(saved.id, actor=owner, backend=backend), actor=designer, backend=backend)
    quote = issue_design_quote(saved.id, None, actor=designer, backend=backend)
    login = backend.accounts.get(designer.account_id).login  # a designer with no name
    assert quote.parties == Parties(customer="Li Wei", store="sh-1, Shanghai", issued_by=login)
    assert backend.quotes.get(quote.number).parties == quote.parties

"""What an attacker tried against the API and must keep failing: each test is one finding of
the loopback attack session (a 500, a limit that did not hold), kept as a regression test."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from catalog.catalog import Catalog
from services.accounts import MAX_FAILURES_PER_LOGIN, Visitor, add_user, log_in
from services.errors import NotSignedIn, TooManyAttempts
from services.identity import Role
from tests.web.api_clients import BEDROOM, account, an_app, save


def test_a_revision_number_past_any_integer_column_is_refused_not_a_500(
    catalog: Catalog, database_url: str
) -> None:
    # given a saved design
    app = an_app(catalog, database_url)
    owner = account(app, "owner1")
    design = save(owner, BEDROOM)
    # when its revisions are asked for by numbers no database column holds
    for number in ("9" * 30, "-1", "0"):
        answer = owner.get(f"/api/v1/designs/{design}/revisions/{number}")
        # then the number is refused in the error shape (SQLite raised OverflowError: a 500)
        assert answer.status_code == 422, (number, answer.text)
        assert answer.json()["error"]["code"] == "invalid_request"


def _together(count: int, attempt: Callable[[int], object]) -> list[object]:
    """``attempt(i)`` for ``i`` in ``range(count)`` from as many threads, let go at once; what
    each returned or raised."""
    start = threading.Barrier(count)

    def one(i: int) -> object:
        start.wait()
        try:
            return attempt(i)
        except Exception as exc:  # the refusal is the answer here
            return exc

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def test_guesses_sent_together_are_locked_out_after_as_many_as_one_by_one(
    catalog: Catalog, database_url: str
) -> None:
    # given an account
    app = an_app(catalog, database_url)
    backend = app.state.backend
    add_user("victim1", Role.CONSUMER, "the right password", backend=backend)

    # when 30 wrong guesses arrive at once, each from an address of its own
    def guess(i: int) -> object:
        visitor = Visitor(address=f"10.0.0.{i}")
        return log_in("victim1", f"guess number {i}", visitor=visitor, backend=backend)

    answers = _together(30, guess)
    # then no more passwords were checked than the limit allows (it was 20-odd, not 5); a
    # burst may be locked out a try early (attempts refused together each saw the others)
    checked = [a for a in answers if isinstance(a, NotSignedIn)]
    assert 1 <= len(checked) <= MAX_FAILURES_PER_LOGIN
    assert all(isinstance(a, NotSignedIn | TooManyAttempts) for a in answers)
    # and the right password is refused too until the window has passed
    with pytest.raises(TooManyAttempts):
        log_in("victim1", "the right password", visitor=Visitor(), backend=backend)


def test_a_right_password_is_not_counted_as_a_failure(catalog: Catalog, database_url: str) -> None:
    app = an_app(catalog, database_url)
    backend = app.state.backend
    add_user("person1", Role.CONSUMER, "the right password", backend=backend)
    here = Visitor(address="10.0.0.1")
    for _ in range(MAX_FAILURES_PER_LOGIN - 1):
        with pytest.raises(NotSignedIn):
            log_in("person1", "a wrong password", visitor=here, backend=backend)
    # many right log-ins after 4 failures: none of them counts towards the lock
    for _ in range(3):
        log_in("person1", "the right password", visitor=here, backend=backend)
    with pytest.raises(NotSignedIn):
        log_in("person1", "a wrong password", visitor=here, backend=backend)  # the 5th
    with pytest.raises(TooManyAttempts):
        log_in("person1", "the right password", visitor=here, backend=backend)


def test_a_body_in_utf_16_or_32_is_not_json_for_us(catalog: Catalog, database_url: str) -> None:
    # given a client that sends its design as UTF-16 or UTF-32 (json.loads guessed those)
    app = an_app(catalog, database_url)
    owner = account(app, "owner1")
    body = json.dumps({"document": BEDROOM})
    for encoding in ("utf-16", "utf-32", "utf-16-le"):
        answer = owner.post(
            "/api/v1/designs",
            content=body.encode(encoding),
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        # then it is refused as the README says: not UTF-8, so not JSON (it was saved)
        assert answer.status_code == 400, (encoding, answer.text)
        assert answer.json()["error"]["code"] == "invalid_json"
    # and UTF-8, with or without a byte order mark, is still read
    for encoding in ("utf-8", "utf-8-sig"):
        sent = owner.post(
            "/api/v1/designs",
            content=body.encode(encoding),
            headers={"Content-Type": "application/json"},
        )
        assert sent.status_code == 201, (encoding, sent.text)

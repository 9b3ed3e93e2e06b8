"""What an attacker tried against the API and must keep failing: each test is one finding of
the loopback attack session (a 500, a limit that did not hold), kept as a regression test."""

from __future__ import annotations

from catalog.catalog import Catalog
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

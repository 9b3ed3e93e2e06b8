"""A database that stays locked past its busy timeout (SQLite under a burst of writers) or
cannot be reached answers 503 with Retry-After in the error shape, never a 500."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from catalog.catalog import Catalog
from persistence.db import migrate
from web.app import create_app

BEDROOM = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())


class LockedDesigns:
    """Every call fails as SQLite does when the write lock is not freed in time."""

    def __getattr__(self, name: str) -> Any:
        def locked(*_: object, **__: object) -> None:
            raise OperationalError("INSERT INTO designs …", {}, Exception("database is locked"))

        return locked


def test_a_locked_database_is_a_503_to_try_again(catalog: Catalog, database_url: str) -> None:
    migrate(database_url)
    app = create_app(catalog=catalog, database=database_url)
    app.state.backend = dataclasses.replace(app.state.backend, designs=LockedDesigns())
    answer = TestClient(app, raise_server_exceptions=False).post(
        "/api/v1/designs", json={"document": BEDROOM}
    )
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "1"
    assert answer.json()["error"]["code"] == "database_busy"
    assert "locked" not in answer.text  # nothing of the database's own words

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from persistence.db import migrate
from tests.fakes import FixedClock
from tests.persistence.databases import DATABASES, empty_database
from tests.web.designs_api import NOW, close_app
from web.app import create_app


@pytest.fixture(autouse=True)
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The CLI and the app keep what they store in a SQLite file of the test's own, never in
    ``var/`` or in a database ``DATABASE_URL`` names."""
    url = f"sqlite:///{tmp_path / 'var' / 'millwork.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture(scope="module")
def module_app(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """An app for a module's tests, on a migrated SQLite file of the module's own: a fixture
    of a module's scope is made before ``database_url`` (a test's) points ``DATABASE_URL``
    elsewhere, and would otherwise open ``var/`` (unmigrated, or missing in a fresh clone)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('module-db') / 'millwork.db'}"
    migrate(url)
    app = create_app(catalog=catalog, database=url)
    yield app
    close_app(app)


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated database of the test's own, on SQLite and on PostgreSQL."""
    with empty_database(request.param, tmp_path) as url:
        migrate(url)
        yield url


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def app(db_url: str, catalog: Catalog, clock: FixedClock) -> Iterator[FastAPI]:
    """The app on ``db_url``, with a clock the test may move."""
    app = create_app(catalog=catalog, clock=clock, database=db_url)
    yield app
    close_app(app)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A browser: it keeps the cookies it is given."""
    with TestClient(app) as browser:
        yield browser

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The CLI and the app keep what they store in a SQLite file of the test's own, never in
    ``var/`` or in a database ``DATABASE_URL`` names."""
    url = f"sqlite:///{tmp_path / 'var' / 'millwork.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url

"""The examples in every package's docstrings run as tests: no package is left out of
pytest's ``testpaths`` (pricing's doctests once were)."""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())


def test_every_package_is_collected_for_doctests() -> None:
    packages = set(PYPROJECT["tool"]["importlinter"]["root_packages"])
    collected = set(PYPROJECT["tool"]["pytest"]["ini_options"]["testpaths"])
    assert packages <= collected

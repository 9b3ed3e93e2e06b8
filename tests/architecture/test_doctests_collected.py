"""The examples in every package's docstrings run as tests: no package is left out of
pytest's ``testpaths`` (pricing's doctests once were)."""

from __future__ import annotations

from tests.product import PACKAGES, PYPROJECT


def test_every_package_is_collected_for_doctests() -> None:
    collected = set(PYPROJECT["tool"]["pytest"]["ini_options"]["testpaths"])
    assert set(PACKAGES) <= collected

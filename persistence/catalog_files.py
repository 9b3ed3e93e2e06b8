"""Read the catalog's TOML files from disk and build the checked ``Catalog``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import catalog as catalog_package
from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from catalog.parsing import CATALOG_FILES, parse_catalog
from kernel.problems import Problem

__all__ = ["DEFAULT_CATALOG_DIR", "load_catalog"]

DEFAULT_CATALOG_DIR = Path(catalog_package.__file__).parent / "data"


def load_catalog(directory: Path = DEFAULT_CATALOG_DIR) -> Catalog:
    """Load and cross-check the catalog in ``directory``; ``InvalidCatalog`` names the file
    and key at fault."""
    files: dict[str, dict[str, object]] = {}
    problems: list[Problem] = []
    for name in CATALOG_FILES:
        path = directory / name
        try:
            with path.open("rb") as handle:
                files[name] = tomllib.load(handle)
        except FileNotFoundError:
            problems.append(Problem(code="missing_file", path=str(path)))
        except tomllib.TOMLDecodeError as exc:
            problems.append(Problem(code="invalid_toml", path=f"{path}: {exc}"))
    if problems:
        raise InvalidCatalog(problems)
    return parse_catalog(files)

"""Read the catalog's TOML files from disk and build the checked ``Catalog``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import catalog as catalog_package
from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from catalog.parsing import CATALOG_FILES, parse_catalog
from kernel.problems import Problem, ProblemCode

__all__ = ["DEFAULT_CATALOG_DIR", "FileProblem", "load_catalog", "read_toml"]


class FileProblem(ProblemCode):
    """A data file that cannot be read."""

    MISSING_FILE = "missing_file"
    UNREADABLE_FILE = "unreadable_file"
    INVALID_TOML = "invalid_toml"


DEFAULT_CATALOG_DIR = Path(catalog_package.__file__).parent / "data"


def load_catalog(directory: Path = DEFAULT_CATALOG_DIR) -> Catalog:
    """Load and cross-check the catalog in ``directory``; ``InvalidCatalog`` names the file
    and key at fault."""
    files: dict[str, dict[str, object]] = {}
    problems: list[Problem] = []
    for name in CATALOG_FILES:
        files[name], found = read_toml(directory / name)
        problems += found
    if problems:
        raise InvalidCatalog(problems)
    return parse_catalog(files)


def read_toml(path: Path) -> tuple[dict[str, object], list[Problem]]:
    """A data file's contents, or nothing and the problem: missing, unreadable, not TOML."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), []
    except FileNotFoundError:
        return {}, [Problem.of(FileProblem.MISSING_FILE, str(path))]
    except OSError as exc:
        return {}, [Problem.of(FileProblem.UNREADABLE_FILE, str(path), reason=exc.strerror)]
    except tomllib.TOMLDecodeError as exc:
        return {}, [Problem.of(FileProblem.INVALID_TOML, f"{path}: {exc}")]

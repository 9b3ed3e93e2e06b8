"""The files adapter of the ``CatalogSource`` port: read once, checked, and clear when a file
is missing or broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from persistence.catalog_files import DEFAULT_CATALOG_DIR
from persistence.catalog_source import CatalogFiles


def test_the_demo_files_give_a_catalog_and_a_price_book_read_once() -> None:
    files = CatalogFiles()
    assert files.catalog() is files.catalog()
    book = files.price_book()
    assert book is files.price_book()
    assert book.price_list.currency == files.catalog().currency
    assert book.promotions.items


def test_a_catalog_already_loaded_is_not_read_again(catalog: Catalog, tmp_path: Path) -> None:
    # the folder holds no catalog files: only the price list and promotions are read from it
    shutil.copy(DEFAULT_CATALOG_DIR / "prices.toml", tmp_path)
    shutil.copy(DEFAULT_CATALOG_DIR / "promotions.toml", tmp_path)
    files = CatalogFiles(tmp_path, catalog=catalog)
    assert files.catalog() is catalog and files.price_book().price_list.version


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("prices.toml", None, "missing_file"),
        ("prices.toml", "version = ", "invalid_toml"),
        ("promotions.toml", None, "missing_file"),
    ],
)
def test_a_missing_or_broken_file_is_named(
    catalog: Catalog, tmp_path: Path, name: str, content: str | None, code: str
) -> None:
    for each in ("prices.toml", "promotions.toml"):
        shutil.copy(DEFAULT_CATALOG_DIR / each, tmp_path)
    if content is None:
        (tmp_path / name).unlink()
    else:
        (tmp_path / name).write_text(content)
    with pytest.raises(InvalidCatalog) as refused:
        CatalogFiles(tmp_path, catalog=catalog).price_book()
    [problem] = refused.value.problems
    assert problem.code == code and str(tmp_path / name) in problem.path

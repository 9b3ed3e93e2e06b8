from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog, UnknownCode
from catalog.hardware import HardwareKind
from catalog.parsing import CATALOG_FILES, parse_catalog
from persistence.catalog_files import DEFAULT_CATALOG_DIR, load_catalog

REQUIRED_TEMPLATES = {
    "wardrobe_hinged",
    "corner_wardrobe",
    "blind_corner_base",
    "blind_corner_wall",
    "wardrobe_sliding",
    "shelving_open",
    "drawer_unit",
    "base_cabinet",
    "wall_cabinet",
    "top_box",
    "filler",
}


@pytest.fixture
def files() -> dict[str, Any]:
    return {n: tomllib.loads((DEFAULT_CATALOG_DIR / n).read_text()) for n in CATALOG_FILES}


def paths(exc: pytest.ExceptionInfo[InvalidCatalog]) -> list[str]:
    return [p.path for p in exc.value.problems]


def test_demo_catalog_has_the_templates_and_materials_the_product_needs(catalog: Catalog) -> None:
    assert set(catalog.templates) == REQUIRED_TEMPLATES
    assert {"PB18_WHITE", "PB18_OAK", "PB18_WALNUT", "MDF18_GREY", "PLY18_BIRCH"} <= set(
        catalog.materials
    )
    back = catalog.back_material()
    assert back.thickness_mm == 9
    assert catalog.material("PB18_OAK").grained and not catalog.material("PB18_WHITE").grained
    runners = [i.size_mm for i in catalog.items_of(HardwareKind.RUNNER)]
    assert runners[0] == 250 and runners[-1] == 600
    for kind in HardwareKind:
        assert catalog.items_of(kind), kind


def test_runner_for_picks_the_longest_that_fits(catalog: Catalog) -> None:
    runner = catalog.runner_for(549)
    assert runner is not None and runner.size_mm == 500
    assert catalog.runner_for(249) is None


def test_a_banded_edge_takes_the_overlength_of_the_construction_rules(catalog: Catalog) -> None:
    assert catalog.construction.edge_overlength_mm == 50
    assert catalog.construction.band_length_mm(2400) == 2450


def test_lookups_of_unknown_codes_raise_with_the_code(catalog: Catalog) -> None:
    for lookup in (catalog.material, catalog.template, catalog.item, catalog.edge_band):
        with pytest.raises(UnknownCode, match="NOPE"):
            lookup("NOPE")  # type: ignore[arg-type]


def test_a_wrong_value_names_the_file_and_key(files: dict[str, Any]) -> None:
    files["materials.toml"]["materials"]["PB18_OAK"]["thickness_mm"] = "eighteen"
    with pytest.raises(InvalidCatalog) as exc:
        parse_catalog(files)
    assert paths(exc) == ["materials.toml:materials.PB18_OAK.thickness_mm"]
    assert "materials.toml:materials.PB18_OAK.thickness_mm" in str(exc.value)


def test_a_missing_key_is_reported_once(files: dict[str, Any]) -> None:
    del files["templates.toml"]["templates"]["filler"]["name"]
    with pytest.raises(InvalidCatalog) as exc:
        parse_catalog(files)
    assert [(p.code, p.path) for p in exc.value.problems] == [
        ("missing_key", "templates.toml:templates.filler.name")
    ]


def test_dangling_references_are_found(files: dict[str, Any]) -> None:
    files["templates.toml"]["templates"]["top_box"]["front_materials"].append("GLASS")
    files["materials.toml"]["materials"]["PB18_OAK"]["bands"]["front"] = "ABS99"
    files["catalog.toml"]["construction"]["hinge"] = "RUNNER_300"
    files["templates.toml"]["templates"]["base_cabinet"]["options"]["handle"]["choices"].append(
        "HINGE_110_FO"
    )
    with pytest.raises(InvalidCatalog) as exc:
        parse_catalog(files)
    assert sorted(paths(exc)) == sorted(
        [
            "templates.toml:templates.top_box.front_materials[5]",
            "materials.toml:materials.PB18_OAK.bands.front",
            "catalog.toml:construction.hinge",
            "templates.toml:templates.base_cabinet.options.handle",
        ]
    )


def test_a_range_whose_default_lies_outside_is_refused(files: dict[str, Any]) -> None:
    files["templates.toml"]["templates"]["top_box"]["width"] = [300, 2400, 9000]
    files["templates.toml"]["templates"]["top_box"]["depth"] = [300, 650]
    with pytest.raises(InvalidCatalog) as exc:
        parse_catalog(files)
    assert set(paths(exc)) == {
        "templates.toml:templates.top_box.width",
        "templates.toml:templates.top_box.depth",
    }


def test_a_missing_file_and_bad_enum_values_are_reported(files: dict[str, Any]) -> None:
    broken = copy.deepcopy(files)
    del broken["hardware.toml"]
    with pytest.raises(InvalidCatalog) as exc:
        parse_catalog(broken)
    assert paths(exc) == ["hardware.toml"]
    files["templates.toml"]["templates"]["top_box"]["fronts"] = "curtain"
    files["hardware.toml"]["hardware"]["LEG_100"]["kind"] = "wheel"
    with pytest.raises(InvalidCatalog) as exc:
        parse_catalog(files)
    assert "templates.toml:templates.top_box.fronts" in paths(exc)
    assert "hardware.toml:hardware.LEG_100.kind" in paths(exc)


def test_load_catalog_reports_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidCatalog) as exc:
        load_catalog(tmp_path)
    assert len(exc.value.problems) == len(CATALOG_FILES)
    for name in CATALOG_FILES:
        (tmp_path / name).write_text((DEFAULT_CATALOG_DIR / name).read_text())
    (tmp_path / "hardware.toml").write_text("[hardware\n")
    with pytest.raises(InvalidCatalog) as exc:
        load_catalog(tmp_path)
    assert exc.value.problems[0].code == "invalid_toml"
    assert "hardware.toml" in exc.value.problems[0].path

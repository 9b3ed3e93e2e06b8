"""Build a ``Catalog`` from its data files (already parsed TOML), checking every reference.

A broken catalog fails loudly: ``InvalidCatalog`` lists each file and key at fault. Reading
the files from disk is the caller's job (``persistence.catalog_files``); this module is pure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

from catalog.catalog import Catalog
from catalog.construction import Construction, EdgeRule
from catalog.errors import InvalidCatalog
from catalog.fronts import FrontStyle
from catalog.hardware import HardwareItem, HardwareKind, Unit
from catalog.materials import BandClass, BoardKind, EdgeBand, Material
from catalog.problems import CatalogProblem
from catalog.templates import (
    CornerKind,
    FrontKind,
    IntRange,
    LoadClass,
    ModuleTemplate,
    OptionSpec,
    PlinthKind,
    SectionPattern,
    StandsOn,
)
from kernel.fields import FieldProblem, Reader
from kernel.ids import EdgeBandCode, HardwareCode, MaterialCode, TemplateCode
from kernel.money import Currency

__all__ = ["CATALOG_FILES", "parse_catalog"]

CATALOG_FILES = ("catalog.toml", "materials.toml", "hardware.toml", "templates.toml")
_CODE = r"[A-Za-z0-9_]{1,40}"
_COLOR = r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?"
_BIG = 100_000
T = TypeVar("T")


def parse_catalog(files: Mapping[str, Mapping[str, object]]) -> Catalog:
    """Turn the catalog files into a checked ``Catalog``.

    Parameters
    ----------
    files : mapping of file name to its parsed TOML content
        Must hold every name of ``CATALOG_FILES``.

    Raises
    ------
    InvalidCatalog
        With one problem per mistake, each path naming the file and the key.
    """
    r = Reader()
    for name in CATALOG_FILES:
        if name not in files:
            r.fail(FieldProblem.MISSING_KEY, name)
    if r.problems:
        raise InvalidCatalog(r.problems)
    head = r.mapping(
        files["catalog.toml"],
        "catalog.toml:",
        required=("version", "currency", "construction"),
        optional=("front_styles",),
    )
    mats = r.mapping(
        files["materials.toml"], "materials.toml:", required=("materials", "edge_bands")
    )
    catalog = Catalog(
        version=r.text(head.get("version"), "catalog.toml:version", pattern=r"[\w.\-]{1,40}"),
        currency=Currency(
            r.text(head.get("currency"), "catalog.toml:currency", choices=list(Currency))
            or Currency.CNY
        ),
        materials=_each(r, mats.get("materials"), "materials.toml:materials", _material),
        edge_bands=_each(r, mats.get("edge_bands"), "materials.toml:edge_bands", _edge_band),
        hardware=_each(
            r, files["hardware.toml"].get("hardware"), "hardware.toml:hardware", _hardware
        ),
        templates=_each(
            r, files["templates.toml"].get("templates"), "templates.toml:templates", _template
        ),
        construction=_construction(r, head.get("construction"), "catalog.toml:construction"),
        front_styles=_each(
            r, head.get("front_styles", {}), "catalog.toml:front_styles", _front_style
        ),
    )
    if not r.problems:
        _cross_check(r, catalog)
    if r.problems:
        raise InvalidCatalog(r.problems)
    return catalog.with_edge_specs()


def _each(
    r: Reader, value: object, path: str, build: Callable[[Reader, str, object, str], T]
) -> Mapping[str, T]:
    table = r.open_mapping(value, path)
    out: dict[str, T] = {}
    for code, entry in table.items():
        r.text(code, f"{path}.{code}", pattern=_CODE)
        out[code] = build(r, code, entry, f"{path}.{code}")
    return MappingProxyType(out)


def _size(r: Reader, m: Mapping[str, object], key: str, path: str, low: float = 0.1) -> float:
    return r.number(m.get(key), f"{path}.{key}", minimum=low, maximum=_BIG)


def _material(r: Reader, code: str, value: object, path: str) -> Material:
    m = r.mapping(
        value,
        path,
        required=(
            "name",
            "name_zh",
            "kind",
            "thickness_mm",
            "sheet_length_mm",
            "sheet_width_mm",
            "grained",
            "density_kg_m3",
            "modulus_mpa",
            "color",
            "bands",
        ),
        optional=("large_sheet_mm",),
    )
    bands_in = r.mapping(m.get("bands"), f"{path}.bands", required=list(BandClass))
    bands = {
        BandClass(k): EdgeBandCode(r.text(bands_in.get(k), f"{path}.bands.{k}"))
        for k in BandClass
        if k in bands_in
    }
    kind = r.text(m.get("kind"), f"{path}.kind", choices=list(BoardKind))
    length = _size(r, m, "sheet_length_mm", path, 500)
    width = _size(r, m, "sheet_width_mm", path, 500)
    return Material(
        code=MaterialCode(code),
        name=r.text(m.get("name"), f"{path}.name"),
        name_zh=r.text(m.get("name_zh"), f"{path}.name_zh"),
        kind=BoardKind(kind) if kind in list(BoardKind) else BoardKind.PARTICLEBOARD,
        thickness_mm=r.number(m.get("thickness_mm"), f"{path}.thickness_mm", minimum=3, maximum=50),
        sheet_length_mm=length,
        sheet_width_mm=width,
        grained=r.flag(m.get("grained"), f"{path}.grained"),
        density_kg_m3=r.number(
            m.get("density_kg_m3"), f"{path}.density_kg_m3", minimum=100, maximum=3000
        ),
        modulus_mpa=r.number(
            m.get("modulus_mpa"), f"{path}.modulus_mpa", minimum=100, maximum=100_000
        ),
        color=r.text(m.get("color"), f"{path}.color", pattern=_COLOR),
        bands=MappingProxyType(bands),
        large_sheet_mm=_large_sheet(
            r, m.get("large_sheet_mm"), f"{path}.large_sheet_mm", length, width
        )
        if "large_sheet_mm" in m
        else None,
    )


def _large_sheet(
    r: Reader, value: object, path: str, length: float, width: float
) -> tuple[float, float]:
    """``[length, width]`` of a larger format: at least the standard sheet's size both ways."""
    items = r.sequence(value, path, min_len=2, max_len=2)
    if len(items) != 2:
        return length, width
    return (
        r.number(items[0], f"{path}[0]", minimum=length, maximum=_BIG),
        r.number(items[1], f"{path}[1]", minimum=width, maximum=_BIG),
    )


def _edge_band(r: Reader, code: str, value: object, path: str) -> EdgeBand:
    m = r.mapping(value, path, required=("name", "thickness_mm", "width_mm", "color"))
    return EdgeBand(
        code=EdgeBandCode(code),
        name=r.text(m.get("name"), f"{path}.name"),
        thickness_mm=r.number(
            m.get("thickness_mm"), f"{path}.thickness_mm", minimum=0.1, maximum=5
        ),
        width_mm=r.number(m.get("width_mm"), f"{path}.width_mm", minimum=5, maximum=100),
        color=r.text(m.get("color"), f"{path}.color", pattern=_COLOR),
    )


def _hardware(r: Reader, code: str, value: object, path: str) -> HardwareItem:
    m = r.mapping(value, path, required=("kind", "name", "name_zh", "unit"), optional=("size_mm",))
    kind = r.text(m.get("kind"), f"{path}.kind", choices=list(HardwareKind))
    unit = r.text(m.get("unit"), f"{path}.unit", choices=list(Unit))
    return HardwareItem(
        code=HardwareCode(code),
        kind=HardwareKind(kind) if kind in list(HardwareKind) else HardwareKind.HINGE,
        name=r.text(m.get("name"), f"{path}.name"),
        name_zh=r.text(m.get("name_zh"), f"{path}.name_zh"),
        unit=Unit(unit) if unit in list(Unit) else Unit.PIECE,
        size_mm=_size(r, m, "size_mm", path) if "size_mm" in m else None,
    )


def _front_style(r: Reader, code: str, value: object, path: str) -> FrontStyle:
    m = r.mapping(
        value, path, required=("name", "name_zh"), optional=("frame_mm", "groove_mm", "infill")
    )
    infill = m.get("infill")
    return FrontStyle(
        code=code,
        name=r.text(m.get("name"), f"{path}.name"),
        name_zh=r.text(m.get("name_zh"), f"{path}.name_zh"),
        frame_mm=r.number(m.get("frame_mm", 0), f"{path}.frame_mm", minimum=0, maximum=300),
        groove_mm=r.number(m.get("groove_mm", 0), f"{path}.groove_mm", minimum=0, maximum=30),
        infill=None if infill is None else MaterialCode(r.text(infill, f"{path}.infill")),
    )


def _int_range(r: Reader, value: object, path: str) -> IntRange:
    items = r.sequence(value, path, min_len=3)
    if len(items) != 3:
        r.fail(FieldProblem.INVALID_VALUE, path, expected="[min, max, default]")
        return IntRange(min=0, max=0, default=0)
    low, high, default = (
        r.integer(v, f"{path}[{i}]", minimum=0, maximum=_BIG) for i, v in enumerate(items)
    )
    if not low <= default <= high:
        r.fail(FieldProblem.OUT_OF_RANGE, path, value=default, min=low, max=high)
    return IntRange(min=low, max=high, default=default)


def _option(r: Reader, name: str, value: object, path: str) -> OptionSpec:
    m = r.mapping(value, path, optional=("range", "choices", "default"))
    if "range" in m:
        span = _int_range(r, m["range"], f"{path}.range")
        return OptionSpec(name=name, range=span, default=span.default)
    choices = tuple(
        r.text(c, f"{path}.choices[{i}]")
        for i, c in enumerate(r.sequence(m.get("choices"), f"{path}.choices", min_len=1))
    )
    default = r.text(m.get("default"), f"{path}.default", choices=choices)
    return OptionSpec(name=name, choices=choices, default=default)


def _whole_numbers(r: Reader, value: object, path: str) -> tuple[int, ...]:
    return tuple(
        r.integer(v, f"{path}[{i}]", minimum=1, maximum=_BIG)
        for i, v in enumerate(r.sequence(value, path))
    )


def _codes(r: Reader, value: object, path: str) -> tuple[str, ...]:
    return tuple(
        r.text(c, f"{path}[{i}]", pattern=_CODE)
        for i, c in enumerate(r.sequence(value, path, min_len=1))
    )


def _template(r: Reader, code: str, value: object, path: str) -> ModuleTemplate:
    m = r.mapping(
        value,
        path,
        required=(
            "name",
            "name_zh",
            "has_carcass",
            "fronts",
            "plinth",
            "width",
            "height",
            "depth",
            "standard_widths",
            "carcass_materials",
            "front_materials",
            "load_class",
            "section_max_width_mm",
            "default_sections",
        ),
        optional=("options", "elevation_mm", "corner", "stands_on"),
    )
    plinth = _enum(r, PlinthKind, m.get("plinth"), f"{path}.plinth")
    floor = StandsOn.FLOOR if plinth is not PlinthKind.NONE else StandsOn.ANY
    options = r.open_mapping(m.get("options", {}), f"{path}.options")
    patterns = [
        r.text(p, f"{path}.default_sections[{i}]", choices=list(SectionPattern))
        for i, p in enumerate(
            r.sequence(m.get("default_sections"), f"{path}.default_sections", min_len=1)
        )
    ]
    return ModuleTemplate(
        code=TemplateCode(code),
        name=r.text(m.get("name"), f"{path}.name"),
        name_zh=r.text(m.get("name_zh"), f"{path}.name_zh"),
        has_carcass=r.flag(m.get("has_carcass"), f"{path}.has_carcass"),
        fronts=_enum(r, FrontKind, m.get("fronts"), f"{path}.fronts"),
        plinth=plinth,
        width=_int_range(r, m.get("width"), f"{path}.width"),
        height=_int_range(r, m.get("height"), f"{path}.height"),
        depth=_int_range(r, m.get("depth"), f"{path}.depth"),
        standard_widths=_whole_numbers(r, m.get("standard_widths"), f"{path}.standard_widths"),
        carcass_materials=tuple(
            MaterialCode(c)
            for c in _codes(r, m.get("carcass_materials"), f"{path}.carcass_materials")
        ),
        front_materials=tuple(
            MaterialCode(c) for c in _codes(r, m.get("front_materials"), f"{path}.front_materials")
        ),
        load_class=_enum(r, LoadClass, m.get("load_class"), f"{path}.load_class"),
        section_max_width_mm=int(_size(r, m, "section_max_width_mm", path, 100)),
        elevation_mm=r.integer(
            m.get("elevation_mm", 0), f"{path}.elevation_mm", minimum=0, maximum=5000
        ),
        stands_on=_enum(r, StandsOn, m.get("stands_on", floor), f"{path}.stands_on"),
        default_sections=tuple(SectionPattern(p) for p in patterns if p in list(SectionPattern)),
        corner=_enum(r, CornerKind, m.get("corner", "none"), f"{path}.corner"),
        options=MappingProxyType(
            {
                name: _option(r, name, spec, f"{path}.options.{name}")
                for name, spec in options.items()
            }
        ),
    )


E = TypeVar("E", FrontKind, PlinthKind, LoadClass, BandClass, CornerKind, StandsOn)


def _enum(r: Reader, enum: type[E], value: object, path: str) -> E:
    text = r.text(value, path, choices=[str(e) for e in enum])
    return enum(text) if text in [str(e) for e in enum] else next(iter(enum))


def _edge_rule(r: Reader, value: object, path: str) -> EdgeRule:
    m = r.mapping(value, path, required=("l1", "l2", "w1", "w2"))
    choices = [*list(BandClass), "none"]
    picked = {k: r.text(m.get(k), f"{path}.{k}", choices=choices) for k in ("l1", "l2", "w1", "w2")}
    bands = {k: BandClass(v) if v in list(BandClass) else None for k, v in picked.items()}
    return EdgeRule(**bands)


def _construction(r: Reader, value: object, path: str) -> Construction:
    fields = [f for f in dataclasses.fields(Construction) if f.name != "edge_rules"]
    m = r.mapping(value, path, required=[f.name for f in fields] + ["edge_rules"])
    values: dict[str, object] = {}
    for f in fields:
        if f.name.endswith("_mm"):
            values[f.name] = r.number(m.get(f.name), f"{path}.{f.name}", minimum=0, maximum=_BIG)
        else:
            values[f.name] = r.text(m.get(f.name), f"{path}.{f.name}", pattern=_CODE)
    rules = r.open_mapping(m.get("edge_rules"), f"{path}.edge_rules")
    values["edge_rules"] = MappingProxyType(
        {role: _edge_rule(r, rule, f"{path}.edge_rules.{role}") for role, rule in rules.items()}
    )
    return Construction(**values)  # type: ignore[arg-type]


def _cross_check(r: Reader, c: Catalog) -> None:
    """Every code a catalog entry names must exist, with the right kind."""
    for code, mat in c.materials.items():
        for cls, band in mat.bands.items():
            if band not in c.edge_bands:
                r.fail(
                    CatalogProblem.UNKNOWN_EDGE_BAND,
                    f"materials.toml:materials.{code}.bands.{cls}",
                    value=band,
                )
    for code, tpl in c.templates.items():
        path = f"templates.toml:templates.{code}"
        for key, mats in (
            ("carcass_materials", tpl.carcass_materials),
            ("front_materials", tpl.front_materials),
        ):
            for i, mat_code in enumerate(mats):
                if mat_code not in c.materials:
                    r.fail(CatalogProblem.UNKNOWN_MATERIAL, f"{path}.{key}[{i}]", value=mat_code)
        handle = tpl.options.get("handle")
        for choice in handle.choices if handle else ():
            if (
                choice not in ("none", "push")
                and getattr(c.hardware.get(choice), "kind", None) is not HardwareKind.HANDLE
            ):
                r.fail(CatalogProblem.UNKNOWN_HARDWARE, f"{path}.options.handle", value=choice)
    _check_front_styles(r, c)
    _check_construction_refs(r, c)


def _check_front_styles(r: Reader, c: Catalog) -> None:
    """A style's infill is a material, its frame wider than its groove; a template offers
    only styles the catalog has."""
    for code, fs in c.front_styles.items():
        path = f"catalog.toml:front_styles.{code}"
        if fs.infill is not None and fs.infill not in c.materials:
            r.fail(CatalogProblem.UNKNOWN_MATERIAL, f"{path}.infill", value=fs.infill)
        if fs.infill is not None and fs.frame_mm <= fs.groove_mm:
            r.fail(
                FieldProblem.OUT_OF_RANGE,
                f"{path}.frame_mm",
                value=fs.frame_mm,
                min=fs.groove_mm,
                max=300,
            )
    for code, tpl in c.templates.items():
        style = tpl.options.get("door_style")
        for choice in style.choices if style else ():
            if choice not in c.front_styles and choice != "plain":
                r.fail(
                    CatalogProblem.UNKNOWN_FRONT_STYLE,
                    f"templates.toml:templates.{code}.options.door_style",
                    value=choice,
                )


def _check_construction_refs(r: Reader, c: Catalog) -> None:
    path = "catalog.toml:construction"
    k = c.construction
    for key in ("back_material", "drawer_box_material", "drawer_bottom_material"):
        if getattr(k, key) not in c.materials:
            r.fail(CatalogProblem.UNKNOWN_MATERIAL, f"{path}.{key}", value=getattr(k, key))
    for f in dataclasses.fields(Construction):
        value = getattr(k, f.name)
        if f.name.upper() in HardwareKind.__members__ and isinstance(value, str):
            item = c.hardware.get(value)
            if item is None or item.kind is not HardwareKind[f.name.upper()]:
                r.fail(
                    CatalogProblem.UNKNOWN_HARDWARE,
                    f"{path}.{f.name}",
                    value=value,
                    expected=HardwareKind[f.name.upper()].value,
                )
    if not c.items_of(HardwareKind.RUNNER):
        r.fail(
            CatalogProblem.UNKNOWN_HARDWARE,
            "hardware.toml:hardware",
            expected="at least one runner",
        )

"""The Catalog aggregate: one immutable, cross-checked version of everything buildable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from catalog.construction import Construction
from catalog.errors import UnknownCode
from catalog.fronts import FrontStyle
from catalog.hardware import HardwareItem, HardwareKind
from catalog.materials import EdgeBand, Material
from catalog.templates import ModuleTemplate
from kernel.ids import EdgeBandCode, HardwareCode, MaterialCode
from kernel.money import Currency

__all__ = ["Catalog", "EdgeSpec"]

T = TypeVar("T")


class EdgeSpec(NamedTuple):
    """Edge-band codes on (l1, l2, w1, w2) and their thicknesses in mm (0 where bare)."""

    codes: tuple[EdgeBandCode | None, ...]
    thickness_mm: tuple[float, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalog:
    """Materials, edge bands, hardware, templates and construction rules of one version."""

    version: str
    currency: Currency
    materials: Mapping[str, Material]
    edge_bands: Mapping[str, EdgeBand]
    hardware: Mapping[str, HardwareItem]
    templates: Mapping[str, ModuleTemplate]
    construction: Construction
    edge_specs: Mapping[tuple[str, str], EdgeSpec] = field(default_factory=dict)
    front_styles: Mapping[str, FrontStyle] = field(default_factory=dict)

    def edges_for(self, role: str, material: str) -> EdgeSpec:
        """The bands (l1, l2, w1, w2) on a part of ``role`` in ``material`` and their
        thicknesses; precomputed when the catalog is parsed (see ``with_edge_specs``)."""
        spec = self.edge_specs.get((role, material))
        return spec if spec is not None else _edge_spec(self, role, material)

    def with_edge_specs(self) -> Catalog:
        """This catalog with every role's and material's edge bands worked out once."""
        specs = {
            (role, code): _edge_spec(self, role, code)
            for role in self.construction.edge_rules
            for code in self.materials
        }
        return replace(self, edge_specs=MappingProxyType(specs))

    def material(self, code: str) -> Material:
        """The material ``code``; raises ``UnknownCode``."""
        return _get(self.materials, "material", code)

    def edge_band(self, code: EdgeBandCode) -> EdgeBand:
        """The edge band ``code``; raises ``UnknownCode``."""
        return _get(self.edge_bands, "edge band", code)

    def item(self, code: HardwareCode) -> HardwareItem:
        """The hardware item ``code``; raises ``UnknownCode``."""
        return _get(self.hardware, "hardware item", code)

    def template(self, code: str) -> ModuleTemplate:
        """The module template ``code``; raises ``UnknownCode``."""
        return _get(self.templates, "template", code)

    def items_of(self, kind: HardwareKind) -> tuple[HardwareItem, ...]:
        """Every item of ``kind``, smallest ``size_mm`` first."""
        found = [i for i in self.hardware.values() if i.kind is kind]
        return tuple(sorted(found, key=lambda i: (i.size_mm or 0.0, i.code)))

    def runner_for(self, depth_mm: float) -> HardwareItem | None:
        """The longest runner that fits ``depth_mm`` of free depth, or ``None``."""
        fitting = [r for r in self.items_of(HardwareKind.RUNNER) if (r.size_mm or 0) <= depth_mm]
        return fitting[-1] if fitting else None

    def front_style(self, code: str) -> FrontStyle:
        """The front style ``code`` (``plain`` when the catalog names none); raises
        ``UnknownCode``."""
        if code == "plain" and code not in self.front_styles:
            return FrontStyle(code="plain", name="Plain", name_zh="平板")
        return _get(self.front_styles, "front style", code)

    def back_material(self) -> Material:
        """The board backs are cut from."""
        return self.material(MaterialCode(self.construction.back_material))


def _get(table: Mapping[str, T], kind: str, code: str) -> T:
    try:
        return table[code]
    except KeyError:
        raise UnknownCode(kind, code) from None


def _edge_spec(catalog: Catalog, role: str, material: str) -> EdgeSpec:
    bands = catalog.material(material).bands
    rule = catalog.construction.edge_rules.get(role)
    classes = (rule.l1, rule.l2, rule.w1, rule.w2) if rule else (None, None, None, None)
    codes = tuple(bands[c] if c else None for c in classes)
    return EdgeSpec(
        codes=codes,
        thickness_mm=tuple(catalog.edge_band(c).thickness_mm if c else 0.0 for c in codes),
    )

"""The Catalog aggregate: one immutable, cross-checked version of everything buildable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from catalog.construction import Construction
from catalog.errors import UnknownCode
from catalog.hardware import HardwareItem, HardwareKind
from catalog.materials import EdgeBand, Material
from catalog.templates import ModuleTemplate
from kernel.ids import EdgeBandCode, HardwareCode, MaterialCode
from kernel.money import Currency

__all__ = ["Catalog"]

T = TypeVar("T")


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

    def back_material(self) -> Material:
        """The board backs are cut from."""
        return self.material(MaterialCode(self.construction.back_material))


def _get(table: Mapping[str, T], kind: str, code: str) -> T:
    try:
        return table[code]
    except KeyError:
        raise UnknownCode(kind, code) from None

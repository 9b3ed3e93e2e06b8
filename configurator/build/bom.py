"""The bill of materials in figures: parts and board area per material, edge band per band,
hardware per item. Derived from a build, never stored."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild
from kernel.quantities import area_m2, metres, round_quantity

__all__ = ["BomSummary", "summarize"]

HARDWARE_STEP = Decimal("0.001")
"""Resolution of hardware totals in the item's unit: whole pieces, or metres to 1 mm."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BomSummary:
    """Totals of a build, rounded once each by ``kernel.quantities``. Areas are finished part
    faces in m², band lengths in m (no overlength), hardware in the item's unit (metres for
    cut-to-length items)."""

    cabinets: int
    parts: int
    parts_by_material: Mapping[str, int]
    area_m2_by_material: Mapping[str, Decimal]
    edge_band_m: Mapping[str, Decimal]
    hardware: Mapping[str, Decimal]

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form, figures as numbers."""
        return {
            "cabinets": self.cabinets,
            "parts": self.parts,
            "materials": {
                m: {"parts": n, "area_m2": float(self.area_m2_by_material[m])}
                for m, n in sorted(self.parts_by_material.items())
            },
            "edge_band_m": {b: float(v) for b, v in sorted(self.edge_band_m.items())},
            "hardware": {h: float(v) for h, v in sorted(self.hardware.items())},
        }


def summarize(build: DesignBuild, catalog: Catalog) -> BomSummary:
    """Add up a build's parts, edge bands and hardware, in mm, then round each total once."""
    parts: Counter[str] = Counter()
    area_mm2: defaultdict[str, float] = defaultdict(float)
    band_mm: defaultdict[str, float] = defaultdict(float)
    for p in build.parts:
        parts[p.material] += 1
        area_mm2[p.material] += p.length_mm * p.width_mm
        for code, along in p.banded_edges():
            band_mm[code] += along
    hardware: defaultdict[str, float] = defaultdict(float)
    for line in build.hardware:
        per_piece = (line.length_mm or 0) / 1000 if catalog.item(line.code).unit == "m" else 1
        hardware[line.code] += line.quantity * per_piece
    return BomSummary(
        cabinets=len(build.cabinets),
        parts=len(build.parts),
        parts_by_material=dict(parts),
        area_m2_by_material={m: area_m2(mm2) for m, mm2 in area_mm2.items()},
        edge_band_m={b: metres(mm) for b, mm in band_mm.items()},
        hardware={h: round_quantity(v, HARDWARE_STEP) for h, v in hardware.items()},
    )

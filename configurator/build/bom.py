"""The bill of materials in figures: parts and board area per material, edge band per band,
hardware per item. Derived from a build, never stored."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild

__all__ = ["BomSummary", "summarize"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BomSummary:
    """Totals of a build. Areas are finished part faces in m², band lengths in m (no
    overlength), hardware in the item's unit (metres for cut-to-length items)."""

    cabinets: int
    parts: int
    parts_by_material: Mapping[str, int]
    area_m2_by_material: Mapping[str, float]
    edge_band_m: Mapping[str, float]
    hardware: Mapping[str, float]

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form, figures rounded for reading."""
        return {
            "cabinets": self.cabinets,
            "parts": self.parts,
            "materials": {
                m: {"parts": n, "area_m2": round(self.area_m2_by_material[m], 3)}
                for m, n in sorted(self.parts_by_material.items())
            },
            "edge_band_m": {b: round(v, 2) for b, v in sorted(self.edge_band_m.items())},
            "hardware": {h: round(v, 3) for h, v in sorted(self.hardware.items())},
        }


def summarize(build: DesignBuild, catalog: Catalog) -> BomSummary:
    """Add up a build's parts, edge bands and hardware."""
    parts: Counter[str] = Counter()
    area: defaultdict[str, float] = defaultdict(float)
    band: defaultdict[str, float] = defaultdict(float)
    for p in build.parts:
        parts[p.material] += 1
        area[p.material] += p.length_mm * p.width_mm / 1e6
        for edge, along in (
            ("l1", p.length_mm),
            ("l2", p.length_mm),
            ("w1", p.width_mm),
            ("w2", p.width_mm),
        ):
            code = getattr(p.edges, edge)
            if code:
                band[code] += along / 1000
    hardware: defaultdict[str, float] = defaultdict(float)
    for line in build.hardware:
        per_piece = (line.length_mm or 0) / 1000 if catalog.item(line.code).unit == "m" else 1
        hardware[line.code] += line.quantity * per_piece
    return BomSummary(
        cabinets=len(build.cabinets),
        parts=len(build.parts),
        parts_by_material=dict(parts),
        area_m2_by_material=dict(area),
        edge_band_m=dict(band),
        hardware=dict(hardware),
    )

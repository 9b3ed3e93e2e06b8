"""Board materials and edge bands: what parts are cut from and what covers their edges."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kernel.ids import EdgeBandCode, MaterialCode

__all__ = ["BandClass", "BoardKind", "EdgeBand", "Material"]


class BoardKind(StrEnum):
    """The kind of board, which fixes how it behaves under load and on the saw."""

    PARTICLEBOARD = "particleboard"
    MDF = "mdf"
    PLYWOOD = "plywood"
    HDF = "hdf"
    GLASS = "glass"  # door infills, cut by the glass supplier to the listed size
    MIRROR = "mirror"


class BandClass(StrEnum):
    """Which kind of edge a band is for; each material names its band for each class."""

    FRONT = "front"  # all edges of doors and drawer fronts: thick, impact-resistant
    VISIBLE = "visible"  # carcass edges seen from the room
    HIDDEN = "hidden"  # other carcass edges, banded against moisture and emissions


@dataclass(frozen=True, slots=True, kw_only=True)
class EdgeBand:
    """A roll of edge band; ``thickness_mm`` is subtracted from the cut size of a banded edge."""

    code: EdgeBandCode
    name: str
    thickness_mm: float
    width_mm: float
    color: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Material:
    """A sheet material as bought: the raw sheet's size, thickness and physical data.

    ``sheet_length_mm`` runs along the sheet's grain; ``grained`` decors forbid rotating a part
    on the sheet. ``modulus_mpa`` is the bending modulus used for shelf sag.
    """

    code: MaterialCode
    name: str
    name_zh: str
    kind: BoardKind
    thickness_mm: float
    sheet_length_mm: float
    sheet_width_mm: float
    grained: bool
    density_kg_m3: float
    modulus_mpa: float
    color: str
    bands: Mapping[BandClass, EdgeBandCode]

    def weight_kg(self, length_mm: float, width_mm: float) -> float:
        """Weight of a piece of this board, in kilograms.

        Examples
        --------
        >>> from types import MappingProxyType
        >>> pb = Material(code=MaterialCode("PB"), name="", name_zh="", kind=BoardKind.MDF,
        ...     thickness_mm=18, sheet_length_mm=2440, sheet_width_mm=1220, grained=False,
        ...     density_kg_m3=650, modulus_mpa=2200, color="#fff", bands=MappingProxyType({}))
        >>> round(pb.weight_kg(2000, 450), 2)
        10.53
        """
        return length_mm * width_mm * self.thickness_mm * 1e-9 * self.density_kg_m3

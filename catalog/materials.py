"""Board materials and edge bands: what parts are cut from and what covers their edges."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kernel.ids import EdgeBandCode, MaterialCode

__all__ = ["BandClass", "BoardKind", "EdgeBand", "Material", "SheetSize", "first_sheet"]

SheetSize = tuple[float, float]
"""A raw sheet's length (along its grain) and width, mm."""


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
    on the sheet. ``large_sheet_mm``, when the supplier sells one, is a larger format (at
    least as long and as wide), bought only for the parts that the standard sheet cannot
    give (tall sides and doors, DOMAIN.md A2). ``modulus_mpa`` is the bending modulus used for
    shelf sag.
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
    large_sheet_mm: SheetSize | None = None

    @property
    def sheets(self) -> tuple[SheetSize, ...]:
        """The sheet sizes this material is bought in, the standard one first."""
        standard = (self.sheet_length_mm, self.sheet_width_mm)
        return (standard, self.large_sheet_mm) if self.large_sheet_mm else (standard,)

    def sheet_for(
        self, length_mm: float, width_mm: float, *, turnable: bool, trim_mm: float
    ) -> SheetSize | None:
        """The first sheet (standard, then large) a part of this cut size fits once ``trim_mm``
        is sawn off every edge; a part may lie across the sheet only if ``turnable`` (a
        grained part keeps its length along the sheet's grain). ``None``: none is large
        enough.

        Examples
        --------
        >>> from types import MappingProxyType
        >>> pb = Material(code=MaterialCode("PB"), name="", name_zh="", kind=BoardKind.MDF,
        ...     thickness_mm=18, sheet_length_mm=2440, sheet_width_mm=1220, grained=False,
        ...     density_kg_m3=650, modulus_mpa=2200, color="#fff", bands=MappingProxyType({}),
        ...     large_sheet_mm=(2800, 2070))
        >>> pb.sheet_for(2400, 600, turnable=False, trim_mm=10)
        (2440, 1220)
        >>> pb.sheet_for(2700, 600, turnable=False, trim_mm=10)
        (2800, 2070)
        >>> pb.sheet_for(1500, 2700, turnable=True, trim_mm=10)
        (2800, 2070)
        >>> pb.sheet_for(2790, 600, turnable=True, trim_mm=10) is None
        True
        """
        return first_sheet(self.sheets, length_mm, width_mm, turnable=turnable, trim_mm=trim_mm)

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


def first_sheet(
    sheets: Sequence[SheetSize],
    length_mm: float,
    width_mm: float,
    *,
    turnable: bool,
    trim_mm: float,
) -> SheetSize | None:
    """The first of ``sheets`` that a part of this cut size fits after ``trim_mm`` is sawn
    off every edge (across the sheet only if ``turnable``); ``None`` if none does."""
    for sheet in sheets:
        usable_l, usable_w = sheet[0] - 2 * trim_mm, sheet[1] - 2 * trim_mm
        if length_mm <= usable_l and width_mm <= usable_w:
            return sheet
        if turnable and width_mm <= usable_l and length_mm <= usable_w:
            return sheet
    return None

"""Front styles: how a door is made, as the customer chooses it (plain, framed, glass, mirror).

A plain door is one board of the cabinet's front material. A framed door is a frame of two
stiles and two rails in the front material, ``frame_mm`` wide, holding an infill (a thinner
panel, glass or mirror) in a groove ``groove_mm`` deep all round.
"""

from __future__ import annotations

from dataclasses import dataclass

from kernel.ids import MaterialCode

__all__ = ["FrontStyle"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FrontStyle:
    """One door style; ``infill`` is ``None`` for a plain door of one board."""

    code: str
    name: str
    name_zh: str
    frame_mm: float = 0.0
    groove_mm: float = 0.0
    infill: MaterialCode | None = None

    @property
    def framed(self) -> bool:
        """Whether the door is a frame around an infill."""
        return self.infill is not None

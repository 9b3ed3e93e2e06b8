"""The numbers every builder of one cabinet shares, and the job that carries them.

``Frame`` is derived once from the cabinet's parameters, its template and the factory's
construction rules; ``Job`` bundles it with the cabinet, its template, the catalog and the
part maker, so each builder takes one argument for its context.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.catalog import Catalog
from catalog.construction import Construction
from catalog.templates import FrontKind, ModuleTemplate, PlinthKind
from configurator.build.boards import PartMaker
from configurator.model.design import Cabinet

__all__ = ["Frame", "Job", "make_frame"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """Shared dimensions of one cabinet, mm, in the cabinet frame (see ``parts``)."""

    width: float
    height: float
    depth: float
    t: float  # carcass board thickness
    tf: float  # front board thickness
    front_depth: float  # fronts stand in y in [0, front_depth]
    plinth: float
    back_t: float
    back_y0: float  # the back panel's front face
    interior_y0: float  # where dividers and the interior start (behind a sliding track)
    k: Construction

    @property
    def y0(self) -> float:
        """The carcass front."""
        return self.front_depth

    @property
    def y1(self) -> float:
        """The carcass back."""
        return self.front_depth + self.depth

    @property
    def zb(self) -> float:
        """The inner bottom (top face of the bottom panel)."""
        return self.plinth + self.t

    @property
    def zt(self) -> float:
        """The inner top (underside of the top panel)."""
        return self.height - self.t

    @property
    def engagement(self) -> float:
        """How far the back reaches into its grooves (1 mm play at the groove's bottom)."""
        return self.k.back_groove_depth_mm - 1


def make_frame(spec: Cabinet, template: ModuleTemplate, catalog: Catalog) -> Frame:
    """Derive a cabinet's frame from its parameters."""
    k = catalog.construction
    t = catalog.material(spec.carcass_material).thickness_mm
    tf = catalog.material(spec.front_material).thickness_mm
    overlay = template.fronts in (FrontKind.HINGED, FrontKind.DRAWERS)
    plinth = (
        float(spec.options.get("plinth_mm", template.options["plinth_mm"].default))
        if template.plinth is not PlinthKind.NONE
        else 0.0
    )
    back_t = catalog.back_material().thickness_mm
    front_depth = tf if overlay else 0.0
    track = k.sliding_track_depth_mm if template.fronts is FrontKind.SLIDING else 0.0
    return Frame(
        width=spec.width_mm,
        height=spec.height_mm,
        depth=spec.depth_mm,
        t=t,
        tf=tf,
        front_depth=front_depth,
        plinth=plinth,
        back_t=back_t,
        back_y0=front_depth + spec.depth_mm - k.back_setback_mm - back_t,
        interior_y0=front_depth + track,
        k=k,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """One cabinet being built: its frame, parameters, template, catalog and part maker."""

    f: Frame
    spec: Cabinet
    template: ModuleTemplate
    catalog: Catalog
    maker: PartMaker

"""Factory construction rules: the numbers the engine builds with (DOMAIN.md part A).

They are data, per factory, loaded with the catalog; nothing here is hard-coded in the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from catalog.materials import BandClass
from kernel.ids import HardwareCode, MaterialCode

__all__ = ["Construction", "EdgeRule"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EdgeRule:
    """Which band class goes on each edge of a part role (``None``: not banded).

    ``l1``/``l2`` are the two edges along the part's length, ``w1``/``w2`` its two ends; ``l1``
    and ``w1`` are at the smaller coordinate (see ``configurator.build.parts``).
    """

    l1: BandClass | None
    l2: BandClass | None
    w1: BandClass | None
    w2: BandClass | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Construction:
    """Dimensions and hardware choices of the factory's construction system, in mm."""

    back_material: MaterialCode
    drawer_box_material: MaterialCode
    drawer_bottom_material: MaterialCode
    back_groove_depth_mm: float
    back_setback_mm: float
    front_reveal_mm: float
    door_gap_mm: float
    max_door_width_mm: float
    shelf_setback_mm: float
    shelf_clearance_mm: float
    plinth_setback_mm: float
    sliding_track_depth_mm: float
    sliding_overlap_mm: float
    sliding_height_deduction_mm: float
    sliding_min_door_width_mm: float
    sliding_max_door_width_mm: float
    system_hole_diameter_mm: float
    system_hole_depth_mm: float
    system_row_setback_mm: float
    system_pitch_mm: float
    hinge_end_offset_mm: float
    hinge_cup_diameter_mm: float
    hinge_cup_depth_mm: float
    hinge_cup_centre_mm: float
    runner_side_clearance_mm: float
    runner_rear_clearance_mm: float
    drawer_gap_mm: float
    inner_drawer_setback_mm: float
    drawer_box_drop_mm: float
    rail_diameter_mm: float
    connector_spacing_mm: float
    dowel_diameter_mm: float
    dowel_face_depth_mm: float
    dowel_end_depth_mm: float
    dowel_end_offset_mm: float
    dowel_max_pitch_mm: float
    anti_tip_height_mm: float
    min_part_length_mm: float
    min_part_width_mm: float
    sheet_trim_mm: float
    edge_overlength_mm: float
    hinge: HardwareCode
    hinge_plate: HardwareCode
    shelf_support: HardwareCode
    connector: HardwareCode
    dowel: HardwareCode
    rail: HardwareCode
    rail_support: HardwareCode
    leg: HardwareCode
    plinth_clip: HardwareCode
    sliding_track: HardwareCode
    sliding_roller: HardwareCode
    push_latch: HardwareCode
    wall_fixing: HardwareCode
    edge_rules: Mapping[str, EdgeRule]

    def band_length_mm(self, edge_mm: float) -> float:
        """Band one banded edge ``edge_mm`` long takes off the roll: the edge plus
        ``edge_overlength_mm``, which the edge bander leaves over the ends and trims off.

        The one place this is worked out: the quote prices it, the factory's edge-band report
        orders it, and both sum it per band and round once with ``kernel.quantities.metres``.
        """
        return edge_mm + self.edge_overlength_mm

"""Build a whole design: every cabinet into parts and hardware, placed in the room.

This is the one parametric model the 3D view, the validation, the price and the cut list are
derived from.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.catalog import Catalog
from configurator.build.cabinet import BuiltCabinet, build_cabinet
from configurator.build.parts import HardwareLine, Part
from configurator.build.placement import Transform, place, wall_count
from configurator.build.problems import BuildProblem
from configurator.model.design import Design, WallPlacement
from kernel.problems import Problem

__all__ = ["DesignBuild", "PlacedCabinet", "build_design"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedCabinet:
    """A built cabinet and where it stands in the room."""

    cabinet: BuiltCabinet
    transform: Transform


@dataclass(frozen=True, slots=True, kw_only=True)
class DesignBuild:
    """Every cabinet that could be built, and the problems of those that could not."""

    design: Design
    cabinets: tuple[PlacedCabinet, ...]
    problems: tuple[Problem, ...]

    @property
    def parts(self) -> tuple[Part, ...]:
        """All parts, cabinet by cabinet."""
        return tuple(p for c in self.cabinets for p in c.cabinet.parts)

    @property
    def hardware(self) -> tuple[HardwareLine, ...]:
        """All hardware lines, cabinet by cabinet."""
        return tuple(h for c in self.cabinets for h in c.cabinet.hardware)


def build_design(design: Design, catalog: Catalog) -> DesignBuild:
    """Build and place every cabinet of ``design``."""
    placed: list[PlacedCabinet] = []
    problems: list[Problem] = []
    walls = wall_count(design.room)
    for i, spec in enumerate(design.cabinets):
        path = f"cabinets[{i}]"
        if isinstance(spec.placement, WallPlacement) and spec.placement.wall >= walls:
            problems.append(
                Problem.of(
                    BuildProblem.UNKNOWN_WALL,
                    f"{path}.wall",
                    value=spec.placement.wall,
                    max=walls - 1,
                )
            )
            continue
        built, found = build_cabinet(spec, catalog, path=path)
        problems += found
        if built is not None:
            elevation = (
                spec.elevation_mm
                if spec.elevation_mm is not None
                else float(built.template.elevation_mm)
            )
            transform = place(
                spec, design.room, overall_depth=built.envelope.hi[1], elevation=elevation
            )
            placed.append(PlacedCabinet(cabinet=built, transform=transform))
    return DesignBuild(design=design, cabinets=tuple(placed), problems=tuple(problems))

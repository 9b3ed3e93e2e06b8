"""The 3D scene of a design: every part as a named node, placed in its room.

Each part is one node named by its ``part_id``, so the 3D view and the cut list are the same
parts. The node tree: ``cabinets`` holds a group ``cabinet:<id>`` per cabinet (carrying its
placement) whose children are its parts; ``room`` holds ``room:floor``, ``room:wall-<i>``,
``room:opening-<id>`` and ``room:obstacle-<id>``. The scene is in glTF's convention (metres,
+y up): model x stays x, model z (up) becomes y, model y becomes -z. Every part of a material
instances one unit box scaled to the part's size, which keeps the GLB small and fast.
``configurator.views.glb`` writes this scene as GLB from pieces remembered per cabinet.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from functools import partial

import numpy as np
import shapely
import trimesh
from numpy.typing import NDArray
from shapely.geometry import Polygon

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild
from configurator.build.parts import Box
from configurator.build.placement import orientation
from configurator.model.design import Obstacle, Room

__all__ = ["MM_TO_GLTF", "box_matrix", "room_nodes", "to_scene", "unit_box"]

Matrix = NDArray[np.float64]

MM_TO_GLTF: Matrix = np.array(
    [[0.001, 0, 0, 0], [0, 0, 0.001, 0], [0, -0.001, 0, 0], [0, 0, 0, 1]], dtype=np.float64
)
"""Model frame (mm, z up) to glTF frame (m, y up)."""

WALL_MM = 100.0
ROOM_COLORS = {
    "floor": "#d9d4cc",
    "wall": "#f4f3f0",
    "door": "#9c7a54",
    "window": "#a8c8e8",
    "pass_through": "#e0e0e0",
    "obstacle": "#c9c2b8",
}


def _rgba(color: str) -> list[int]:
    text = color.lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    return [int(text[i : i + 2], 16) for i in (0, 2, 4)] + [255]


def unit_box(color: str) -> trimesh.Trimesh:
    box = trimesh.creation.box(extents=(1.0, 1.0, 1.0))
    box.visual = trimesh.visual.TextureVisuals(
        material=trimesh.visual.material.PBRMaterial(
            baseColorFactor=_rgba(color), metallicFactor=0.0, roughnessFactor=0.8
        )
    )
    return box


def box_matrix(box: Box) -> Matrix:
    """Scale a unit box centred on the origin onto ``box``."""
    m = np.diag([box.size(0), box.size(1), box.size(2), 1.0])
    m[:3, 3] = [(box.lo[i] + box.hi[i]) / 2 for i in range(3)]
    return m


def _group(scene: trimesh.Scene, name: str, parent: Hashable, matrix: Matrix) -> None:
    """Add an empty node ``name`` under ``parent``."""
    scene.graph.update(frame_from=parent, frame_to=name, matrix=matrix)


def _instance(
    scene: trimesh.Scene, name: str, geometry: str, color: str, matrix: Matrix, *, parent: str
) -> None:
    """Add node ``name`` under ``parent`` showing the unit box ``geometry`` (made once)."""
    if geometry not in scene.geometry:
        scene.geometry[geometry] = unit_box(color)
    scene.graph.update(frame_from=parent, frame_to=name, matrix=matrix, geometry=geometry)


def to_scene(build: DesignBuild, catalog: Catalog) -> trimesh.Scene:
    """A scene with one node per part (named by part id) and the room around them."""
    scene = trimesh.Scene()
    _group(scene, "cabinets", scene.graph.base_frame, MM_TO_GLTF)
    for placed in build.cabinets:
        group = f"cabinet:{placed.cabinet.spec.id}"
        _group(scene, group, "cabinets", np.array(placed.transform, dtype=np.float64))
        for part in placed.cabinet.parts:
            _instance(
                scene,
                part.part_id,
                f"board/{part.material}",
                catalog.material(part.material).color,
                box_matrix(part.box),
                parent=group,
            )
    _add_room(scene, build.design.room)
    return scene


RoomNode = tuple[str, str, Callable[[], trimesh.Trimesh], Matrix]
"""A node of the room: its name, its geometry's name, how to make that geometry, its matrix."""


def _add_room(scene: trimesh.Scene, room: Room) -> None:
    nodes = room_nodes(room)
    if nodes is None:
        return  # an invalid room is reported by validation; the cabinets still show
    _group(scene, "room", scene.graph.base_frame, MM_TO_GLTF)
    for name, geometry, make, matrix in nodes:
        if geometry == name or geometry not in scene.geometry:  # a solid is its own geometry
            scene.geometry[geometry] = make()
        scene.graph.update(frame_from="room", frame_to=name, matrix=matrix, geometry=geometry)


def room_nodes(room: Room) -> list[RoomNode] | None:
    """The room's nodes in the order of the scene (``None``: the room has no area to show):
    the floor and the obstacles are solids of their own, walls and openings unit boxes."""
    outline = Polygon(room.outline_mm)
    if not outline.is_valid or outline.area <= 0:
        return None
    nodes: list[RoomNode] = [("room:floor", "room:floor", lambda: _floor(outline), np.eye(4))]
    sign = orientation(room.outline_mm)
    points = room.outline_mm
    for i, (start, end) in enumerate(zip(points, points[1:] + points[:1], strict=True)):
        wall = Box((0, -WALL_MM, 0), (math.dist(start, end), 0, room.ceiling_mm))
        nodes.append(
            (
                f"room:wall-{i}",
                "room:wall",
                partial(unit_box, ROOM_COLORS["wall"]),
                _wall_frame(start, end, sign) @ box_matrix(wall),
            )
        )
    for opening in room.openings:
        if opening.wall >= len(points):
            continue
        start, end = points[opening.wall], points[(opening.wall + 1) % len(points)]
        box = Box(
            (opening.offset_mm, -WALL_MM - 1, opening.sill_mm),
            (opening.offset_mm + opening.width_mm, 2, opening.sill_mm + opening.height_mm),
        )
        nodes.append(
            (
                f"room:opening-{opening.id}",
                f"room:{opening.kind}",
                partial(unit_box, ROOM_COLORS[opening.kind]),
                _wall_frame(start, end, sign) @ box_matrix(box),
            )
        )
    for obstacle in room.obstacles:
        shape = Polygon(obstacle.outline_mm)
        if shape.is_valid and shape.area > 0:
            name = f"room:obstacle-{obstacle.id}"
            nodes.append((name, name, partial(_obstacle, obstacle, shape, room), np.eye(4)))
    return nodes


def _floor(outline: Polygon) -> trimesh.Trimesh:
    floor = trimesh.creation.extrude_polygon(outline, 20.0)
    floor.apply_translation((0, 0, -20.0))
    return _coloured(floor, ROOM_COLORS["floor"])


def _obstacle(obstacle: Obstacle, shape: Polygon, room: Room) -> trimesh.Trimesh:
    top = obstacle.top_mm or room.ceiling_mm
    solid = trimesh.creation.extrude_polygon(
        shapely.geometry.polygon.orient(shape), max(top - obstacle.bottom_mm, 1.0)
    )
    solid.apply_translation((0, 0, obstacle.bottom_mm))
    return _coloured(solid, ROOM_COLORS["obstacle"])


def _coloured(mesh: trimesh.Trimesh, color: str) -> trimesh.Trimesh:
    mesh.visual = unit_box(color).visual
    return mesh


def _wall_frame(start: tuple[float, float], end: tuple[float, float], sign: int) -> Matrix:
    """A frame with x along the wall, y towards the room, z up, origin at the wall's start.

    On a clockwise outline this frame is mirrored; glTF viewers handle a negative
    determinant, and a box looks the same either way.
    """
    length = math.dist(start, end) or 1.0
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    m = np.eye(4)
    m[:3, 0] = (ux, uy, 0)
    m[:3, 1] = (-uy * sign, ux * sign, 0)
    m[:3, 3] = (start[0], start[1], 0)
    return m

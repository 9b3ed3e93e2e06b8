"""The 3D scene (``configurator.views.mesh``) as GLB, written from pieces a ``Memo`` remembers.

An edit changes one cabinet, but trimesh writes a GLB from a whole scene graph (2,500 nodes
for 30 cabinets, some 30 ms of CPU). So the nodes' JSON is written here, in the very form
trimesh writes it: each cabinet's part nodes are remembered by what the cabinet is (its
placement only moves its group node), the room's nodes by the room, and trimesh writes only
the geometry (one unit box per material, the floor and obstacle solids), remembered by the
materials in use and the room. The bytes are those of ``to_scene(...).export("glb")``; a
design whose node names repeat (trimesh would merge those nodes) is exported by trimesh.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
import trimesh

from catalog.catalog import Catalog
from configurator.build.cabinet import BuiltCabinet
from configurator.build.design_build import DesignBuild
from configurator.model.design import Room, cabinet_key
from configurator.views.mesh import MM_TO_GLTF, Matrix, box_matrix, room_nodes, to_scene, unit_box
from kernel.memo import Memo, no_memo

__all__ = ["render_glb"]

_ROOTS, _NODES = "@millwork:roots@", "@millwork:nodes@"  # where the nodes go in the JSON


@dataclass(frozen=True, slots=True)
class _Node:
    """A node's JSON but its mesh index (the order of the geometry is the whole scene's)."""

    name: str
    geometry: str
    head: str  # '{"name":...,"mesh":'
    tail: str  # ',"matrix":[...]}'


@dataclass(frozen=True, slots=True)
class _Geometry:
    """trimesh's GLB of the geometry alone: its JSON with markers for the nodes, its BIN chunk."""

    json: str
    binary: bytes


def render_glb(build: DesignBuild, catalog: Catalog, memo: Memo = no_memo) -> bytes:
    """The scene as GLB bytes; ``memo`` may hand back pieces written before (for the same
    catalog), so only the cabinets that changed are written again."""
    cabinets = [
        memo(
            ("glb-cabinet", catalog.version, cabinet_key(placed.cabinet.spec)),
            lambda placed=placed: _cabinet_nodes(placed.cabinet),  # type: ignore[misc]
        )
        for placed in build.cabinets
    ]
    room = build.design.room
    room_part = memo(("glb-room", room), lambda: _room_nodes(room))
    groups = [f"cabinet:{placed.cabinet.spec.id}" for placed in build.cabinets]
    if _names_repeat(groups, cabinets, room_part):
        data: bytes = to_scene(build, catalog).export(file_type="glb")
        return data
    boards = _boards(cabinets, catalog)
    geometry = memo(("glb-geometry", boards, room), lambda: _geometry(boards, room))
    meshes = {name: i for i, name in enumerate(_geometry_names(boards, room_part))}
    nodes = ['{"name":"cabinets"']
    children: list[int] = []
    for placed, group, parts in zip(build.cabinets, groups, cabinets, strict=True):
        children.append(len(nodes))
        at = len(nodes) + 1
        matrix = np.array(placed.transform, dtype=np.float64)
        nodes.append(_group(group, list(range(at, at + len(parts))), matrix))
        nodes += [f"{n.head}{meshes[n.geometry]}{n.tail}" for n in parts]
    nodes[0] = _group("cabinets", children, MM_TO_GLTF)
    roots = [0]
    if room_part is not None:
        roots.append(len(nodes))
        at = len(nodes) + 1
        nodes.append(_group("room", list(range(at, at + len(room_part))), MM_TO_GLTF))
        nodes += [f"{n.head}{meshes[n.geometry]}{n.tail}" for n in room_part]
    return _glb(geometry, roots, nodes)


def _names_repeat(
    groups: list[str], cabinets: list[tuple[_Node, ...]], room: tuple[_Node, ...] | None
) -> bool:
    names = [*groups, "world", "cabinets", "room", *(n.name for n in room or ())]
    names += [n.name for nodes in cabinets for n in nodes]
    return len(set(names)) != len(names)


def _cabinet_nodes(cabinet: BuiltCabinet) -> tuple[_Node, ...]:
    return tuple(
        _node(part.part_id, f"board/{part.material}", box_matrix(part.box))
        for part in cabinet.parts
    )


def _room_nodes(room: Room) -> tuple[_Node, ...] | None:
    nodes = room_nodes(room)
    return None if nodes is None else tuple(_node(n, g, m) for n, g, _, m in nodes)


def _boards(cabinets: list[tuple[_Node, ...]], catalog: Catalog) -> tuple[tuple[str, str], ...]:
    """The boards' unit boxes in the order the scene first uses them, with their colours."""
    seen: dict[str, str] = {}
    for nodes in cabinets:
        for node in nodes:
            if node.geometry not in seen:
                material = node.geometry.removeprefix("board/")
                seen[node.geometry] = catalog.material(material).color
    return tuple(seen.items())


def _geometry_names(
    boards: tuple[tuple[str, str], ...], room: tuple[_Node, ...] | None
) -> list[str]:
    names = dict.fromkeys(name for name, _ in boards)
    names.update(dict.fromkeys(n.geometry for n in room or ()))
    return list(names)


def _geometry(boards: tuple[tuple[str, str], ...], room: Room) -> _Geometry:
    """trimesh's GLB of a scene holding the geometry in the scene's order and no node."""
    scene = trimesh.Scene()
    for name, color in boards:
        scene.geometry[name] = unit_box(color)
    for name, geometry, make, _ in room_nodes(room) or ():
        if geometry == name or geometry not in scene.geometry:
            scene.geometry[geometry] = make()

    def mark(tree: dict[str, object]) -> None:
        tree["scenes"] = [{"nodes": _ROOTS}]
        tree["nodes"] = _NODES

    data: bytes = scene.export(file_type="glb", tree_postprocessor=mark)
    length = int.from_bytes(data[12:16], "little")
    return _Geometry(data[20 : 20 + length].decode().rstrip(" "), data[20 + length :])


def _glb(geometry: _Geometry, roots: list[int], nodes: list[str]) -> bytes:
    """The GLB container as trimesh writes it (its JSON padded with spaces)."""
    content = geometry.json.replace(f'"{_ROOTS}"', _json(roots), 1)
    content = content.replace(f'"{_NODES}"', "[" + ",".join(nodes) + "]", 1)
    content += (4 - ((len(content) + 20) % 4)) * " "
    text = content.encode()
    total = len(text) + len(geometry.binary) + 20
    header = np.array([0x46546C67, 2, total, len(text), 0x4E4F534A], dtype="<u4").tobytes()
    return header + text + geometry.binary


def _node(name: str, geometry: str, matrix: Matrix) -> _Node:
    return _Node(name, geometry, f'{{"name":{_json(name)},"mesh":', _matrix(matrix) + "}")


def _group(name: str, children: list[int], matrix: Matrix) -> str:
    listed = f',"children":{_json(children)}' if children else ""
    return f'{{"name":{_json(name)}{listed}{_matrix(matrix)}}}'


def _matrix(matrix: Matrix) -> str:
    """A node's matrix as trimesh writes it: column by column, left out when (its test says)
    it is the identity."""
    if trimesh.util.allclose(matrix, np.eye(4)):
        return ""
    return f',"matrix":{_json(matrix.T.reshape(-1).tolist())}'


def _json(value: Hashable | list[int] | list[float]) -> str:
    return json.dumps(value, separators=(",", ":"))

"""The GLB written from remembered pieces is trimesh's export of the scene, byte for byte,
with or without a memo, and after an edit of one cabinet; the memo spares the unchanged."""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import Any, TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.designs import showroom
from configurator.build.design_build import DesignBuild, build_design
from configurator.model.document import parse_design
from configurator.views.glb import render_glb
from configurator.views.mesh import room_nodes, to_scene
from services.memo import LruMemo
from tests.strategies import CATALOG, design_documents

T = TypeVar("T")


def built(document: dict[str, Any], memo: LruMemo | None = None) -> DesignBuild:
    design = parse_design(document)
    return (
        build_design(design, CATALOG, memo) if memo is not None else build_design(design, CATALOG)
    )


def trimesh_glb(build: DesignBuild) -> bytes:
    data: bytes = to_scene(build, CATALOG).export(file_type="glb")
    return data


def showable(build: DesignBuild) -> bool:
    """A scene with anything in it (trimesh refuses to export an empty one)."""
    parts = any(placed.cabinet.parts for placed in build.cabinets)
    return parts or room_nodes(build.design.room) is not None


@settings(max_examples=40, deadline=None)
@given(document=design_documents(), data=st.data())
def test_glb_from_pieces_is_trimesh_export_before_and_after_an_edit(
    document: dict[str, Any], data: st.DataObject
) -> None:
    memo = LruMemo(4096)
    build = built(document, memo)
    if not showable(build):
        return
    assert render_glb(build, CATALOG) == trimesh_glb(build)
    assert render_glb(build, CATALOG, memo) == trimesh_glb(build)
    misses = memo.misses
    assert render_glb(built(document, memo), CATALOG, memo) == trimesh_glb(build)
    assert memo.misses == misses  # nothing written twice

    edited = copy.deepcopy(document)
    if edited["cabinets"]:
        cabinet = data.draw(st.sampled_from(edited["cabinets"]))
        # a width the document still takes (at least 1 mm): the edit is a design's, not a typo
        cabinet["width_mm"] = max(1, cabinet["width_mm"] + data.draw(st.integers(-100, 100)))
    after = built(edited, memo)
    if showable(after):
        assert render_glb(after, CATALOG, memo) == trimesh_glb(after)


class Computed(LruMemo):
    """An LRU memo that lists the keys it had to compute."""

    def __init__(self) -> None:
        super().__init__(4096)
        self.computed: list[Hashable] = []

    def __call__(self, key: Hashable, compute: Callable[[], T], /) -> T:
        def recorded() -> T:
            self.computed.append(key)
            return compute()

        return super().__call__(key, recorded)


def test_an_edit_writes_only_that_cabinets_nodes_again() -> None:
    document = showroom(12)
    memo = Computed()
    render_glb(built(document, memo), CATALOG, memo)
    document["cabinets"][0]["width_mm"] -= 10
    memo.computed.clear()
    after = built(document, memo)
    assert render_glb(after, CATALOG, memo) == trimesh_glb(after)
    # built and written again: that cabinet alone (same materials, same room)
    assert [key[0] for key in memo.computed] == ["build", "glb-cabinet"]  # type: ignore[index]


def test_a_scene_whose_node_names_repeat_is_exported_by_trimesh() -> None:
    build = built(showroom(2))
    twice = replace(build, cabinets=build.cabinets * 2)  # trimesh merges the nodes
    assert render_glb(twice, CATALOG) == trimesh_glb(twice)

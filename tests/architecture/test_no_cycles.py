"""No import cycle anywhere in the product, not even one hidden in a function-level import
(grimp reads every import statement, wherever it stands)."""

from __future__ import annotations

from collections.abc import Mapping, Set
from graphlib import CycleError, TopologicalSorter

import grimp

from tests.product import PACKAGES


def first_cycle(imports: Mapping[str, Set[str]]) -> list[str]:
    """One import cycle (a module list whose last imports the first), or ``[]``."""
    try:
        TopologicalSorter(imports).prepare()
    except CycleError as exc:
        return list(exc.args[1])
    return []


def test_the_product_has_no_import_cycle() -> None:
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    imports = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    assert len(imports) > 50  # the graph really holds the product
    assert first_cycle(imports) == []


def test_a_hidden_cycle_is_found() -> None:
    cycle = first_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert sorted(set(cycle)) == ["a", "b", "c"]

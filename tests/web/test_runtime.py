"""The served process's garbage collector (``web.runtime``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from web.runtime import FIRST_GENERATION_THRESHOLD, settle_after_start_up


@pytest.fixture
def collector_restored() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("collector_restored")
def test_what_start_up_loaded_is_frozen_and_collections_are_rarer() -> None:
    gc.unfreeze()
    _, second, third = gc.get_threshold()
    loaded = [object() for _ in range(10)]  # stands for the catalog: alive for the process
    settle_after_start_up()
    assert gc.get_freeze_count() >= len(loaded)
    assert gc.get_threshold() == (FIRST_GENERATION_THRESHOLD, second, third)


@pytest.mark.usefixtures("collector_restored")
def test_cycles_made_after_start_up_are_still_collected() -> None:
    settle_after_start_up()

    class Node:
        other: object

    a, b = Node(), Node()
    a.other, b.other = b, a
    del a, b
    assert gc.collect() >= 2

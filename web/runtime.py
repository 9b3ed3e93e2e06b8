"""The server process's garbage collector, set once the app is loaded (BENCHMARKS.md, issue 11).

An evaluation of the 30-cabinet showroom makes tens of thousands of short-lived tuples, nearly
all freed by reference counting as soon as they are done with. With CPython's default
threshold (a collection every 700 net allocations) the cyclic collector still ran five or six
times per evaluation, and about every twentieth evaluation a full collection went over
everything start-up loaded (catalog, price list, libraries): 1-2 ms per evaluation on average,
~80 ms for the full ones. Freezing what start-up loaded takes it out of the collector's sight
for good (it lives as long as the process), and a first-generation threshold of 20,000 lets an
evaluation's temporaries die by reference count before the collector looks at them. Cycles are
still collected, only later.
"""

from __future__ import annotations

import gc

__all__ = ["FIRST_GENERATION_THRESHOLD", "settle_after_start_up"]

FIRST_GENERATION_THRESHOLD = 20_000


def settle_after_start_up() -> None:
    """Collect once, freeze what is left (loaded for the process's lifetime), and let the
    collector run less often."""
    gc.collect()
    gc.freeze()
    _, second, third = gc.get_threshold()
    gc.set_threshold(FIRST_GENERATION_THRESHOLD, second, third)

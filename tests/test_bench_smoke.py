"""The benchmarks still run (on a tiny workload): ``make bench`` must not rot unseen."""

from __future__ import annotations

import pytest

from bench import export


@pytest.mark.slow
def test_the_export_benchmark_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["bench.export", "2"])
    assert export.main() == 0

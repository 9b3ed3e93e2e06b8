"""The benchmarks still run (on a tiny workload): ``make bench`` must not rot unseen."""

from __future__ import annotations

import pytest

from bench import export, http


@pytest.mark.slow
def test_the_export_benchmark_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["bench.export", "2"])
    assert export.main() == 0


@pytest.mark.slow
def test_the_http_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert http.main(["--seconds", "0.5", "--clients", "1", "--variants", "edit"]) == 0
    out = capsys.readouterr().out
    assert "evaluate (edit)" in out and "GET /health" in out and "save (PUT, If-Match)" in out

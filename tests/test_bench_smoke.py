"""The benchmarks still run (on a tiny workload): ``make bench`` must not rot unseen."""

from __future__ import annotations

import pytest

from bench import booking, export, http, sales


@pytest.mark.slow
def test_the_export_benchmark_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["bench.export", "2"])
    assert export.main() == 0


@pytest.mark.slow
def test_the_http_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert http.main(["--seconds", "0.5", "--clients", "1", "--variants", "edit"]) == 0
    out = capsys.readouterr().out
    assert "evaluate (edit)" in out and "GET /health" in out and "save (PUT, If-Match)" in out


@pytest.mark.slow
def test_the_sales_slots_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["bench.sales", "1"])
    assert sales.main() == 0
    out = capsys.readouterr().out
    assert "20 designers" in out and "slots, measurement, 30 days" in out


@pytest.mark.slow
def test_the_booking_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert booking.main(["--seconds", "0.5", "--clients", "2", "--databases", "sqlite"]) == 0
    out = capsys.readouterr().out
    assert "one slot" in out and "overlapping bookings of one designer: 0" in out


@pytest.mark.slow
def test_the_engine_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.__main__ import main

    monkeypatch.setattr("sys.argv", ["bench", "2"])
    assert main() == 0
    out = capsys.readouterr().out
    assert "evaluate finds 0 problems" in out and "edit -> evaluate + price" in out

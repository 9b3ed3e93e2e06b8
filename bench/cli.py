"""CLI start-up: ``millwork evaluate examples/bedroom.json`` against a bare ``python -c pass``,
both timed in the same run, interleaved, so a busy machine slows both alike.

Prints the median of each and their ratio (``make bench``; figures in BENCHMARKS.md).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["main"]

ROOT = Path(__file__).parents[1]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "millwork evaluate bedroom": [
        sys.executable,
        "-m",
        "web.cli",
        "evaluate",
        str(ROOT / "examples" / "bedroom.json"),
    ],
}


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs + 1):  # the first round warms the file cache and is dropped
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=ROOT)  # noqa: S603
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(t[1:]) for name, t in times.items()}
    print(f"CLI start-up, {runs} interleaved runs, median")
    for name, seconds in medians.items():
        print(f"  {name:<28} {seconds * 1000:8.0f} ms")
    ratio = medians["millwork evaluate bedroom"] / medians["python -c pass"]
    verdict = "met" if medians["millwork evaluate bedroom"] < 1.0 else "NOT met"
    print(f"  evaluate / python -c pass    {ratio:8.1f} x   (target < 1 s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

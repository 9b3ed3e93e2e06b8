"""Machine instructions per evaluation, counted by valgrind: a figure that a busy machine does
not change (``python -m bench.instructions [all|build|evaluate|price] [CALLS]``).

Wall and CPU times on a shared 2-core machine vary by 20-50 % from one run to the next (other
jobs, caches); the number of instructions the interpreter executes for one call does not, so
two versions of the engine can be compared exactly, run by run. Valgrind's callgrind counts
only between the two ``callgrind_control`` calls below: start-up and the first (warm-up) call
are not counted. About half a minute; needs ``valgrind`` (not installed by ``make``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["main"]

WHAT = ("all", "build", "evaluate", "price")


def _calls(what: str) -> Callable[[], object]:
    from bench.__main__ import AT, CUSTOMER
    from bench.designs import showroom
    from configurator.build.design_build import build_design
    from configurator.model.document import parse_design
    from configurator.rules.evaluate import evaluate
    from persistence.catalog_files import load_catalog
    from persistence.price_files import load_price_list, load_promotions
    from pricing.price import PriceBook, price_design

    catalog = load_catalog()
    design = parse_design(showroom(30))
    book = PriceBook(price_list=load_price_list(catalog), promotions=load_promotions())
    built = build_design(design, catalog)
    return {
        "all": lambda: price_design(
            evaluate(design, catalog).build, catalog, book, now=AT, customer=CUSTOMER
        ),
        "build": lambda: build_design(design, catalog),
        "evaluate": lambda: evaluate(design, catalog),
        "price": lambda: price_design(built, catalog, book, now=AT, customer=CUSTOMER),
    }[what]


def _counted(what: str, calls: int) -> None:
    """Run under callgrind: warm up, then count ``calls`` calls only."""
    from web.runtime import settle_after_start_up

    call = _calls(what)
    call()
    settle_after_start_up()  # as the server and ``make bench`` do
    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on", pid], check=True, capture_output=True)  # noqa: S603, S607
    for _ in range(calls):
        call()
    subprocess.run(["callgrind_control", "-i", "off", pid], check=True, capture_output=True)  # noqa: S603, S607


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if what not in WHAT or calls < 1:
        print(f"usage: python -m bench.instructions [{'|'.join(WHAT)}] [CALLS >= 1]")
        return 2
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("bench.instructions needs valgrind (apt install valgrind)")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-m",
                "bench.instructions",
                "--counted",
                what,
                str(calls),
            ],
            check=True,
            capture_output=True,
        )
        totals = next(line for line in out.read_text().splitlines() if line.startswith("totals:"))
    per_call = int(totals.split()[1]) // calls
    print(f"{what} on the 30-cabinet showroom: {per_call / 1e6:.1f} million instructions per call")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--counted"]:
        _counted(sys.argv[2], int(sys.argv[3]))
        sys.exit(0)
    sys.exit(main())

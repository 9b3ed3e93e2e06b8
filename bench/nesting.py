"""Nesting benchmark: the Berkey-Wang and Martello-Vigo classes (500 instances), rotation
allowed, guillotine, kerf 0; sheets per class against the area lower bound, the best-known
three-stage guillotine values, and rectpack's best guillotine configuration.

The nesting itself never reads the clock: its work budget decides when the search stops, so
the sheets do not depend on the machine or its load. Only this harness times the calls, and it
passes each one a wall-clock safety net (``SAFETY_NET_S``) that it reports, and that no
instance reaches."""

from __future__ import annotations

import csv
import hashlib
import math
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from production_export.nesting import SEARCH_BUDGET, NestPart, Stock, nest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench" / "nesting"
SAFETY_NET_S = 30.0  # how a caller bounds a call; far above any instance's time, even loaded


class Deadline:
    """A caller's safety net for ``nest``: asked now and then, True once ``seconds`` have
    passed since it was made; remembers whether it ever fired."""

    def __init__(self, seconds: float) -> None:
        self.at = time.perf_counter() + seconds
        self.fired = False

    def __call__(self) -> bool:
        self.fired = self.fired or time.perf_counter() > self.at
        return self.fired


def read_class_file(path: Path) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(bin_w, bin_h, items) per instance of a .2bp file (items are (h, w))."""
    blocks = [b for b in path.read_text().split("\n\n") if b.strip()]
    out = []
    for block in blocks:
        lines = [ln.split() for ln in block.strip().splitlines()]
        n = int(lines[1][0])
        hbin, wbin = int(lines[3][0]), int(lines[3][1])
        items = [(int(a[0]), int(a[1])) for a in lines[4 : 4 + n]]
        out.append((wbin, hbin, items))
    return out


def instances() -> list[tuple[str, int, int, int, list[tuple[int, int]]]]:
    found = []
    for folder in ("berkey_wang_1987", "martello_vigo_1998"):
        for path in sorted((SHARED / "instances" / folder).glob("Class_*.2bp")):
            counts: defaultdict[int, int] = defaultdict(int)
            for wbin, hbin, items in read_class_file(path):
                counts[len(items)] += 1
                name = f"{path.name}_{len(items)}_{counts[len(items)]}"
                found.append((name, int(path.name[6:8]), wbin, hbin, items))
    return found


def ours(wbin: int, hbin: int, items: list[tuple[int, int]], deadline: Deadline) -> int:
    parts = [
        NestPart(part_id=str(i), length=w, width=h, rotatable=True)
        for i, (h, w) in enumerate(items)
    ]
    return len(nest(parts, Stock(length=wbin, width=hbin), should_stop=deadline))


def rectpack_best(wbin: int, hbin: int, items: list[tuple[int, int]]) -> int:
    """rectpack's best guillotine algorithm for this instance (offline, rotation on)."""
    import rectpack

    best = None
    for algo in (
        rectpack.GuillotineBssfSas,
        rectpack.GuillotineBssfLas,
        rectpack.GuillotineBssfSlas,
        rectpack.GuillotineBssfLlas,
        rectpack.GuillotineBssfMaxas,
        rectpack.GuillotineBssfMinas,
        rectpack.GuillotineBlsfSas,
        rectpack.GuillotineBlsfLas,
        rectpack.GuillotineBafSas,
        rectpack.GuillotineBafLas,
    ):
        packer = rectpack.newPacker(
            mode=rectpack.PackingMode.Offline,
            bin_algo=rectpack.PackingBin.BFF,
            pack_algo=algo,
            sort_algo=rectpack.SORT_AREA,
            rotation=True,
        )
        for h, w in items:
            packer.add_rect(w, h)
        packer.add_bin(wbin, hbin, count=len(items))
        packer.pack()
        used = len(packer)
        best = used if best is None else min(best, used)
    assert best is not None
    return best


FURNITURE_SHEETS = {
    "W980_white_18": (2800, 2070),
    "H1145_oak_18": (2800, 2070),
    "MDF_lacquer_18": (2440, 1220),
}


def furniture() -> None:
    """The 40 synthetic wardrobe jobs (kerf 4, trim 10, oak grain-locked): each job alone,
    then all 40 as one batch, per material; sheets against the area lower bound."""
    jobs: defaultdict[tuple[str, str], list[NestPart]] = defaultdict(list)
    with (SHARED / "furniture" / "wardrobe_jobs_seed1.csv").open() as f:
        for row in csv.DictReader(f):
            for k in range(int(row["qty"])):
                jobs[row["job"], row["material"]].append(
                    NestPart(
                        part_id=f"{row['job']}-{row['name']}-{k}",
                        length=float(row["length"]),
                        width=float(row["width"]),
                        rotatable=row["grain"] != "True",
                    )
                )
    print("material          parts  per-job: LB sheets  max ms | batch: LB sheets yield  time")
    for material, (length, width) in FURNITURE_SHEETS.items():
        stock = Stock(length=length, width=width, kerf=4, trim=10)
        groups = [parts for (_, m), parts in jobs.items() if m == material]
        bound = sheets = 0
        slowest = 0.0
        fired = 0
        for parts in groups:
            start, deadline = time.perf_counter(), Deadline(SAFETY_NET_S)
            sheets += len(nest(parts, stock, should_stop=deadline))
            slowest = max(slowest, time.perf_counter() - start)
            bound += _area_bound(parts, stock)
            fired += deadline.fired
        batch = [p for parts in groups for p in parts]
        start, deadline = time.perf_counter(), Deadline(SAFETY_NET_S)
        layouts = nest(batch, stock, should_stop=deadline)
        took = time.perf_counter() - start
        fired += deadline.fired
        used = sum(p.length * p.width for p in batch) / (len(layouts) * length * width)
        print(
            f"{material:<16} {len(batch):>6}  {bound:>14} {sheets:>6} {slowest * 1000:>7.0f} | "
            f"{_area_bound(batch, stock):>9} {len(layouts):>6} {used:>5.1%} {took:>5.1f} s"
            + (f"  (safety net fired {fired}x)" if fired else "")
        )


def _area_bound(parts: list[NestPart], stock: Stock) -> int:
    lx, wy = stock.usable
    return math.ceil(sum(p.length * p.width for p in parts) / (lx * wy))


def main() -> int:
    reference = {
        row["instance"]: row
        for row in csv.DictReader((SHARED / "reference" / "per_instance_classes_1_10.csv").open())
    }
    totals: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    times, cpu_times, counts, fired = [], [], [], []
    for name, cls, wbin, hbin, items in instances():
        start, cpu, deadline = time.perf_counter(), time.process_time(), Deadline(SAFETY_NET_S)
        count = ours(wbin, hbin, items, deadline)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
        counts.append(count)
        fired += [name] if deadline.fired else []
        row = reference[name]
        t = totals[cls]
        t["ours"] += count
        t["rectpack"] += rectpack_best(wbin, hbin, items)
        t["lb"] += int(row["area_lb"])
        t["bks"] += int(row["bks_rot_3stage_guill"])
    print("class  area-LB  best-known(3-stage)  rectpack-best  millwork  vs-best-known")
    grand: dict[str, int] = defaultdict(int)
    for cls in sorted(totals):
        t = totals[cls]
        for k, v in t.items():
            grand[k] += v
        print(
            f"{cls:>5}  {t['lb']:>7}  {t['bks']:>19}  {t['rectpack']:>13}  {t['ours']:>8}  "
            f"{100 * (t['ours'] - t['bks']) / t['bks']:+6.2f} %"
        )
    print(
        f"total  {grand['lb']:>7}  {grand['bks']:>19}  {grand['rectpack']:>13}  "
        f"{grand['ours']:>8}  {100 * (grand['ours'] - grand['bks']) / grand['bks']:+6.2f} %"
    )
    print(
        f"time per instance: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms (CPU: median "
        f"{statistics.median(cpu_times) * 1000:.1f} ms, max {max(cpu_times) * 1000:.1f} ms); "
        f"work budget {SEARCH_BUDGET:,} units; the {SAFETY_NET_S:g} s safety net fired on "
        f"{len(fired)} of {len(times)}{': ' + ', '.join(fired) if fired else ''}"
    )
    digest = hashlib.sha256(",".join(map(str, counts)).encode()).hexdigest()[:16]
    print(f"sheets per instance, digest: {digest} (runs with equal digests agree on every one)")
    furniture()
    return 0


if __name__ == "__main__":
    sys.exit(main())

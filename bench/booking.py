"""Booking under load (issue 13): ``POST /api/v1/appointments`` from 50 concurrent clients on
``millwork serve``, on SQLite and on PostgreSQL.

``python -m bench.booking [--seconds S] [--clients N] [--workers W]`` (figures in
BENCHMARKS.md). The database is new for the run (PostgreSQL: a schema of its own on the
server ``TEST_DATABASE_URL`` names, dropped afterwards), seeded with the demo stores, their
hours and designers, and one consumer whose API token every client uses (each request with a
fresh ``Idempotency-Key``). Two scenarios, each a closed loop per client for a fixed time:

- ``one slot``: every client books the same start (a slot one designer can take): after the
  first, every answer is 409 ``slot_taken`` — the price of the store's lock under contention.
- ``spread``: each request a random store, day of the next 28 and half hour of the day: 201
  while the diaries fill, then 409 or 422 (too soon, not a slot, the day full).

Every answer counts (201, 409 and 422 are all right answers); a 5xx, or any other status, is
a failure and printed. Afterwards the database must hold no two overlapping booked
appointments of one designer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench.http import ROOT, Connection, Timings, figures, load, machine, server
from persistence.catalog_source import CatalogFiles
from persistence.db import make_engine, migrate
from services.accounts import add_user, create_token
from services.demo import DEMO_CALENDARS, DEMO_STORES, new_password
from services.identity import Role
from web.wiring import SystemClock, database_backend

__all__ = ["main"]

BOOKINGS = "/api/v1/appointments"


def seed(url: str) -> str:
    """Migrate and seed the database at ``url``; the bearer token of the booking consumer."""
    migrate(url)
    engine = make_engine(url)
    try:
        backend = database_backend(engine, CatalogFiles(), SystemClock())
        for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True):
            backend.stores.put(store)
            backend.bookings.put_calendar(calendar)
        add_user("bench", Role.CONSUMER, new_password(), backend=backend)
        return create_token("bench", backend=backend)[1]
    finally:
        engine.dispose()


def one_slot() -> dict[str, Any]:
    """14:00 the day after tomorrow at Xuhui: the two or three designers at work then take
    the first bookings, every later one is ``slot_taken``."""
    zone = ZoneInfo("Asia/Shanghai")
    day = datetime.now(zone).date() + timedelta(days=2)
    return _visit("sh-xuhui", datetime.combine(day, clock_time(14), zone))


def spread() -> dict[str, Any]:
    """A random store, day and half hour."""
    store = random.choice(DEMO_STORES)
    zone = ZoneInfo(store.timezone)
    day = datetime.now(zone).date() + timedelta(days=random.randint(1, 28))
    minutes = 10 * 60 + 30 * random.randint(0, 19)
    at = datetime.combine(day, clock_time(minutes // 60, minutes % 60), zone)
    return _visit(store.id, at)


def _visit(store_id: str, start: datetime) -> dict[str, Any]:
    return {
        "store_id": store_id,
        "kind": "store_visit",
        "start": start.isoformat(),
        "name": "压测",
        "phone": "13800138000",
    }


async def client(port: int, token: str, until: float, scenario: str, timings: Timings) -> None:
    """One closed-loop client."""
    connection = await Connection.open(port)
    statuses: Counter[int] = Counter()
    try:
        while time.perf_counter() < until:
            body = json.dumps(one_slot() if scenario == "one slot" else spread()).encode()
            headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": secrets.token_hex(8)}
            started = time.perf_counter()
            status, _, _ = await connection.request("POST", BOOKINGS, body, headers)
            statuses[status] += 1
            if status in (201, 409, 422):
                timings.done(started)
            else:
                timings.fail(str(status))
            if status == 201:
                timings.failures["booked (201)"] = timings.failures.get("booked (201)", 0) + 1
    finally:
        await connection.close()


async def drive(port: int, token: str, clients: int, seconds: float, scenario: str) -> Timings:
    timings = Timings(until=time.perf_counter() + seconds)
    await asyncio.gather(
        *(client(port, token, timings.until, scenario, timings) for _ in range(clients))
    )
    return timings


def overlaps(url: str) -> int:
    """Pairs of booked appointments of one designer whose blocked times overlap."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(
                    text(
                        "SELECT count(*) FROM appointments a JOIN appointments b "
                        "ON a.designer_id = b.designer_id AND a.id < b.id "
                        "AND a.state = 'booked' AND b.state = 'booked' "
                        "AND a.blocked_start < b.blocked_end AND b.blocked_start < a.blocked_end"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


@contextmanager
def database(kind: str) -> Iterator[str]:
    """A new SQLite file, or a new schema on the PostgreSQL server ``TEST_DATABASE_URL``
    (else ``DATABASE_URL``) names, dropped afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bench-booking-") as scratch:
            yield f"sqlite:///{Path(scratch) / 'bench.db'}"
        return
    server_url = make_url(os.environ.get("TEST_DATABASE_URL") or os.environ["DATABASE_URL"])
    schema = f"bench_{secrets.token_hex(6)}"
    admin = make_engine(server_url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = server_url.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.booking", description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args(argv)
    print(f"{machine()}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {load()}")
    failed = False
    for kind in args.databases.split(","):
        with database(kind) as url:
            token = seed(url)
            with server(args.workers, ROOT, url) as port:
                for scenario in ("one slot", "spread"):
                    timings = asyncio.run(drive(port, token, args.clients, args.seconds, scenario))
                    booked = timings.failures.pop("booked (201)", 0)
                    f = figures(timings, args.seconds)
                    print(
                        f"{kind:<10} {scenario:<8} {args.clients} clients: "
                        f"{f.get('rate', 0):6.1f} answers/s  p50 {f.get('p50_ms', 0):6.1f} ms  "
                        f"p95 {f.get('p95_ms', 0):6.1f} ms  max {f.get('max_ms', 0):6.1f} ms  "
                        f"n={f['count']}  booked {booked}  failures {f['failures'] or 'none'}",
                        flush=True,
                    )
                    failed |= bool(f["failures"])
            found = overlaps(url)
            print(f"{kind:<10} overlapping bookings of one designer: {found}")
            failed |= found > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

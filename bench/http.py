"""HTTP load on ``millwork serve``: ``POST /api/v1/evaluate`` of the 30-cabinet showroom at 1,
10 and 50 concurrent clients, with ``GET /health`` probed in the same run as the floor.

``python -m bench.http [--workers N] [--seconds S] [--clients 1,10,50] [--rounds R]``
(``make bench-http``; figures in BENCHMARKS.md). The server is a subprocess on a free loopback
port (127.0.0.1 only), started with ``DATABASE_URL`` as given (a throw-away SQLite file when
unset) and stopped at the end; every level runs for a fixed time, so the whole run is bounded.

Clients are closed loops: each sends its next request when the last one is answered, on one
kept-alive connection, from a minimal asyncio HTTP/1.1 client (a few lines on asyncio streams:
a general client would spend as much CPU per request as the server on these two cores; the
client's own CPU time is printed). Two bodies:

- ``edit``: a customer dragging a handle. The run's request ``n`` (counted across levels)
  shrinks cabinet ``n % 30`` by 1-40 mm in width and 0-40 mm in height, so no cabinet size
  repeats within 49,200 requests: whatever the server remembers between requests, the edited
  cabinet is new to it every time.
- ``same``: the same bytes every time (the best case for any cache).

A separate light client asks ``GET /health`` every ``--probe`` seconds throughout: the floor,
and how much the evaluations delay a trivial request.

Then design saves at the same levels: each client creates a design of its own (``POST
/api/v1/designs`` ``{"document": …}``) and saves edits of it in a chain (``PUT
/api/v1/designs/{id}`` with ``If-Match`` the last ``ETag``), so no 412 is expected and any
answer but 2xx is counted. The clients share a few anonymous visitors' sessions (cookies sent
back, ``X-CSRF-Token`` on writes): the server lets one address bring 30 new visitors an hour.
After each level every design's ``GET …/revisions`` must list exactly as many revisions as
saves were acknowledged (201 and 200s): saves never lose a write.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.designs import showroom

__all__ = ["main"]

ROOT = Path(__file__).parents[1]
HOST = "127.0.0.1"  # loopback only, never anything else
EVALUATE = "/api/v1/evaluate"
DESIGNS = "/api/v1/designs"
CABINETS = 30
MAX_WIDTH_CUT, MAX_HEIGHT_CUT = 40, 40  # mm: the edits stay within the 10 mm gaps' favour


# -- a minimal HTTP/1.1 client ------------------------------------------------------------------


class Connection:
    """One kept-alive HTTP/1.1 connection; answers must carry a Content-Length (uvicorn's do)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        return cls(reader, writer)

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """Send one request and read its answer: status, headers (lower-case names), body."""
        head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}"]
        if body:
            head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        answer_headers: dict[str, str] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie" and name in answer_headers:  # one line per cookie
                value = f"{answer_headers[name]}\n{value}"
            answer_headers[name] = value
        if "content-length" not in answer_headers:
            raise ConnectionError(f"{method} {path}: an answer without Content-Length")
        content = await self.reader.readexactly(int(answer_headers["content-length"]))
        return status, answer_headers, content

    async def close(self) -> None:
        self.writer.close()
        with suppress(ConnectionError):
            await self.writer.wait_closed()


# -- what is sent ---------------------------------------------------------------------------


class Bodies:
    """The evaluate bodies: ``edit`` (one cabinet changed a little each time) or ``same``."""

    def __init__(self) -> None:
        self.design = showroom(CABINETS)
        self.same = json.dumps(self.design).encode()
        self.count = 0  # one event loop: a plain counter is safe

    def edit(self) -> bytes:
        n, self.count = self.count, self.count + 1
        cabinet = self.design["cabinets"][n % CABINETS]
        turn = n // CABINETS
        width, height = cabinet["width_mm"], cabinet["height_mm"]
        cabinet["width_mm"] = width - 1 - turn % MAX_WIDTH_CUT
        cabinet["height_mm"] = height - (turn // MAX_WIDTH_CUT) % (MAX_HEIGHT_CUT + 1)
        try:
            return json.dumps(self.design).encode()
        finally:
            cabinet["width_mm"], cabinet["height_mm"] = width, height


@dataclass
class Timings:
    """Latencies in seconds of the requests sent before ``until``, when each was answered,
    and what was not a success."""

    until: float
    since: float = 0.0  # requests sent before this are not counted (the clients' ramp)
    seconds: list[float] = field(default_factory=list)
    answered: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)

    def done(self, started: float) -> None:
        if started < self.since:
            return
        now = time.perf_counter()
        self.seconds.append(now - started)
        self.answered.append(now)

    def fail(self, why: str) -> None:
        self.failures[why] = self.failures.get(why, 0) + 1


async def timed(timings: Timings, call: Awaitable[tuple[int, dict[str, str], bytes]]) -> int:
    started = time.perf_counter()
    status, _, _ = await call
    if 200 <= status < 300:
        timings.done(started)
    else:
        timings.fail(str(status))
    return status


async def closed_loop(
    port: int,
    until: float,
    timings: Timings,
    send: Callable[[Connection], Awaitable[int]],
    delay: float = 0.0,
) -> None:
    """One client: connects after ``delay`` seconds, then sends the next request as soon as the
    last is answered, until ``until``."""
    await asyncio.sleep(delay)
    connection = await Connection.open(port)
    try:
        while time.perf_counter() < until:
            await send(connection)
    except (ConnectionError, asyncio.IncompleteReadError) as exc:
        timings.fail(type(exc).__name__)
    finally:
        await connection.close()


async def probe_health(port: int, until: float, every: float, timings: Timings) -> None:
    """The floor: ``GET /health`` every ``every`` seconds, on its own connection."""
    connection = await Connection.open(port)
    try:
        while time.perf_counter() < until:
            await timed(timings, connection.request("GET", "/health"))
            await asyncio.sleep(every)
    finally:
        await connection.close()


async def drive_evaluate(  # noqa: PLR0913 - the level's settings, named at the one call
    port: int,
    bodies: Bodies,
    clients: int,
    seconds: float,
    variant: str,
    probe: float,
    ramp: float = 0.0,
) -> dict[str, Timings]:
    """``clients`` closed loops on the evaluate endpoint and the /health probe, ``seconds``
    long; ``bodies`` is shared by the whole run, so no edit repeats an earlier level's. With a
    ``ramp``, the clients connect that many seconds apart, already sending while the next
    connects, and the level's time starts when the last has connected."""
    since = time.perf_counter() + clients * ramp
    until = since + seconds
    evaluate, health = Timings(until, since), Timings(until, since)

    async def send(connection: Connection) -> int:
        body = bodies.edit() if variant == "edit" else bodies.same
        return await timed(evaluate, connection.request("POST", EVALUATE, body))

    await asyncio.gather(
        probe_health(port, until, probe, health),
        *(closed_loop(port, until, evaluate, send, n * ramp) for n in range(clients)),
    )
    return {f"evaluate ({variant})": evaluate, "GET /health": health}


# -- design saves ------------------------------------------------------------------------------

VISITORS = 3  # anonymous sessions per level: the server admits 30 new visitors an hour


@dataclass
class Visitor:
    """An anonymous visitor's session: its cookies, and the CSRF token its writes echo."""

    cookies: str
    csrf: str

    @classmethod
    def from_answer(cls, headers: dict[str, str]) -> Visitor:
        pairs = dict(
            c.split(";", 1)[0].strip().split("=", 1) for c in headers["set-cookie"].split("\n")
        )
        cookies = "; ".join(f"{k}={v}" for k, v in pairs.items())
        return cls(cookies=cookies, csrf=pairs["millwork_csrf"])

    def headers(self, etag: str | None = None) -> dict[str, str]:
        sent = {"Cookie": self.cookies, "X-CSRF-Token": self.csrf}
        return sent | ({"If-Match": etag} if etag else {})


def saved(document: bytes) -> bytes:
    return b'{"document":' + document + b"}"


async def visitors(port: int, count: int, bodies: Bodies) -> list[Visitor]:
    """``count`` new anonymous visitors, each made by saving a first design without a session."""
    connection = await Connection.open(port)
    try:
        made = []
        for _ in range(count):
            status, headers, content = await connection.request("POST", DESIGNS, saved(bodies.same))
            if status != 201:
                raise RuntimeError(f"POST {DESIGNS} without a session: {status} {content[:200]!r}")
            made.append(Visitor.from_answer(headers))
        return made
    finally:
        await connection.close()


async def revisions(port: int, visitor: Visitor, where: str) -> int:
    """How many revisions the server lists for the design at ``where``."""
    connection = await Connection.open(port)
    try:
        status, _, content = await connection.request(
            "GET", f"{where}/revisions", headers=visitor.headers()
        )
    finally:
        await connection.close()
    if status != 200:
        raise RuntimeError(f"GET {where}/revisions: {status}")
    return len(json.loads(content)["revisions"])


async def drive_saves(
    port: int, bodies: Bodies, clients: int, seconds: float, probe: float
) -> dict[str, Timings]:
    """Each client creates a design of its own, then saves edits of it in a chain (``If-Match``
    the last ``ETag``) until the time is up; afterwards, each design must list as many
    revisions as saves were acknowledged. Empty, with a note, if the server has no saves."""
    connection = await Connection.open(port)
    try:
        status, _, _ = await connection.request("GET", DESIGNS)  # 401 without a session
    finally:
        await connection.close()
    if status == 404:
        print(f"  design saves: skipped, {DESIGNS} answers 404 (not written yet)")
        return {}
    sessions = await visitors(port, min(clients, VISITORS), bodies)
    until = time.perf_counter() + seconds
    saves, health = Timings(until), Timings(until)
    acknowledged: dict[str, tuple[Visitor, int]] = {}

    async def client(visitor: Visitor) -> None:
        connection = await Connection.open(port)
        try:
            status, headers, content = await connection.request(
                "POST", DESIGNS, saved(bodies.same), visitor.headers()
            )
            if status != 201:
                saves.fail(f"create {status}")
                return
            where, etag = f"{DESIGNS}/{json.loads(content)['id']}", headers["etag"]
            acknowledged[where] = (visitor, 1)
            while time.perf_counter() < until:
                started = time.perf_counter()
                status, headers, _ = await connection.request(
                    "PUT", where, saved(bodies.edit()), visitor.headers(etag)
                )
                if 200 <= status < 300:
                    saves.done(started)
                    etag = headers["etag"]
                    acknowledged[where] = (visitor, acknowledged[where][1] + 1)
                else:
                    saves.fail(str(status))
        except (ConnectionError, asyncio.IncompleteReadError) as exc:
            saves.fail(type(exc).__name__)
        finally:
            await connection.close()

    await asyncio.gather(
        probe_health(port, until, probe, health),
        *(client(sessions[n % len(sessions)]) for n in range(clients)),
    )
    lost = 0
    for where, (visitor, count) in acknowledged.items():
        listed = await revisions(port, visitor, where)
        if listed != count:
            lost += abs(count - listed)
            saves.fail(f"lost writes: {where} lists {listed} revisions of {count} saved")
    total = sum(count for _, count in acknowledged.values())
    print(f"  {len(acknowledged)} designs, {total} saves acknowledged, {lost} not listed after")
    return {"save (PUT, If-Match)": saves, "GET /health": health}


# -- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def server(
    workers: int, source: Path, database_url: str | None, keep_log: Path | None = None
) -> Iterator[int]:
    """``millwork serve`` from the tree ``source`` on a free loopback port until the block
    ends; yields the port once /health answers. Its output is copied to ``keep_log``."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-http-") as scratch:
        env = os.environ | {
            "PYTHONPATH": str(source),
            "DATABASE_URL": database_url or f"sqlite:///{scratch}/bench.db",
        }
        command = [sys.executable, "-m", "web.cli", "serve", "--host", HOST]
        command += ["--port", str(port), "--workers", str(workers)]
        log = Path(scratch) / "server.log"
        with log.open("wb") as out:
            process = subprocess.Popen(  # noqa: S603 - our own command line
                command, cwd=source, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        try:
            asyncio.run(_wait_for_health(port, process))
            yield port
        except Exception:
            print(log.read_text(errors="replace"), file=sys.stderr)
            raise
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if keep_log:
                keep_log.write_bytes(log.read_bytes())


async def _wait_for_health(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"millwork serve exited with status {process.returncode}")
        try:
            connection = await Connection.open(port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        try:
            status, _, _ = await connection.request("GET", "/health")
        finally:
            await connection.close()
        if status == 200:
            return
    raise RuntimeError("millwork serve did not answer /health within 60 s")


# -- figures ------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered)) - 1))]


def figures(timings: Timings, seconds: float) -> dict[str, Any]:
    done = timings.seconds
    if not done:
        return {"count": 0, "failures": timings.failures}
    # throughput: answers within the time (the last requests of a closed loop end after it)
    in_time = sum(1 for t in timings.answered if t <= timings.until)
    return {
        "count": len(done),
        "rate": in_time / seconds,
        "p50_ms": percentile(done, 50) * 1000,
        "p95_ms": percentile(done, 95) * 1000,
        "max_ms": max(done) * 1000,
        "failures": timings.failures,
    }


def machine() -> str:
    model = "unknown CPU"
    with suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def shown(url: str | None) -> str:
    """A database URL without its password."""
    if not url:
        return "SQLite (a new file for this run)"
    scheme, _, rest = url.partition("://")
    who, at, where = rest.rpartition("@")
    return f"{scheme}://{who.split(':')[0]}@{where}" if at else url


def report(
    clients: int, results: dict[str, Timings], seconds: float, cpu: float
) -> list[dict[str, Any]]:
    """Print one row per endpoint; return the figures."""
    records = []
    for name, timings in results.items():
        f = figures(timings, seconds)
        failures = f" failures {f['failures']}" if f["failures"] else ""
        if not f["count"]:
            print(f"  {clients:>3}  {name:<20} no answer{failures}")
            continue
        print(
            f"  {clients:>3}  {name:<20} {f['rate']:7.1f}/s  p50 {f['p50_ms']:7.1f} ms  "
            f"p95 {f['p95_ms']:7.1f} ms  max {f['max_ms']:7.1f} ms  n={f['count']}{failures}"
        )
        records.append({"clients": clients, "endpoint": name, **f})
    print(f"       (client CPU {cpu:.0%} of a core; {load()})", flush=True)
    return records


def run(
    driver: Coroutine[Any, Any, dict[str, Timings]], clients: int, seconds: float
) -> list[dict[str, Any]]:
    """Run one level and report it, with the client's own CPU use."""
    started = time.process_time()
    results = asyncio.run(driver)
    if not results:
        return []
    return report(clients, results, seconds, (time.process_time() - started) / seconds)


def _stop(signum: int, _: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.http", description=__doc__)
    parser.add_argument("--workers", type=int, default=1, help="millwork serve --workers")
    parser.add_argument("--seconds", type=float, default=10.0, help="per level and body")
    parser.add_argument("--clients", default="1,10,50", help="concurrent clients per level")
    parser.add_argument("--variants", default="edit,same", help="bodies: edit, same")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the levels")
    parser.add_argument("--probe", type=float, default=0.05, help="seconds between /health")
    parser.add_argument("--source", type=Path, default=ROOT, help="the tree to serve from")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-saves", action="store_true", help="measure evaluate only")
    parser.add_argument("--server-log", type=Path, help="keep the server's output in this file")
    parser.add_argument(
        "--ramp", type=float, default=0.0, help="seconds between the evaluate clients' connects"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)  # so that the server is stopped with us
    levels = [int(c) for c in args.clients.split(",")]
    variants = args.variants.split(",")
    url = os.environ.get("DATABASE_URL")
    records: list[dict[str, Any]] = []
    print(f"HTTP load: millwork serve --workers {args.workers}, {shown(url)}")
    print(f"  {machine()}")
    print(f"  source {args.source.resolve()}; {args.seconds:g} s per level; {load()}")
    with server(args.workers, args.source.resolve(), url, args.server_log) as port:
        # warm-up: every worker imports its lazy modules and fills whatever it remembers
        bodies = Bodies()
        asyncio.run(drive_evaluate(port, bodies, 2 * args.workers, 2.0, "same", args.probe))
        for round_ in range(args.rounds):
            print(f"round {round_ + 1}: clients, endpoint, throughput, latency")
            for clients in levels:
                for variant in variants:
                    driver = drive_evaluate(
                        port, bodies, clients, args.seconds, variant, args.probe, args.ramp
                    )
                    for record in run(driver, clients, args.seconds):
                        records.append({"round": round_ + 1, **record})
        saves_exist = not args.no_saves
        for clients in levels:
            if saves_exist:
                driver = drive_saves(port, bodies, clients, args.seconds, args.probe)
                found = run(driver, clients, args.seconds)
                saves_exist = bool(found)
                records += found
    if args.json:
        args.json.write_text(json.dumps({"workers": args.workers, "runs": records}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Load on PostgreSQL (issue #13): many clients uploading to one ``serve`` while worker
processes read, with 1 and then 2 workers; and the API's memory during a hostile upload.

    .venv/bin/python bench/load.py                      # 50 clients, 60 s, workers 1 then 2
    .venv/bin/python bench/load.py --clients 50 --seconds 60 --workers 1,2 --drain-seconds 40
    .venv/bin/python bench/load.py --no-load            # only the memory part
    .venv/bin/python bench/load.py --no-memory --workers 1,2,1,2   # repeat for the spread
    .venv/bin/python bench/load.py --no-memory --workers '' --side-by-side --seconds 30

Every run gets a scratch database made beside ``--database-url`` (default: the test server,
127.0.0.1:5432, database ``test``) and dropped after, a temporary file store, one ``invoicebot
serve --workers 0`` (the API only) and N ``invoicebot worker --concurrency C`` processes, all
started as the CLI. ``--clients`` API clients, each with its own OAuth client and token, post
one-file uploads back to back for ``--seconds``: realistic invoices
(``bench/realistic_invoices.py``, ``--documents`` of them), each upload made unique by its PDF's
``/ID`` (same length, so the file stays valid). Printed per worker count: uploads/s, latency
p50/p99, errors (any answer but 201 with the file accepted); invoices the workers finished per
second while the uploads ran, and then for ``--drain-seconds`` with the API idle (the backlog is
larger than they can finish, so this is their steady rate) with the machine's CPU use in that
window; and the drain rate of N workers over the first run's.

The memory part starts a fresh ``serve`` the same way and sends one upload of ``--memory-files``
hostile PDFs of just under ``--memory-size-mb`` (each holds one string of that size in its page
tree, ``bench/upload_memory.py``; streamed, never held whole by this script), sampling the API's
RSS every 50 ms; printed: idle RSS, peak (the larger of the samples and ``VmHWM``), the answer.

``--side-by-side`` makes two backlogs (``--seconds`` of uploads each, no worker running), then
runs 1 worker on one and 2 on the other at the same time for ``--drain-seconds``: on a machine
shared with other work this ratio is the one that tells whether workers hold each other up.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import asyncpg
from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from _listen import NotListening, wait_listening  # noqa: E402
from intake import scratch_database as _scratch_database  # noqa: E402
from realistic_invoices import generate  # noqa: E402  (bench/, next to this script)
from upload_memory import hostile_pdf  # noqa: E402

UPLOAD = "/api/v2/invoices/bulk_upload/"
OUTLET = "load-outlet"
FINAL = ("PROCESSED", "INCOMPLETE", "ERROR")
console = Console(width=None if sys.stdout.isatty() else 140)


class BenchError(Exception):
    pass


# --- processes -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli_argv(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bot.cli", "--config", str(config), *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _cli(config: Path, *args: str) -> str:
    proc = subprocess.run(
        _cli_argv(config, *args), cwd=ROOT, env=_env(), capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise BenchError(f"invoicebot {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    return proc.stdout


@contextlib.contextmanager
def processes(
    config: Path, logs: Path, port: int, workers: int, concurrency: int
) -> Iterator[tuple[subprocess.Popen[bytes], list[subprocess.Popen[bytes]]]]:
    """``serve`` (API only) and ``workers`` worker processes; stopped with SIGTERM on leaving."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        with open(logs / "serve.log", "wb") as out:
            serve = subprocess.Popen(
                _cli_argv(config, "serve", "--port", str(port), "--workers", "0"),
                cwd=ROOT, env=_env(), stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        started.append(serve)
        group = []
        for i in range(workers):
            with open(logs / f"worker-{i}.log", "wb") as out:
                proc = subprocess.Popen(
                    _cli_argv(config, "worker", "--concurrency", str(concurrency)),
                    cwd=ROOT, env=_env(), stdout=out, stderr=subprocess.STDOUT,
                )  # fmt: skip
            started.append(proc)
            group.append(proc)
        yield serve, group
    finally:
        for proc in started:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in started:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _rss_mb(pid: int, key: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise BenchError(f"no {key} for {pid}")


def _tree_cpu(pids: list[int]) -> float:
    """CPU seconds of these processes and all their descendants (the zygote and its children
    that read the PDFs), counting reaped children too."""
    parent: dict[int, int] = {}
    used: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        used[pid] = sum(int(v) for v in fields[11:15]) / tick
    total = 0.0
    for pid in used:
        walk = pid
        while walk > 1:
            if walk in pids:
                total += used[pid]
                break
            walk = parent.get(walk, 0)
    return total


def _cpu_busy() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


# --- the database and the setup ---------------------------------------------------------------


@contextlib.asynccontextmanager
async def scratch_database(url: str) -> AsyncIterator[str]:
    """A PostgreSQL database made beside ``url`` and dropped after (bench/intake.py's)."""
    if not url.startswith("postgresql"):
        raise BenchError("--database-url must be postgresql+asyncpg://...")
    async with _scratch_database(url, Path(tempfile.gettempdir())) as db_url:
        yield db_url


def write_config(path: Path, db_url: str, files: Path, extra: str = "") -> Path:
    path.write_text(
        f"[database]\nurl = {json.dumps(db_url)}\n"
        f"[storage]\npath = {json.dumps(str(files))}\n"
        f"[review]\npage_cache_path = {json.dumps(str(files.parent / 'pages'))}\n"
        "[http]\nrate_limit_per_minute = 0\ntoken_rate_limit_per_minute = 0\n"
        "[worker]\npoll_interval_seconds = 0.2\n"
        '[extraction]\nengine = "local"\n'
        '[logging]\nlevel = "WARNING"\n' + extra
    )
    return path


async def make_clients(config: Path, count: int) -> list[dict[str, str]]:
    """The outlet and ``count`` OAuth clients, made through the services (the CLI would spend a
    second of start-up on each)."""
    from bot.app import open_services
    from bot.catalog import OutletIn
    from bot.config import load_config

    clients = []
    async with open_services(load_config(config), with_channels=False) as svc:
        await svc.catalog.add_outlet(OutletIn(id=OUTLET, name="Load outlet"))
        for i in range(count):
            new = await svc.auth.create_client(f"load-{i}")
            clients.append({"client_id": new.client_id, "client_secret": new.client_secret})
    return clients


async def tokens(
    http: aiohttp.ClientSession, base: str, clients: list[dict[str, str]]
) -> list[str]:
    out = []
    for client in clients:
        async with http.post(
            f"{base}/oauth/token/", data={"grant_type": "client_credentials", **client}
        ) as resp:
            if resp.status != 200:
                raise BenchError(f"no token: {resp.status} {await resp.text()}")
            out.append((await resp.json())["access_token"])
    return out


# --- the documents ----------------------------------------------------------------------------

_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>")


class Documents:
    """Realistic invoices; each ``next()`` is one of them with a trailer ``/ID`` never used
    before (same length: the cross-reference offsets stay right)."""

    def __init__(self, folder: Path, count: int, seed: int) -> None:
        self.bases: list[tuple[bytes, int]] = []
        for path, _ in generate(folder, count, seed):
            data = path.read_bytes()
            found = list(_ID.finditer(data))
            if not found:
                raise BenchError(f"{path.name} has no trailer /ID to make it unique")
            self.bases.append((data, found[-1].start(1)))
        self.serial = 0
        self.tag = uuid.uuid4().hex[:8]

    def next(self) -> bytes:
        self.serial += 1
        data, at = self.bases[self.serial % len(self.bases)]
        unique = hashlib.md5(f"{self.tag}:{self.serial}".encode()).hexdigest().upper().encode()
        return data[:at] + unique + data[at + 32 :]


# --- the load ---------------------------------------------------------------------------------


@dataclass
class LoadResult:
    workers: int
    concurrency: int
    seconds: float
    latencies: list[float] = field(repr=False)
    errors: Counter[str]
    finished_during_load: int
    drain_finished: int
    drain_seconds: float
    drain_cpu: float
    #: CPU seconds of ``serve`` (and its PDF-checking children) while the uploads ran
    api_cpu: float
    #: CPU seconds of the worker processes and their PDF-reading children in the drain
    worker_cpu: float
    #: CPU seconds of the PostgreSQL backends serving this run's database (same machine only)
    db_cpu: float
    backlog_left: int

    @property
    def uploads_per_second(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, max(0, int(q * len(ordered) + 0.999999) - 1))]

    @property
    def load_rate(self) -> float:
        return self.finished_during_load / self.seconds

    @property
    def drain_rate(self) -> float:
        return self.drain_finished / self.drain_seconds if self.drain_seconds else 0.0


async def _backends(conn: asyncpg.Connection) -> list[int]:
    """The PostgreSQL server processes connected to this run's database, but our own."""
    rows = await conn.fetch(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid()"
    )
    return [int(row["pid"]) for row in rows]


async def _finished(conn: asyncpg.Connection) -> tuple[int, int]:
    """(invoices in a final status, all invoices)."""
    row = await conn.fetchrow(
        "SELECT count(*) FILTER (WHERE processing_status = ANY($1::text[])), count(*) "
        "FROM invoices",
        list(FINAL),
    )
    assert row is not None
    return int(row[0]), int(row[1])


async def _client(
    http: aiohttp.ClientSession,
    url: str,
    token: str,
    docs: Documents,
    until: float,
    latencies: list[float],
    errors: Counter[str],
) -> None:
    n = 0
    while time.monotonic() < until:
        n += 1
        form = aiohttp.FormData()
        form.add_field("outlet", OUTLET)
        form.add_field(
            "file[0]", docs.next(), filename=f"inv-{n}.pdf", content_type="application/pdf"
        )
        start = time.perf_counter()
        try:
            async with http.post(url, data=form, headers={"Authorization": f"Bearer {token}"}) as r:
                body = await r.json(content_type=None)
                ok = r.status == 201 and len(body.get("invoices", ())) == 1
                if not ok:
                    errors[f"{r.status} {json.dumps(body)[:120]}"] += 1
        except (aiohttp.ClientError, TimeoutError) as exc:
            errors[f"{type(exc).__name__}: {exc}"[:160]] += 1
            continue
        if ok:
            latencies.append(time.perf_counter() - start)


async def run_load(
    args: argparse.Namespace, workers: int, docs: Documents, tmp: Path
) -> LoadResult:
    async with scratch_database(args.database_url) as db_url:
        run = Path(tempfile.mkdtemp(prefix=f"w{workers}-", dir=tmp))
        config = write_config(run / "config.toml", db_url, run / "files")
        _cli(config, "db", "upgrade")
        clients = await make_clients(config, args.clients)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        conn = await asyncpg.connect(db_url.replace("postgresql+asyncpg://", "postgresql://", 1))
        try:
            with processes(config, run, port, workers, args.concurrency) as (serve, group):
                await asyncio.to_thread(wait_listening, port, serve, log=run / "serve.log")
                connector = aiohttp.TCPConnector(limit=0)
                timeout = aiohttp.ClientTimeout(total=120)
                async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
                    keys = await tokens(http, base, clients)
                    await asyncio.sleep(1)  # workers up and polling
                    latencies: list[float] = []
                    errors: Counter[str] = Counter()
                    console.print(
                        f"[bold]{workers} worker(s)[/]: {args.clients} clients uploading "
                        f"for {args.seconds:g} s"
                    )
                    before, _ = await _finished(conn)
                    api0 = _tree_cpu([serve.pid])
                    start = time.monotonic()
                    until = start + args.seconds
                    await asyncio.gather(
                        *(
                            _client(http, base + UPLOAD, key, docs, until, latencies, errors)
                            for key in keys
                        )
                    )
                    elapsed = time.monotonic() - start
                    api_cpu = _tree_cpu([serve.pid]) - api0
                    after_load, total = await _finished(conn)
                _alive(serve, group, run)
                console.print(
                    f"  {len(latencies)} uploads, {len(errors)} kinds of error; "
                    f"draining for {args.drain_seconds:g} s (backlog {total - after_load})"
                )
                # the drain: the API idle, the backlog larger than the window can finish
                cpu0 = _cpu_busy()
                worker_pids = [p.pid for p in group]
                tree0 = _tree_cpu(worker_pids)
                backends = await _backends(conn)
                db0 = _tree_cpu(backends)
                d0 = time.monotonic()
                first, _ = await _finished(conn)
                done = first
                while time.monotonic() - d0 < args.drain_seconds and done < total:
                    await asyncio.sleep(0.5)
                    done, _ = await _finished(conn)
                drain_time = time.monotonic() - d0
                cpu1 = _cpu_busy()
                tree1 = _tree_cpu(worker_pids)
                db1 = _tree_cpu(backends)
                _alive(serve, group, run)
        finally:
            await conn.close()
    busy = (cpu1[0] - cpu0[0]) / max(1, cpu1[1] - cpu0[1])
    return LoadResult(
        workers=workers,
        concurrency=args.concurrency,
        seconds=elapsed,
        latencies=latencies,
        errors=errors,
        finished_during_load=after_load - before,
        drain_finished=done - first,
        drain_seconds=drain_time,
        drain_cpu=busy,
        worker_cpu=tree1 - tree0,
        api_cpu=api_cpu,
        db_cpu=db1 - db0,
        backlog_left=total - done,
    )


def _alive(serve: subprocess.Popen[bytes], group: list[subprocess.Popen[bytes]], run: Path) -> None:
    for name, proc in [("serve", serve), *((f"worker-{i}", p) for i, p in enumerate(group))]:
        if proc.poll() is not None:
            log = (run / f"{name}.log").read_text(errors="replace")[-2000:]
            raise BenchError(f"{name} exited with {proc.returncode}:\n{log}")


# --- side by side ----------------------------------------------------------------------------


async def _backlog(args: argparse.Namespace, docs: Documents, db_url: str, run: Path) -> Path:
    """A database holding what ``--clients`` uploaded in ``--seconds`` (no worker running)."""
    config = write_config(run / "config.toml", db_url, run / "files")
    _cli(config, "db", "upgrade")
    clients = await make_clients(config, args.clients)
    port = _free_port()
    with processes(config, run, port, 0, 1) as (serve, _):
        await asyncio.to_thread(wait_listening, port, serve, log=run / "serve.log")
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
            keys = await tokens(http, f"http://127.0.0.1:{port}", clients)
            latencies: list[float] = []
            errors: Counter[str] = Counter()
            until = time.monotonic() + args.seconds
            url = f"http://127.0.0.1:{port}{UPLOAD}"
            await asyncio.gather(
                *(_client(http, url, key, docs, until, latencies, errors) for key in keys)
            )
    if errors:
        raise BenchError(f"uploads failed: {errors.most_common(3)}")
    return config


def _start_workers(
    configs: list[Path], counts: tuple[int, ...], concurrency: int
) -> list[list[subprocess.Popen[bytes]]]:
    groups = []
    for config, count in zip(configs, counts, strict=True):
        argv = _cli_argv(config, "worker", "--concurrency", str(concurrency))
        groups.append(
            [
                subprocess.Popen(argv, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL)
                for _ in range(count)
            ]
        )
    return groups


async def run_side_by_side(args: argparse.Namespace, docs: Documents, tmp: Path) -> None:
    """1 worker on database A and 2 on database B at the same time: whatever else the machine
    runs slows both alike, so B/A is the scaling of our code (2.0: nothing between workers
    serialises), apart from how many free cores there are."""
    async with (
        scratch_database(args.database_url) as a_url,
        scratch_database(args.database_url) as b_url,
    ):
        runs = [Path(tempfile.mkdtemp(prefix=name, dir=tmp)) for name in ("a-", "b-")]
        console.print(f"[bold]side by side[/]: two backlogs of {args.seconds:g} s of uploads")
        configs = [
            await _backlog(args, docs, url, run)
            for url, run in zip((a_url, b_url), runs, strict=True)
        ]
        conns = [
            await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1))
            for url in (a_url, b_url)
        ]
        try:
            groups = _start_workers(configs, (1, 2), args.concurrency)
            try:
                # the window opens once every worker has finished an invoice (warm)
                for _ in range(600):
                    first = [(await _finished(conn))[0] for conn in conns]
                    if first[0] >= 1 and first[1] >= 2:
                        break
                    await asyncio.sleep(0.2)
                cpu0 = [_tree_cpu([p.pid for p in group]) for group in groups]
                start = time.monotonic()
                await asyncio.sleep(args.drain_seconds)
                last = [await _finished(conn) for conn in conns]
                cpu1 = [_tree_cpu([p.pid for p in group]) for group in groups]
                took = time.monotonic() - start
            finally:
                for proc in groups[0] + groups[1]:
                    proc.send_signal(signal.SIGTERM)
                for proc in groups[0] + groups[1]:
                    proc.wait(timeout=60)
        finally:
            for conn in conns:
                await conn.close()
    rates = [(done - before) / took for (done, _), before in zip(last, first, strict=True)]
    names = ("1 worker ", "2 workers")
    for name, rate, c0, c1, (done, total) in zip(names, rates, cpu0, cpu1, last, strict=True):
        console.print(
            f"  {name}: {rate:.2f} invoices/s, {(c1 - c0) / took:.2f} cores, "
            f"backlog left {total - done}"
        )
    ratio = f"{rates[1] / rates[0]:.2f}x" if rates[0] else "-"
    console.print(f"  2 workers / 1 worker at the same time: {ratio}")


# --- memory -----------------------------------------------------------------------------------


@dataclass
class MemoryResult:
    files: int
    size_mb: float
    idle_mb: float
    peak_mb: float
    hwm_mb: float
    status: int
    accepted: int
    refused: Counter[str]
    seconds: float


async def _hostile_body(writer_boundary: str, files: int, size: int) -> AsyncIterator[bytes]:
    """The multipart body, one file made at a time (never the whole upload in memory)."""
    b = writer_boundary.encode()
    yield b"--" + b + b'\r\nContent-Disposition: form-data; name="outlet"\r\n\r\n' + OUTLET.encode()
    for i in range(files):
        yield (
            b"\r\n--" + b + b'\r\nContent-Disposition: form-data; name="file[%d]"; '
            b'filename="h%d.pdf"\r\nContent-Type: application/pdf\r\n\r\n' % (i, i)
        )
        data = hostile_pdf(size, i)
        for at in range(0, len(data), 1 << 20):
            yield data[at : at + (1 << 20)]
        del data
    yield b"\r\n--" + b + b"--\r\n"


async def run_memory(args: argparse.Namespace, tmp: Path) -> MemoryResult:
    size = int(args.memory_size_mb * 1024 * 1024) - 4096  # under the limit with its PDF frame
    async with scratch_database(args.database_url) as db_url:
        run = Path(tempfile.mkdtemp(prefix="mem-", dir=tmp))
        request_mb = int(args.memory_files * args.memory_size_mb) + 64
        extra = (
            f"[limits]\nmax_files = {max(50, args.memory_files)}\n"
            f"max_file_size_mb = {args.memory_size_mb}\nmax_request_size_mb = {request_mb}\n"
        )
        config = write_config(run / "config.toml", db_url, run / "files", extra)
        _cli(config, "db", "upgrade")
        [client] = await make_clients(config, 1)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        with processes(config, run, port, 0, 1) as (serve, _):
            await asyncio.to_thread(wait_listening, port, serve, log=run / "serve.log")
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=1800)) as http:
                [token] = await tokens(http, base, [client])
                await asyncio.sleep(2)
                idle = _rss_mb(serve.pid)
                peak = idle
                stop = asyncio.Event()

                async def sample() -> None:
                    nonlocal peak
                    while not stop.is_set():
                        peak = max(peak, _rss_mb(serve.pid))
                        await asyncio.sleep(0.05)

                sampler = asyncio.create_task(sample())
                boundary = f"load-{uuid.uuid4().hex}"
                console.print(
                    f"[bold]memory[/]: one upload of {args.memory_files} hostile PDFs of "
                    f"{size / 2**20:.1f} MiB (API idle at {idle:.0f} MB)"
                )
                start = time.monotonic()
                async with http.post(
                    base + UPLOAD,
                    data=_hostile_body(boundary, args.memory_files, size),
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Content-Type": f"multipart/form-data; boundary={boundary}",
                    },
                ) as resp:
                    body = await resp.json(content_type=None)
                    status = resp.status
                took = time.monotonic() - start
                await asyncio.sleep(1)
                stop.set()
                await sampler
                hwm = _rss_mb(serve.pid, "VmHWM")
    refused = Counter(e.get("code", "?") for e in body.get("errors", []))
    return MemoryResult(
        files=args.memory_files,
        size_mb=size / 2**20,
        idle_mb=idle,
        peak_mb=max(peak, hwm),
        hwm_mb=hwm,
        status=status,
        accepted=len(body.get("invoices", [])),
        refused=refused,
        seconds=took,
    )


# --- report -----------------------------------------------------------------------------------


def report(results: list[LoadResult]) -> None:
    table = Table(title="load on PostgreSQL (serve --workers 0, N worker processes)")
    for name in (
        "workers", "uploads/s", "p50 ms", "p99 ms", "errors", "API CPU ms/upload",
        "finished/s under load", "finished/s drain", "drain vs first", "machine CPU busy",
        "worker cores", "worker CPU ms/invoice", "db CPU ms/invoice",
    ):  # fmt: skip
        table.add_column(name, justify="right")
    first = results[0].drain_rate if results else 0
    for r in results:
        table.add_row(
            f"{r.workers} x {r.concurrency}",
            f"{r.uploads_per_second:.1f}",
            f"{r.percentile(0.5) * 1000:.0f}",
            f"{r.percentile(0.99) * 1000:.0f}",
            str(sum(r.errors.values())),
            f"{r.api_cpu * 1000 / max(1, len(r.latencies)):.0f}",
            f"{r.load_rate:.2f}",
            f"{r.drain_rate:.2f}",
            f"{r.drain_rate / first:.2f}x" if first else "-",
            f"{r.drain_cpu:.0%}",
            f"{r.worker_cpu / r.drain_seconds:.2f}",
            f"{r.worker_cpu * 1000 / max(1, r.drain_finished):.0f}",
            f"{r.db_cpu * 1000 / max(1, r.drain_finished):.0f}",
        )
    console.print(table)
    for r in results:
        for what, count in r.errors.most_common(5):
            console.print(f"  [red]{r.workers} worker(s): {count} x {what}[/]")
        if r.backlog_left == 0:
            console.print(f"  [yellow]{r.workers} worker(s): the backlog ran out in the drain[/]")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "INVOICEBOT_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        ),
        help="a PostgreSQL server: scratch databases are made beside this one and dropped",
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--workers", default="1,2", help="worker process counts, one run each (default 1,2)"
    )
    parser.add_argument("--concurrency", type=int, default=1, help="tasks per worker process")
    parser.add_argument("--drain-seconds", type=float, default=40)
    parser.add_argument("--documents", type=int, default=40, help="distinct base invoices")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-load", action="store_true", help="only the memory part")
    parser.add_argument("--no-memory", action="store_true", help="only the load part")
    parser.add_argument("--memory-files", type=int, default=50)
    parser.add_argument("--memory-size-mb", type=float, default=25)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--side-by-side",
        action="store_true",
        help="also: 1 worker and 2 workers on two backlogs at the same time (same noise)",
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",") if n.strip()]
    console.print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at start")
    results: list[LoadResult] = []
    memory: MemoryResult | None = None
    with tempfile.TemporaryDirectory(prefix="invoicebot-load-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            if not args.no_load and counts:
                docs = Documents(tmp / "docs", args.documents, args.seed)
                for n in counts:
                    results.append(asyncio.run(run_load(args, n, docs, tmp)))
                report(results)
            if args.side_by_side:
                docs = Documents(tmp / "docs-side", args.documents, args.seed)
                asyncio.run(run_side_by_side(args, docs, tmp))
            if not args.no_memory:
                memory = asyncio.run(run_memory(args, tmp))
                console.print(
                    f"memory: {memory.files} x {memory.size_mb:.1f} MiB hostile, answer "
                    f"{memory.status} ({memory.accepted} accepted, refused {dict(memory.refused)})"
                    f" in {memory.seconds:.0f} s; API RSS idle {memory.idle_mb:.0f} MB, peak "
                    f"{memory.peak_mb:.0f} MB (+{memory.peak_mb - memory.idle_mb:.0f})"
                )
        except (BenchError, NotListening) as exc:
            console.print(f"[red]{exc}[/]")
            return 1
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "load": [
                        {
                            "workers": r.workers,
                            "concurrency": r.concurrency,
                            "uploads_per_second": r.uploads_per_second,
                            "p50": r.percentile(0.5),
                            "p99": r.percentile(0.99),
                            "errors": sum(r.errors.values()),
                            "finished_per_second_load": r.load_rate,
                            "finished_per_second_drain": r.drain_rate,
                            "api_cpu_seconds_load": r.api_cpu,
                            "cpu_busy_drain": r.drain_cpu,
                            "worker_cpu_seconds_drain": r.worker_cpu,
                            "db_cpu_seconds_drain": r.db_cpu,
                        }
                        for r in results
                    ],
                    "memory": None
                    if memory is None
                    else {"idle_mb": memory.idle_mb, "peak_mb": memory.peak_mb},
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

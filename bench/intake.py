"""Upload benchmark (issue #2): invoicebot's bulk upload beside a bare aiohttp floor.

    .venv/bin/python bench/intake.py --batches 20 --files 10 --size-kb 200 [--compare-batch-sizes]

Each target runs in a process of its own on 127.0.0.1 (``bench/_servers.py``), fresh for every
run: invoicebot's real HTTP app on a temporary SQLite database (or a scratch PostgreSQL database
with ``--database-url``) and storage folder, workers off (``[worker] concurrency = 0``: this
measures intake, not extraction) and rate limit off; and the floor, a bare aiohttp handler that
streams each file part to disk and fsyncs it (also run without fsync, labelled so). The outlet and
the OAuth client are made with invoicebot's CLI; the token comes from ``/oauth/token/``.

The bodies are built once, before any timing, from seeded invoice PDFs (fpdf2, each padded with
an embedded attachment of seeded random bytes to ``--size-kb``, every file different), serialized
by aiohttp's ``MultipartWriter`` with a fixed boundary; every target gets the very same bytes.
Times are wall-clock from the first request to the last answer (after ``--warmup`` batches that
are not counted); peak RSS is the server's ``VmHWM`` from ``/proc``, read before it stops, so it
includes start-up; "idle" is its RSS once ready. With ``--repeat R`` the run of median time is
shown. ``--profile FILE`` runs the invoicebot server under py-spy.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import math
import os
import platform
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import aiohttp
from fpdf import FPDF
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
SERVERS = Path(__file__).resolve().parent / "_servers.py"
UPLOAD_PATH = "/api/v2/invoices/bulk_upload/"
FLOOR_PATH = "/upload/"
OUTLET = "bench-outlet"
#: the contract's default ``[limits] max_files``
MAX_FILES = 50
MAX_TOTAL_BYTES = 2 * 1024**3
START_TIMEOUT = 60.0
REQUEST_TIMEOUT = 300.0
FIXED_DATE = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)

INVOICEBOT = "invoicebot"
#: invoicebot's time over the fsync floor's that issue 13 asks for (issue 2 asked 1.25x)
GOAL = 1.5
FLOOR_FSYNC = "floor (fsync)"
FLOOR_NO_FSYNC = "floor (no fsync)"

console = Console(width=None if sys.stdout.isatty() else 160)


class BenchError(Exception):
    pass


# --- the PDFs and the bodies ------------------------------------------------------------------

SUPPLIERS = ("Fresh Greens BV", "Boulangerie Martin SARL", "Nordsee Fisch GmbH", "Dairy Direct Ltd")
PRODUCTS = ("Tomatoes", "Flour T55", "Salmon fillet", "Butter 82%", "Olive oil", "Eggs (tray)")


def invoice_pdf(rng: random.Random, number: str, size: int) -> bytes:
    """A one-page invoice, padded to about ``size`` bytes with an attachment of random bytes."""
    lines = []
    subtotal = Decimal(0)
    for product in rng.sample(PRODUCTS, rng.randint(2, 5)):
        qty = Decimal(rng.randint(1, 40))
        price = Decimal(rng.randint(50, 5000)) / 100
        total = qty * price
        subtotal += total
        lines.append(f"{product:<16} {qty:>4} x {price:>7}   {total:>9.2f}")
    vat = (subtotal * Decimal("0.21")).quantize(Decimal("0.01"))
    text = (
        rng.choice(SUPPLIERS),
        f"VAT: NL{rng.randint(10**8, 10**9 - 1)}B01",
        "",
        "INVOICE",
        f"Invoice number: {number}",
        "Invoice date: 2024-03-01",
        "Due date: 2024-03-31",
        "",
        *lines,
        "",
        f"Subtotal: EUR {subtotal:.2f}",
        f"VAT 21%: EUR {vat:.2f}",
        f"Total: EUR {subtotal + vat:.2f}",
    )
    bare = _render(text, b"")
    return _render(text, rng.randbytes(max(0, size - len(bare) - 400)))


def _render(text: Sequence[str], attachment: bytes) -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for line in text:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    if attachment:
        pdf.embed_file(bytes=attachment, basename="scan.bin", modification_date=FIXED_DATE)
    return bytes(pdf.output())


def make_files(seed: int, count: int, size: int, progress: Progress) -> list[bytes]:
    task = progress.add_task("generating PDFs", total=count)
    files = []
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        files.append(invoice_pdf(rng, f"BENCH-{seed}-{i:05d}", size))
        progress.advance(task)
    progress.remove_task(task)
    if len(set(files)) != len(files):
        raise BenchError("two generated PDFs are identical")
    return files


@dataclass(frozen=True)
class Body:
    data: bytes
    content_type: str
    files: int


async def make_bodies(files: Sequence[bytes], per_batch: int, tag: str) -> list[Body]:
    """Bodies of ``per_batch`` files each, with a fixed boundary: always the same bytes."""
    bodies = []
    for start in range(0, len(files), per_batch):
        group = files[start : start + per_batch]
        writer = aiohttp.MultipartWriter("form-data", boundary=f"invoicebot-bench-{tag}-{start}")
        part = writer.append(OUTLET)
        part.set_content_disposition("form-data", name="outlet")
        for i, content in enumerate(group):
            part = writer.append(content, {"Content-Type": "application/pdf"})
            part.set_content_disposition("form-data", name=f"file[{i}]", filename=f"inv-{i}.pdf")
        bodies.append(Body(await writer.as_bytes(), writer.content_type, len(group)))
    return bodies


# --- the servers ------------------------------------------------------------------------------


def _proc_status(pid: int, key: str) -> int:
    """A ``kB`` line of /proc/<pid>/status, in bytes."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        raise BenchError(f"the server (pid {pid}) has died: see its log") from None
    for line in status.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    raise BenchError(f"no {key} in /proc/{pid}/status")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    base: str
    pid: int
    rss_idle: int
    rss_peak: int = 0


@contextlib.asynccontextmanager
async def server_process(argv: list[str], log: Path) -> AsyncIterator[Server]:
    """Start a server of ``_servers.py``; on leaving, read its peak RSS, then stop it."""
    with _open_log(log) as err:
        # a session (and process group) of its own: whatever it leaves behind can be swept
        proc = await asyncio.create_subprocess_exec(
            *argv, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=err, start_new_session=True
        )
    # under py-spy, ``proc`` is py-spy and the server is its child: the server tells its pid
    pid = proc.pid
    try:
        assert proc.stdout is not None
        line = b""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(START_TIMEOUT):
                while line := await proc.stdout.readline():
                    if line.startswith(b"READY "):
                        break  # py-spy may print lines of its own before
        if not line.startswith(b"READY "):
            raise BenchError(f"server did not start:\n{_tail(log)}")
        _, port, server_pid = line.split()
        pid = int(server_pid)
        server = Server(f"http://127.0.0.1:{int(port)}", pid, _proc_status(pid, "VmRSS"))
        yield server
        server.rss_peak = _proc_status(pid, "VmHWM")
    finally:
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            try:
                await asyncio.wait_for(proc.wait(), 30)
            except TimeoutError:
                proc.kill()
                await proc.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # a server left behind by py-spy, say


def _open_log(path: Path) -> BinaryIO:
    return open(path, "wb")


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:]


def _py_spy() -> str:
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        raise BenchError("--profile needs py-spy (pip install py-spy)")
    return spy


def _toml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid TOML basic string


async def _cli(config: Path, *args: str) -> str:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "import sys; from bot.cli import main; sys.exit(main())",
        "--config",
        str(config),
        *args,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    if proc.returncode != 0:
        raise BenchError(f"invoicebot {' '.join(args)} failed:\n{err.decode()[-2000:]}")
    return out.decode()


@contextlib.asynccontextmanager
async def scratch_database(url: str | None, tmp: Path) -> AsyncIterator[str]:
    """A fresh SQLite file, or a scratch PostgreSQL database made beside ``url`` and dropped."""
    if url is None:
        yield f"sqlite+aiosqlite:///{tmp / 'invoicebot.db'}"
        return
    import asyncpg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise BenchError("--database-url must be postgresql+asyncpg://...")
    admin = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    # a shared server: INVOICEBOT_BENCH_DB_PREFIX names whose scratch databases these are
    prefix = os.environ.get("INVOICEBOT_BENCH_DB_PREFIX", "invoicebot_bench")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield parsed.set(database=name).render_as_string(hide_password=False)
    finally:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


@dataclass
class Target:
    server: Server
    url: str
    headers: dict[str, str]
    #: what a good answer to a body of n files looks like
    expect: str


@contextlib.asynccontextmanager
async def start_target(
    name: str, tmp: Path, database_url: str | None, profile: Path | None, spy_flags: list[str]
) -> AsyncIterator[Target]:
    py = [sys.executable, str(SERVERS)]
    if name != INVOICEBOT:
        argv = [*py, "floor", "--dir", str(tmp / "files")]
        if name == FLOOR_NO_FSYNC:
            argv.append("--no-fsync")
        async with server_process(argv, tmp / "server.log") as server:
            yield Target(server, server.base + FLOOR_PATH, {}, "floor")
        return
    async with scratch_database(database_url, tmp) as db_url:
        config = tmp / "bench.toml"
        config.write_text(
            f"[database]\nurl = {_toml(db_url)}\n"
            f"[storage]\npath = {_toml(str(tmp / 'files'))}\n"
            "[http]\nrate_limit_per_minute = 0\n"
            "[worker]\nconcurrency = 0\n"
            '[logging]\nlevel = "WARNING"\n'
        )
        await _cli(config, "outlets", "add", OUTLET, "--name", "Bench outlet")
        client = json.loads(_cli_json(await _cli(config, "clients", "create", "bench", "--json")))
        argv = [*py, "invoicebot", "--config", str(config)]
        if profile is not None:
            # py-spy cannot attach to a running process here, so the server runs under it
            spy = [_py_spy(), "record", "--rate", "1000", "--format", "raw", "--output"]
            argv = [*spy, str(profile), *spy_flags, "--", *argv]
        async with server_process(argv, tmp / "server.log") as server:
            async with (
                aiohttp.ClientSession() as http,
                http.post(
                    f"{server.base}/oauth/token/",
                    data={"grant_type": "client_credentials", **client},
                ) as resp,
            ):
                if resp.status != 200:
                    raise BenchError(f"no token: {resp.status} {await resp.text()}")
                token = (await resp.json())["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            yield Target(server, server.base + UPLOAD_PATH, headers, INVOICEBOT)


def _cli_json(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("{"))


# --- the client -------------------------------------------------------------------------------


def _check(target: Target, body: Body, status: int, answer: Any) -> None:
    if target.expect == "floor":
        ok = status == 201 and answer.get("saved") == body.files
    else:
        ok = (
            status == 201
            and len(answer.get("invoices", ())) == body.files
            and not answer.get("errors")
        )
    if not ok:
        raise BenchError(f"unexpected answer {status}: {json.dumps(answer)[:1000]}")


async def upload_all(
    http: aiohttp.ClientSession,
    target: Target,
    bodies: Sequence[Body],
    concurrency: int,
    progress: Progress | None = None,
    task: Any = None,
) -> list[float]:
    """Post every body (``concurrency`` at a time); the latency of each, in seconds."""
    queue = list(reversed(bodies))
    latencies: list[float] = []

    async def worker() -> None:
        while queue:
            body = queue.pop()
            headers = {**target.headers, "Content-Type": body.content_type}
            start = time.perf_counter()
            async with http.post(target.url, data=body.data, headers=headers) as resp:
                answer = await resp.json()
            latencies.append(time.perf_counter() - start)
            _check(target, body, resp.status, answer)
            if progress is not None:
                progress.advance(task)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


@dataclass
class Result:
    target: str
    files_per_batch: int
    batches: int
    files: int
    body_bytes: int
    seconds: float
    latencies: list[float] = field(repr=False)
    cpu_seconds: float
    rss_idle: int
    rss_peak: int
    run: int = 0

    @property
    def files_per_second(self) -> float:
        return self.files / self.seconds

    @property
    def mb_per_second(self) -> float:
        return self.body_bytes / 1e6 / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


async def measure(
    name: str,
    per_batch: int,
    bodies: Sequence[Body],
    warmup: Sequence[Body],
    args: argparse.Namespace,
    progress: Progress,
    run: int,
) -> Result:
    tmp = Path(tempfile.mkdtemp(prefix="invoicebot-bench-", dir=args.tmp_dir))
    profile = args.profile if name == INVOICEBOT and per_batch == args.files else None
    try:
        spy_flags = ["--idle"] * args.profile_idle + ["--gil"] * args.profile_gil
        async with start_target(name, tmp, args.database_url, profile, spy_flags) as target:
            timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
            connector = aiohttp.TCPConnector(limit=args.concurrency)
            async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
                await upload_all(http, target, warmup, args.concurrency)
                task = progress.add_task(f"{name}, {per_batch} files/batch", total=len(bodies))
                cpu = _cpu_seconds(target.server.pid)
                start = time.perf_counter()
                latencies = await upload_all(http, target, bodies, args.concurrency, progress, task)
                seconds = time.perf_counter() - start
                cpu = _cpu_seconds(target.server.pid) - cpu
                progress.remove_task(task)
        return Result(
            target=name,
            files_per_batch=per_batch,
            batches=len(bodies),
            files=sum(b.files for b in bodies),
            body_bytes=sum(len(b.data) for b in bodies),
            seconds=seconds,
            latencies=latencies,
            cpu_seconds=cpu,
            rss_idle=target.server.rss_idle,
            rss_peak=target.server.rss_peak,
            run=run,
        )
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


# --- reporting --------------------------------------------------------------------------------


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}"


def median_runs(results: Sequence[Result]) -> list[Result]:
    """Per (target, batch size), the run of median time (the lower one for an even count)."""
    groups: dict[tuple[str, int], list[Result]] = {}
    for r in results:
        groups.setdefault((r.target, r.files_per_batch), []).append(r)
    chosen = []
    for runs in groups.values():
        runs = sorted(runs, key=lambda r: r.seconds)
        chosen.append(runs[(len(runs) - 1) // 2])
    return chosen


def report(results: Sequence[Result], all_results: Sequence[Result], args: argparse.Namespace):
    floors = {r.files_per_batch: r for r in results if r.target == FLOOR_FSYNC}
    table = Table(title="Upload over loopback (median run)" if args.repeat > 1 else "Upload")
    for column in (
        "target",
        "files/batch",
        "batches",
        "files/s",
        "MB/s",
        "p50 ms",
        "p95 ms",
        "server CPU ms/file",
        "RSS idle MiB",
        "peak RSS MiB",
        "time / floor (fsync)",
    ):
        table.add_column(column, justify="left" if column == "target" else "right")
    for r in sorted(results, key=lambda r: (r.files_per_batch, r.target)):
        floor = floors.get(r.files_per_batch)
        spread = ""
        if args.repeat > 1:
            rates = [
                x.files_per_second
                for x in all_results
                if (x.target, x.files_per_batch) == (r.target, r.files_per_batch)
            ]
            spread = f" ({min(rates):.0f}-{max(rates):.0f})"
        table.add_row(
            r.target,
            str(r.files_per_batch),
            str(r.batches),
            f"{r.files_per_second:.1f}{spread}",
            f"{r.mb_per_second:.1f}",
            f"{r.percentile(0.5) * 1000:.1f}",
            f"{r.percentile(0.95) * 1000:.1f}",
            f"{r.cpu_seconds / r.files * 1000:.2f}",
            _mib(r.rss_idle),
            _mib(r.rss_peak),
            f"{r.seconds / floor.seconds:.2f}x" if floor else "",
        )
    console.print(table)
    for r in results:
        floor = floors.get(r.files_per_batch)
        if r.target == INVOICEBOT and floor:
            ratio = r.seconds / floor.seconds
            paired = ""
            if args.repeat > 1:
                # runs of one repeat ran back to back, so their ratio suffers less from noise
                ratio = statistics.median(_paired_ratios(all_results, r.files_per_batch))
                paired = " (median of the per-repeat ratios)"
            verdict = "[green]within[/]" if ratio <= GOAL else "[red]over[/]"
            console.print(
                f"{r.files_per_batch} files/batch: invoicebot takes {ratio:.2f}x the time of "
                f"the floor with fsync{paired}, {verdict} the {GOAL}x goal of issue 13"
            )
    bot = {r.files_per_batch: r for r in results if r.target == INVOICEBOT}
    if len(bot) > 1:
        parts = ", ".join(
            f"{k} files/batch {_mib(r.rss_peak)} MiB (+{_mib(r.rss_peak - r.rss_idle)} over idle)"
            for k, r in sorted(bot.items())
        )
        console.print(f"invoicebot peak RSS: {parts}")


def _paired_ratios(results: Sequence[Result], per_batch: int) -> list[float]:
    runs = {(r.target, r.run): r for r in results if r.files_per_batch == per_batch}
    return [
        runs[INVOICEBOT, n].seconds / runs[FLOOR_FSYNC, n].seconds
        for target, n in runs
        if target == INVOICEBOT and (FLOOR_FSYNC, n) in runs
    ]


def summarize_profile(path: Path, top: int = 30) -> None:
    """Share of the samples per frame (inclusive), from py-spy's raw (folded) output.

    Start-up, idle waits and the frames of the event loop, threads and the server script are
    left out (those hold everything). Warm-up batches are in.
    """
    plumbing = ("threading.py", "asyncio/", "_servers.py", "concurrent/futures/thread.py")
    idle = ("_worker (concurrent/futures/thread.py", "_connection_worker_thread (aiosqlite")
    total = 0
    frames: Counter[str] = Counter()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        names = stack.split(";")
        # start-up (imports, migrations) and threads waiting for work are not the upload
        if "invoicebot_app (" in stack or "importlib._bootstrap" in stack:
            continue
        if names[-1].startswith(idle) or names[-1].startswith("EpollSelector.select"):
            continue
        total += int(count)
        for name in set(names):
            if name and not any(p in name for p in plumbing):
                frames[name] += int(count)
    table = Table(title=f"py-spy samples by frame, inclusive ({total} samples, {path})")
    table.add_column("share", justify="right")
    table.add_column("frame")
    for name, n in frames.most_common(top):
        table.add_row(f"{100 * n / max(total, 1):.1f}%", name)
    console.print(table)


# --- main -------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Upload benchmark: invoicebot's bulk upload over loopback beside a bare "
        "aiohttp floor writing the same multipart bodies to disk (files/s, MB/s, latency, "
        "peak server RSS).",
        epilog="Example: .venv/bin/python bench/intake.py --batches 20 --files 10 "
        "--compare-batch-sizes",
    )
    parser.add_argument("--batches", type=int, default=20, help="measured batches (default 20)")
    parser.add_argument(
        "--files", type=int, default=10, help=f"PDFs per batch, 1-{MAX_FILES} (default 10)"
    )
    parser.add_argument("--size-kb", type=int, default=200, help="size of each PDF (default 200)")
    parser.add_argument("--concurrency", type=int, default=1, help="parallel uploads (default 1)")
    parser.add_argument(
        "--compare-batch-sizes",
        action="store_true",
        help="also run 10 and 50 files per batch over the same number of files (rounded up to "
        "whole batches) and compare "
        "invoicebot's peak RSS",
    )
    parser.add_argument("--warmup", type=int, default=1, help="uncounted batches first (default 1)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per target; median shown")
    parser.add_argument("--seed", type=int, default=2, help="seed of the PDFs (default 2)")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="postgresql+asyncpg://user@host:port/db: run invoicebot on a scratch database "
        "created (and dropped) on that server; default a temporary SQLite file",
    )
    parser.add_argument(
        "--targets",
        default=f"{FLOOR_FSYNC},{FLOOR_NO_FSYNC},{INVOICEBOT}",
        help="comma-separated subset of: floor (fsync), floor (no fsync), invoicebot",
    )
    parser.add_argument("--tmp-dir", type=Path, help="where servers write (default: system temp)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="run the invoicebot server of --files per batch under py-spy (raw folded stacks "
        "to FILE; CPU only unless --profile-idle)",
    )
    parser.add_argument(
        "--profile-idle",
        action="store_true",
        help="with --profile: sample waiting threads too (wall clock: fsync, queue waits)",
    )
    parser.add_argument(
        "--profile-gil",
        action="store_true",
        help="with --profile: sample only the thread holding the GIL (where one process's "
        "Python time goes, whichever thread spends it)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = set(targets) - {FLOOR_FSYNC, FLOOR_NO_FSYNC, INVOICEBOT}
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    args.targets = targets
    if not 1 <= args.files <= MAX_FILES:
        parser.error(f"--files must be 1-{MAX_FILES} (the contract's limit per batch)")
    if not 1 <= args.batches <= 10_000 or not 0 <= args.warmup <= 100:
        parser.error("--batches must be 1-10000 and --warmup 0-100")
    if not 1 <= args.size_kb <= 25 * 1024:
        parser.error("--size-kb must be 1-25600 (the 25 MiB file limit)")
    if not 1 <= args.concurrency <= 64 or not 1 <= args.repeat <= 20:
        parser.error("--concurrency must be 1-64 and --repeat 1-20")
    return args


async def run(args: argparse.Namespace) -> list[Result]:
    total = args.batches * args.files
    sizes = sorted({args.files, 10, 50}) if args.compare_batch_sizes else [args.files]
    batches = {k: math.ceil(total / k) for k in sizes}
    needed = max(batches[k] * k for k in sizes)
    warm = args.warmup * max(sizes)
    if (needed + warm) * args.size_kb * 1024 * (1 + len(sizes)) > MAX_TOTAL_BYTES:
        raise BenchError("too much data for one run: lower --batches, --files or --size-kb")
    console.print(
        f"[bold]invoicebot upload bench[/]: {total} files of {args.size_kb} KB, "
        f"batches of {', '.join(map(str, sizes))}, concurrency {args.concurrency}, "
        f"database {'PostgreSQL' if args.database_url else 'SQLite'}, "
        f"Python {platform.python_version()}, aiohttp {aiohttp.__version__}, "
        f"{os.cpu_count()} CPUs, temp dir {args.tmp_dir or tempfile.gettempdir()}"
    )
    results: list[Result] = []
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        files = make_files(args.seed, needed + warm, args.size_kb * 1024, progress)
        plan = [
            (run, k, target) for run in range(args.repeat) for k in sizes for target in args.targets
        ]
        overall = progress.add_task("runs", total=len(plan))
        bodies = {}
        for k in sizes:
            bodies[k] = (
                await make_bodies(files[: batches[k] * k], k, f"{args.seed}-{k}"),
                await make_bodies(files[needed : needed + args.warmup * k], k, f"w{args.seed}-{k}"),
            )
        for run_no, k, target in plan:
            measured, warmup = bodies[k]
            results.append(await measure(target, k, measured, warmup, args, progress, run_no))
            progress.advance(overall)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        all_results = asyncio.run(run(args))
    except BenchError as exc:
        console.print(f"[red]bench failed:[/] {exc}")
        return 1
    results = median_runs(all_results)
    report(results, all_results, args)
    if args.profile is not None and args.profile.exists():
        summarize_profile(args.profile)
    if args.json is not None:
        rows = [
            {
                **{k: v for k, v in asdict(r).items() if k != "latencies"},
                "files_per_second": r.files_per_second,
                "p50_seconds": r.percentile(0.5),
                "p95_seconds": r.percentile(0.95),
            }
            for r in all_results
        ]
        args.json.write_text(json.dumps({"args": sys.argv[1:], "runs": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Email benchmark (issue #9): mail with PDFs over loopback SMTP, until every reply is back.

    .venv/bin/python bench/mail.py --messages 100 --pdfs 3 [--senders 4] [--workers 2]
                                   [--processes N] [--rate R]

invoicebot runs as it does in production: a real ``invoicebot serve`` process (its SMTP server,
and its workers with the offline ``local`` engine, inside it or, with ``--processes N``, in the N
worker processes that serve starts: ``[worker] processes``) on a temporary SQLite database and
folder. This
process is the outside world: it sends the mails with smtplib from ``--senders`` threads, and a
second SMTP server here is the relay that receives the replies. The mails are built before any
timing (fpdf2 invoices, every PDF different).

Measured: messages accepted per second (first send to last ``250``), per message the time from the
start of its sending to its reply reaching the relay (median, p90, max), and the CPU seconds the
invoicebot processes used (server, workers and their extraction children).
"""

from __future__ import annotations

import sys
from pathlib import Path

# the project's packages, from the repository root (this script runs from bench/)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import smtplib
import socket
import statistics
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid

from _listen import NotListening, wait_listening  # bench/, next to this script
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.pdfs import invoice_pdf


class Relay:
    """Keeps the time each reply arrives, by the Message-ID it answers."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.all_in = asyncio.Event()
        self.expected = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content or b"")
        self.arrived[str(msg["In-Reply-To"]).strip()] = time.perf_counter()
        if len(self.arrived) >= self.expected:
            self.all_in.set()
        return "250 OK"


def build_mails(count: int, pdfs: int) -> list[tuple[str, bytes]]:
    mails = []
    for i in range(count):
        msg = EmailMessage()
        msg["From"] = "chef@harbour.example"
        msg["To"] = "invoices+bench@example.com"
        msg["Subject"] = f"Invoices {i}"
        msg["Message-ID"] = make_msgid(domain="harbour.example")
        msg.set_content("Invoices attached.")
        for j in range(pdfs):
            msg.add_attachment(
                invoice_pdf(), maintype="application", subtype="pdf", filename=f"inv-{i}-{j}.pdf"
            )
        mails.append((str(msg["Message-ID"]), msg.as_bytes(policy=policy.SMTP)))
    return mails


def send_one(port: int, raw: bytes) -> tuple[float, float]:
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, timeout=120) as client:
        client.sendmail("chef@harbour.example", ["invoices+bench@example.com"], raw)
    return start, time.perf_counter()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_config(tmp: Path, smtp_port: int, relay_port: int, workers: int, processes: int) -> Path:
    path = tmp / "bench.toml"
    path.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp}/bench.db"\n'
        f'[storage]\npath = "{tmp}/files"\n'
        '[extraction]\nengine = "local"\n'
        f"[worker]\nconcurrency = {workers}\nprocesses = {processes}\n"
        "poll_interval_seconds = 0.2\n"
        f'[http]\nhost = "127.0.0.1"\nport = {free_port()}\n'
        f'[email.smtp]\nenabled = true\nhost = "127.0.0.1"\nport = {smtp_port}\n'
        f'[email.outbound]\nhost = "127.0.0.1"\nport = {relay_port}\n'
        'from = "invoices@example.com"\n'
        '[[email.routes]]\nrecipient = "invoices+*@example.com"\n'
        '[logging]\nlevel = "WARNING"\n'
    )
    return path


def cli(config: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--config", str(config), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=None,
    )


def cpu_seconds(pid: int, tree: bool = True) -> float:
    """User + system CPU of a live process, and (``tree``) of its descendants: those alive and
    those they have waited for (the extraction zygote reaps the children it forks)."""
    total = 0.0
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total = sum(int(f) for f in fields[11 : 13 + 2 * tree]) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir() if tree else ():
            for child in (task / "children").read_text().split():
                total += cpu_seconds(int(child))
    return total


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


async def run(args: argparse.Namespace) -> None:
    mails = build_mails(args.messages, args.pdfs)
    size = sum(len(raw) for _, raw in mails) / len(mails)
    print(f"{len(mails)} messages of {args.pdfs} PDFs built ({size / 1024:.0f} KiB each)")
    relay = Relay()
    relay.expected = len(mails)
    loop = asyncio.get_running_loop()
    relay_server = await loop.create_server(
        lambda: SMTP(relay, hostname="relay.bench", loop=loop), "127.0.0.1", 0
    )
    relay_port = relay_server.sockets[0].getsockname()[1]
    smtp_port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-email-") as tmp:
        config = write_config(Path(tmp), smtp_port, relay_port, args.workers, args.processes)
        for setup in (("db", "upgrade"), ("outlets", "add", "bench", "--name", "Bench Kitchen")):
            if cli(config, *setup).wait() != 0:
                raise SystemExit(f"invoicebot {' '.join(setup)} failed")
        serve = cli(config, "serve")
        try:
            try:
                wait_listening(smtp_port, serve)
            except NotListening as exc:
                raise SystemExit(str(exc)) from None
            began = time.perf_counter()
            with ThreadPoolExecutor(args.senders) as pool:
                futures = []
                for i, (_, raw) in enumerate(mails):
                    if args.rate:  # paced: message i leaves at i / rate seconds
                        await asyncio.sleep(max(0.0, began + i / args.rate - time.perf_counter()))
                    futures.append(loop.run_in_executor(pool, send_one, smtp_port, raw))
                sent = await asyncio.gather(*futures)
            accepted = time.perf_counter() - began
            await asyncio.wait_for(relay.all_in.wait(), args.timeout)
            finished = time.perf_counter() - began
            cpu_all, cpu_serve = cpu_seconds(serve.pid), cpu_seconds(serve.pid, tree=False)
        finally:
            # in a thread: the relay in this loop must still answer the last reply's QUIT
            await asyncio.to_thread(stop, serve)
    relay_server.close()
    latencies = sorted(
        relay.arrived[mid] - start for (mid, _), (start, _) in zip(mails, sent, strict=True)
    )
    pace = f"{args.rate} messages/s" if args.rate else "as fast as accepted"
    where = (
        f"{args.processes} worker process(es) of {args.workers} task(s)"
        if args.processes
        else f"{args.workers} worker task(s) in serve"
    )
    print(f"senders {args.senders}, sent {pace}, {where}, engine local")
    print(f"accepted: {len(mails) / accepted:.1f} messages/s ({accepted:.1f} s for all)")
    if args.rate:
        print("  (paced: the accepted rate is the sending rate, not the server's capacity)")
    print(f"all replies back after {finished:.1f} s")
    median = statistics.median(latencies)
    p90 = latencies[max(int(len(latencies) * 0.9) - 1, 0)]
    print(f"send -> reply: median {median:.2f} s, p90 {p90:.2f} s, max {latencies[-1]:.2f} s")
    print(
        f"CPU seconds until the last reply: {cpu_all:.1f} in all invoicebot processes, "
        f"{cpu_serve:.1f} of them in serve itself"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--pdfs", type=int, default=3)
    parser.add_argument("--senders", type=int, default=4, help="concurrent SMTP clients")
    parser.add_argument("--workers", type=int, default=2, help="worker tasks (per process)")
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        help="[worker] processes: serve runs its workers in this many processes (0: inside it)",
    )
    parser.add_argument(
        "--rate", type=float, default=0, help="send this many messages a second (0: a burst)"
    )
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(args))


if __name__ == "__main__":
    main()

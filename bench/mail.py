"""Email benchmark (issue #9): mail with PDFs over loopback SMTP, until every reply is back.

    .venv/bin/python bench/mail.py --messages 100 --pdfs 3 [--senders 4] [--workers 2] [--rate R]

invoicebot runs in this process as ``serve`` runs it (``bot.app.running``: the SMTP server,
workers with the offline ``local`` engine, on a temporary SQLite database and folder); a second
SMTP server on loopback is the relay that receives the replies. The mails are built before any
timing (fpdf2 invoices, every PDF different) and sent with smtplib from ``--senders`` threads.

Measured: messages accepted per second (first send to last ``250``), and per message the time
from the start of its sending to its reply reaching the relay (median, p90, max).
"""

from __future__ import annotations

import sys
from pathlib import Path

# the project's packages, from the repository root (this script runs from bench/)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import contextlib
import logging
import smtplib
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid

from aiosmtpd.smtp import SMTP, Envelope, Session

from bot.app import running
from bot.catalog import OutletIn
from bot.config import config_from_dict
from handlers.email import EmailChannel
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
    with tempfile.TemporaryDirectory(prefix="bench-email-") as tmp:
        config = config_from_dict(
            {
                "database": {"url": f"sqlite+aiosqlite:///{tmp}/bench.db"},
                "storage": {"path": f"{tmp}/files"},
                "extraction": {"engine": "local"},
                "worker": {"concurrency": args.workers, "poll_interval_seconds": 0.2},
                "email": {
                    "smtp": {"enabled": True, "port": 0},
                    "outbound": {"port": relay_port, "from": "invoices@example.com"},
                    "routes": [{"recipient": "invoices+*@example.com"}],
                },
                "logging": {"level": "WARNING"},
            }
        )
        async with running(config) as services:
            await services.catalog.add_outlet(OutletIn(id="bench", name="Bench Kitchen"))
            (channel,) = [c for c in services.channels if isinstance(c, EmailChannel)]
            assert channel.smtp is not None
            port = channel.smtp.port
            began = time.perf_counter()
            with ThreadPoolExecutor(args.senders) as pool:
                futures = []
                for i, (_, raw) in enumerate(mails):
                    if args.rate:  # paced: message i leaves at i / rate seconds
                        await asyncio.sleep(max(0.0, began + i / args.rate - time.perf_counter()))
                    futures.append(loop.run_in_executor(pool, send_one, port, raw))
                sent = await asyncio.gather(*futures)
            accepted = time.perf_counter() - began
            await asyncio.wait_for(relay.all_in.wait(), args.timeout)
            finished = time.perf_counter() - began
    relay_server.close()
    latencies = sorted(
        relay.arrived[mid] - start for (mid, _), (start, _) in zip(mails, sent, strict=True)
    )
    pace = f"{args.rate} messages/s" if args.rate else "as fast as accepted"
    print(f"senders {args.senders}, sent {pace}, workers {args.workers}, engine local")
    print(f"accepted: {len(mails) / accepted:.1f} messages/s ({accepted:.1f} s for all)")
    if args.rate:
        print("  (paced: the accepted rate is the sending rate, not the server's capacity)")
    print(f"all replies back after {finished:.1f} s")
    median = statistics.median(latencies)
    p90 = latencies[max(int(len(latencies) * 0.9) - 1, 0)]
    print(f"send -> reply: median {median:.2f} s, p90 {p90:.2f} s, max {latencies[-1]:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--pdfs", type=int, default=3)
    parser.add_argument("--senders", type=int, default=4, help="concurrent SMTP clients")
    parser.add_argument("--workers", type=int, default=2, help="[worker] concurrency")
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

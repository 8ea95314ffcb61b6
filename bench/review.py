"""Server time of the review pages with many invoices in the database.

    python bench/review.py [--invoices 10000] [--requests 200] [--database-url URL]

A fresh database is filled with outlets, suppliers, purchase orders and ``--invoices`` read
invoices (a mix of PROCESSED, INCOMPLETE, ERROR, FLAGGED, duplicates, with and without supplier
and order; about half need a person), then the real HTTP app is served on loopback, a user signs
in, and the inbox (plain, filtered by reason, by outlet, sorted by total, a far page) and invoice
pages are requested ``--requests`` times each over HTTP. Times are per request, client included
(loopback, keep-alive), so they bound the server's time from above. Page images are timed on
their first request (pdftoppm renders) and when cached.

SQLite by default (a temporary file); ``--database-url postgresql+asyncpg://...`` names a
PostgreSQL server where the bench makes its own database and drops it afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from bench.linking import database  # noqa: E402
from bot.app import build_http_app  # noqa: E402
from bot.config import config_from_dict  # noqa: E402
from bot.files import FileStore  # noqa: E402
from bot.users import Users  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import (  # noqa: E402
    BulkImportation,
    Invoice,
    InvoiceLineItem,
    InvoicePurchaseOrder,
    Outlet,
    PurchaseOrder,
    Supplier,
)
from tests.pdfs import invoice_pdf  # noqa: E402

console = Console()
PASSWORD = "bench password 1"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Server time of the review pages.")
    p.add_argument("--invoices", type=int, default=10_000)
    p.add_argument("--requests", type=int, default=200, help="requests per page kind")
    p.add_argument("--images", type=int, default=10, help="distinct PDFs whose pages are timed")
    p.add_argument("--database-url", help="a PostgreSQL server (default: SQLite in a temp dir)")
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


async def fill(
    db: Database, files: FileStore, n: int, images: int, rng: random.Random
) -> list[str]:
    """The catalogue and ``n`` invoices; returns the ids of the invoices with a stored PDF."""
    outlets = [f"olt-{i}" for i in range(10)]
    suppliers = [f"sup-{i}" for i in range(200)]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    async with db.session() as s:
        await s.execute(insert(Outlet), [{"id": o, "name": f"Outlet {o}"} for o in outlets])
        await s.execute(
            insert(Supplier),
            [{"id": x, "name": f"Supplier {x}", "aliases": [], "emails": []} for x in suppliers],
        )
        await s.execute(
            insert(PurchaseOrder),
            [
                {"id": f"po-{i}", "order_number": f"PO-{i}", "order_number_key": f"PO{i}",
                 "outlet_id": outlets[i % 10], "supplier_id": suppliers[i % 200]}
                for i in range(2000)
            ],
        )  # fmt: skip
        batches = [f"batch-{i}" for i in range(n // 10 + 1)]
        await s.execute(
            insert(BulkImportation),
            [{"id": b, "outlet_id": outlets[i % 10], "channel": "api", "reply_status": "not_needed",
              "reply_to": {}, "purchase_order_ids": [], "errors": [], "reply_state": {},
              "created_date": start + timedelta(minutes=i)} for i, b in enumerate(batches)],
        )  # fmt: skip
    pdfs = [invoice_pdf() for _ in range(images)]
    shas = []
    for pdf in pdfs:
        sha = hashlib.sha256(pdf).hexdigest()
        path = files.path(sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        shas.append(sha)
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    ids = []
    for i in range(n):
        kind = rng.random()
        status = "PROCESSED" if kind < 0.7 else "INCOMPLETE" if kind < 0.9 else "ERROR"
        invoice_id = f"inv-{i:06d}"
        ids.append(invoice_id)
        has_supplier = status != "ERROR" and rng.random() < 0.8
        rows.append(
            {
                "id": invoice_id,
                "bulk_importation_id": batches[i // 10],
                "outlet_id": outlets[(i // 10) % 10],
                "supplier_id": suppliers[rng.randrange(200)] if has_supplier else None,
                "processing_status": status,
                "approval_status": rng.choice(
                    ["RECEIVED"] * 6 + ["FLAGGED", "APPROVED", "APPROVED", "REJECTED"]
                ),
                "invoice_number": f"N-{i}",
                "currency": "EUR",
                "total_incl_tax": Decimal(rng.randrange(1000, 500000)) / 100,
                "supplier_name": f"Supplier as read {i % 300}",
                "corrections": {},
                "extraction": {"engine": "local", "warnings": ["total not found"]}
                if status == "INCOMPLETE"
                else ({"duplicate_of": "inv-000000"} if rng.random() < 0.03 else {}),
                "variances": [],
                "po_references": [],
                "file_name": f"invoice-{i}.pdf",
                "file_sha256": shas[i] if i < images else f"{i:064x}",
                "file_size": 1000,
                "file_pages": 1,
                "source_channel": "api",
                "created_date": start + timedelta(minutes=10 * i),
                "modified_date": start + timedelta(minutes=10 * i),
                "type": "INVOICE",
                "document_type": "invoice",
            }
        )
        if status == "PROCESSED" and rng.random() < 0.6:
            links.append(
                {"invoice_id": invoice_id, "purchase_order_id": f"po-{rng.randrange(2000)}",
                 "link": "po_number"}
            )  # fmt: skip
        for pos in range(3):
            items.append(
                {"invoice_id": invoice_id, "position": pos, "description": f"Item {pos}",
                 "quantity": Decimal(2), "unit_price": Decimal("3.50"), "total": Decimal(7)}
            )  # fmt: skip
    async with db.session() as s:
        for chunk in range(0, n, 2000):
            await s.execute(insert(Invoice), rows[chunk : chunk + 2000])
        await s.execute(insert(InvoicePurchaseOrder), links)
        for chunk in range(0, len(items), 6000):
            await s.execute(insert(InvoiceLineItem), items[chunk : chunk + 6000])
    return ids[:images]


async def timed(http: aiohttp.ClientSession, url: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        began = time.perf_counter()
        async with http.get(url) as resp:
            await resp.read()
            assert resp.status == 200, (url, resp.status)
        times.append((time.perf_counter() - began) * 1000)
    return times


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    async with database(args.database_url, "review") as db:
        with tempfile.TemporaryDirectory() as folder:
            config = config_from_dict(
                {
                    "database": {"url": db.url},
                    "storage": {"path": f"{folder}/files"},
                    "worker": {"concurrency": 0},
                    "review": {"page_cache_path": f"{folder}/pages"},
                },
                env={"INVOICEBOT_SESSION_KEY": Fernet.generate_key().decode()},
            )
            files = FileStore(config.storage.path)
            files.open()
            began = time.perf_counter()
            with_files = await fill(db, files, args.invoices, args.images, rng)
            console.print(f"filled {args.invoices} invoices in {time.perf_counter() - began:.1f} s")
            await Users(db).add("bench@example.com", PASSWORD, admin=True)
            app = build_http_app(config, run_workers=False)
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            base = f"http://127.0.0.1:{runner.addresses[0][1]}"
            try:
                jar = aiohttp.CookieJar(unsafe=True)
                async with aiohttp.ClientSession(cookie_jar=jar) as http:
                    await measure(http, base, args, with_files, rng)
            finally:
                await runner.cleanup()


async def measure(
    http: aiohttp.ClientSession,
    base: str,
    args: argparse.Namespace,
    with_files: list[str],
    rng: random.Random,
) -> None:
    async with http.get(f"{base}/review/sign-in") as resp:
        found = CSRF.search(await resp.text())
    assert found
    form = {"csrf": found.group(1), "email": "bench@example.com", "password": PASSWORD}
    async with http.post(f"{base}/review/sign-in", data=form) as resp:
        assert resp.status == 200, resp.status
    async with http.get(f"{base}/review/") as resp:
        count = re.search(r'id="inbox-count">(\d+)', await resp.text())
    assert count
    console.print(f"{count.group(1)} invoices need a person")
    kinds = {
        "inbox": "/review/",
        "inbox, reason = missing": "/review/?reason=missing",
        "inbox, one outlet": "/review/?outlet=olt-3",
        "inbox, by total": "/review/?ordering=-total_incl_tax",
        "inbox, page 50": "/review/?page=50",
    }
    table = Table(title=f"review pages, {args.invoices} invoices ({args.requests} requests each)")
    for column in ("page", "median ms", "p95 ms", "max ms"):
        table.add_column(column)
    for name, path in kinds.items():
        await timed(http, f"{base}{path}", 3)  # warm
        times = await timed(http, f"{base}{path}", args.requests)
        table.add_row(name, *_stats(times))
    invoice_times: list[float] = []
    for _ in range(args.requests):
        invoice_id = f"inv-{rng.randrange(args.invoices):06d}"
        invoice_times += await timed(http, f"{base}/review/invoices/{invoice_id}", 1)
    table.add_row("invoice page (random)", *_stats(invoice_times))
    first: list[float] = []
    cached: list[float] = []
    for invoice_id in with_files:
        first += await timed(http, f"{base}/review/invoices/{invoice_id}/pages/1.png", 1)
        cached += await timed(http, f"{base}/review/invoices/{invoice_id}/pages/1.png", 5)
    table.add_row("page image, first (pdftoppm)", *_stats(first))
    table.add_row("page image, cached", *_stats(cached))
    console.print(table)


def _stats(times: list[float]) -> tuple[str, str, str]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(times):.1f}", f"{p95:.1f}", f"{max(times):.1f}"


if __name__ == "__main__":
    asyncio.run(run(parse_args()))

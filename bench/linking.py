"""Time per invoice of linking (supplier, duplicates, purchase orders, lines) as orders grow.

    python bench/linking.py [--invoices 10000] [--orders 5000,20000,50000] [--database-url URL]

For each order count a fresh database is filled with outlets, suppliers, purchase orders with
lines, and read invoices, then every invoice is linked as the worker links it (its own session
and transaction, the real :class:`bot.linking.InvoiceLinker`), and the time per invoice is
printed. Orders arrive at a fixed rate (``--orders-per-day``), so more orders means a longer
history, as in a real group: if linking used no index, time per invoice would grow with the
order count; with the indexes it stays flat. ``--fixed-span DAYS`` puts all orders in that many
days instead (denser: more candidates per supplier, so some growth is expected there).

The invoices mix: 40 % cite their order's number (a few with other prices), 40 % give only a
supplier name or VAT id and a total matching an order, 10 % are duplicates of an earlier one,
10 % match nothing. The counts of links made are printed as a check that the work was real.

SQLite by default (a temporary file per size). ``--database-url postgresql+asyncpg://...``
names a PostgreSQL server; the bench creates its own database there for each size and drops it.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn  # noqa: E402
from rich.table import Table  # noqa: E402
from sqlalchemy import insert  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.catalog import order_number_key  # noqa: E402
from bot.config import LinkingConfig  # noqa: E402
from bot.linking import InvoiceLinker  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import (  # noqa: E402
    BulkImportation,
    Invoice,
    InvoiceLineItem,
    Outlet,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
    tax_id_key,
)

console = Console()
START = date(2015, 1, 1)
PRODUCTS = [
    "Tomatoes vine", "Red onions", "Leeks", "Carrots", "Potatoes", "Chicken breast",
    "Beef mince", "Salmon fillet", "Whole milk", "Butter", "Eggs free range", "Flour",
    "Olive oil", "Basil", "Lemons", "Cream", "Cheddar", "Mozzarella", "Rice", "Pasta",
]  # fmt: skip
WORDS = [
    "Fresh", "Green", "Golden", "Royal", "North", "South", "Harbour", "Valley", "Market",
    "Farm", "Dairy", "Fish", "Meat", "Bakery", "Produce", "Foods", "Trading", "Select",
]  # fmt: skip


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Time per invoice of linking against growing numbers of purchase orders.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    p.add_argument("--invoices", type=int, default=10_000, help="invoices to link (10000)")
    p.add_argument(
        "--orders",
        default="5000,20000,50000",
        help="comma-separated order counts, one run each (5000,20000,50000)",
    )
    p.add_argument("--outlets", type=int, default=20, help="outlets (20)")
    p.add_argument("--suppliers", type=int, default=300, help="suppliers (300)")
    p.add_argument(
        "--suppliers-per-outlet", type=int, default=25, help="suppliers each outlet buys from (25)"
    )
    p.add_argument(
        "--orders-per-day", type=float, default=20, help="orders per day over all outlets (20)"
    )
    p.add_argument("--fixed-span", type=int, help="put all orders in this many days instead")
    p.add_argument("--database-url", help="a PostgreSQL server URL (default: SQLite temp files)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument(
        "--explain",
        action="store_true",
        help="after the last run, print the query plan of every SELECT linking issued",
    )
    return p.parse_args()


@dataclass
class Run:
    orders: int
    invoices: int
    seconds: list[float]
    outcomes: Counter[str]
    setup_seconds: float
    #: query plan lines per distinct SELECT (with --explain)
    plans: dict[str, list[str]] | None = None


@asynccontextmanager
async def database(url: str | None, tag: str) -> AsyncIterator[Database]:
    """A fresh, migrated database for one run; removed afterwards."""
    if url is None:
        with tempfile.TemporaryDirectory() as folder:
            db = Database(f"sqlite+aiosqlite:///{folder}/bench.db")
            try:
                await upgrade(db)
                yield db
            finally:
                await db.close()
        return
    import asyncpg

    server = make_url(url)
    name = f"bench_linking_{tag}_{uuid.uuid4().hex[:8]}"
    admin_dsn = server.set(drivername="postgresql").render_as_string(hide_password=False)
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    db = Database(server.set(database=name).render_as_string(hide_password=False))
    try:
        await upgrade(db)
        yield db
    finally:
        await db.close()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def fill(db: Database, args: argparse.Namespace, n_orders: int) -> list[str]:
    """Outlets, suppliers, orders with lines, and invoices ready to link; returns invoice ids."""
    rnd = random.Random(args.seed)
    outlets = [f"olt-{i}" for i in range(args.outlets)]
    suppliers: list[dict[str, str]] = []
    names: set[str] = set()
    while len(suppliers) < args.suppliers:
        title = f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {rnd.choice(WORDS)} {len(names)}"
        if title in names:
            continue
        names.add(title)
        vat = f"NL{rnd.randrange(10**8, 10**9)}B01"
        suppliers.append({"id": f"sup-{len(suppliers)}", "name": title, "tax_id": vat})
    buys_from = {o: rnd.sample(suppliers, args.suppliers_per_outlet) for o in outlets}
    span = args.fixed_span or max(int(n_orders / args.orders_per_day), 1)
    orders: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for i in range(n_orders):
        outlet = rnd.choice(outlets)
        supplier = rnd.choice(buys_from[outlet])
        number = f"PO-{i + 1:06d}"
        items: list[dict[str, Any]] = []
        for position, product in enumerate(rnd.sample(PRODUCTS, 3)):
            quantity = Decimal(rnd.randrange(1, 40))
            price = Decimal(rnd.randrange(50, 3000)) / 100
            items.append(
                {
                    "purchase_order_id": number,
                    "position": position,
                    "description": product,
                    "product_code": f"P{PRODUCTS.index(product):03d}",
                    "quantity": quantity,
                    "unit": "kg",
                    "unit_price": price,
                    "total": quantity * price,
                }
            )
        lines.extend(items)
        orders.append(
            {
                "id": number,
                "order_number": number,
                "order_number_key": order_number_key(number),
                "outlet_id": outlet,
                "supplier_id": supplier["id"],
                "status": rnd.choice(("ORDERED", "DELIVERED", "DELIVERED", "IN_PROGRESS")),
                "ordered_on": START + timedelta(days=rnd.randrange(span)),
                "total": sum((item["total"] for item in items), Decimal(0)),
                "currency": "EUR",
            }
        )
    by_id = {s["id"]: s for s in suppliers}
    lines_of: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        lines_of.setdefault(line["purchase_order_id"], []).append(line)

    invoices: list[dict[str, Any]] = []
    items_out: list[dict[str, Any]] = []
    batch_id = str(uuid.uuid4())
    for i in range(args.invoices):
        po = rnd.choice(orders)
        supplier = by_id[po["supplier_id"]]
        kind = rnd.random()
        invoice_id = str(uuid.uuid4())
        number = f"INV-{i:06d}"
        total = po["total"]
        refs: list[str] = []
        name: str | None = supplier["name"].upper() + " B.V."
        tax_id: str | None = None
        invoice_lines = [dict(line) for line in lines_of[po["id"]]]
        if kind < 0.4:
            refs = [rnd.choice((f"Bestellnummer {po['order_number'][3:]}", po["order_number"]))]
            if rnd.random() < 0.2:
                invoice_lines[0]["unit_price"] *= Decimal("1.10")
        elif kind < 0.8:
            total += Decimal(rnd.randrange(-50, 50)) / 100
            tax_id = supplier["tax_id"] if rnd.random() < 0.5 else None
        elif kind < 0.9 and invoices:
            earlier = rnd.choice(invoices)
            number, total = earlier["invoice_number"], earlier["total_incl_tax"]
            name, tax_id = earlier["supplier_name"], earlier["supplier_tax_id"]
        else:
            total = Decimal(rnd.randrange(100, 10**6)) / 100
            invoice_lines = []
        invoices.append(
            {
                "id": invoice_id,
                "bulk_importation_id": batch_id,
                "outlet_id": po["outlet_id"],
                "processing_status": "PROCESSED",
                "invoice_number": number,
                "invoice_date": po["ordered_on"] + timedelta(days=rnd.randrange(0, 10)),
                "currency": "EUR",
                "total_incl_tax": total,
                "total_excl_tax": None,
                "supplier_name": name,
                "supplier_tax_id": tax_id,
                "po_references": refs,
                "extraction": {"engine": "bench", "warnings": [], "error": None},
                "file_name": f"{number}.pdf",
                "file_sha256": uuid.uuid4().hex * 2,
                "file_size": 1000,
                "source_channel": "cli",
            }
        )
        for position, line in enumerate(invoice_lines):
            items_out.append(
                {
                    "invoice_id": invoice_id,
                    "position": position,
                    **{k: line[k] for k in ("description", "product_code", "quantity", "unit")},
                    "unit_price": line["unit_price"].quantize(Decimal("0.01")),
                    "total": line["total"],
                }
            )

    async with db.session() as session:
        await session.execute(insert(Outlet), [{"id": o, "name": o} for o in outlets])
        await session.execute(
            insert(Supplier),
            [s | {"tax_id_key": tax_id_key(s["tax_id"]), "aliases": []} for s in suppliers],
        )
        for chunk in _chunks(orders, 5000):
            await session.execute(insert(PurchaseOrder), chunk)
        for chunk in _chunks(lines, 10000):
            await session.execute(insert(PurchaseOrderLine), chunk)
        await session.execute(
            insert(BulkImportation), [{"id": batch_id, "outlet_id": outlets[0], "channel": "cli"}]
        )
        for chunk in _chunks(invoices, 5000):
            await session.execute(insert(Invoice), chunk)
        for chunk in _chunks(items_out, 10000):
            await session.execute(insert(InvoiceLineItem), chunk)
    if db.dialect == "postgresql":
        async with db.engine.connect() as conn:
            await conn.exec_driver_sql("ANALYZE")
    else:
        async with db.session() as session:
            await session.execute(_text("ANALYZE"))
    return [inv["id"] for inv in invoices]


def _text(sql: str) -> Any:
    from sqlalchemy import text

    return text(sql)


def _chunks(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


async def run_one(args: argparse.Namespace, n_orders: int, progress: Progress) -> Run:
    linker = InvoiceLinker(LinkingConfig())
    async with database(args.database_url, str(n_orders)) as db:
        started = time.perf_counter()
        ids = await fill(db, args, n_orders)
        setup = time.perf_counter() - started
        task = progress.add_task(f"{n_orders:>6} orders", total=len(ids))
        seconds: list[float] = []
        outcomes: Counter[str] = Counter()
        for invoice_id in ids:
            t0 = time.perf_counter()
            async with db.session() as session:
                invoice = await session.get(Invoice, invoice_id)
                assert invoice is not None
                await linker.link(session, invoice)
                kinds = sorted({link.link for link in invoice.purchase_order_links})
                outcomes["+".join(kinds) or "not linked"] += 1
                if invoice.approval_status == "FLAGGED":
                    outcomes["flagged"] += 1
                if invoice.extraction.get("supplier_match"):
                    outcomes["supplier matched"] += 1
            seconds.append(time.perf_counter() - t0)
            progress.advance(task)
        plans = await explain(db, linker, ids[:300]) if args.explain else None
        return Run(n_orders, len(ids), seconds, outcomes, setup, plans)


async def explain(db: Database, linker: InvoiceLinker, ids: list[str]) -> dict[str, list[str]]:
    """Link ``ids`` again, catching each distinct SELECT, and ask the database for its plan."""
    from sqlalchemy import event

    seen: dict[str, Any] = {}

    def catch(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and statement not in seen:
            seen[statement] = params

    event.listen(db.engine.sync_engine, "before_cursor_execute", catch)
    try:
        for invoice_id in ids:
            async with db.session() as session:
                invoice = await session.get(Invoice, invoice_id)
                assert invoice is not None
                await linker.link(session, invoice)  # linking again changes nothing
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", catch)
    prefix = "EXPLAIN QUERY PLAN " if db.dialect == "sqlite" else "EXPLAIN "
    plans = {}
    async with db.engine.connect() as conn:
        for statement, params in seen.items():
            rows = await conn.exec_driver_sql(prefix + statement, params)
            plans[statement] = [str(row[-1]) for row in rows.all()]
    return plans


async def main() -> int:
    args = parse_args()
    sizes = [int(part) for part in args.orders.split(",") if part.strip()]
    backend = "PostgreSQL" if args.database_url else "SQLite"
    runs = []
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        for n in sizes:
            runs.append(await run_one(args, n, progress))
    table = Table(title=f"Linking {args.invoices:,} invoices on {backend}: time per invoice")
    for column in ("orders", "mean ms", "median ms", "p95 ms", "max ms", "setup s"):
        table.add_column(column, justify="right")
    for run in runs:
        ms = sorted(s * 1000 for s in run.seconds)
        table.add_row(
            f"{run.orders:,}",
            f"{statistics.fmean(ms):.2f}",
            f"{statistics.median(ms):.2f}",
            f"{ms[max(int(len(ms) * 0.95) - 1, 0)]:.2f}",
            f"{ms[-1]:.1f}",
            f"{run.setup_seconds:.1f}",
        )
    console.print(table)
    outcomes = Table(title="What linking did (a check that the work was real)")
    outcomes.add_column("outcome")
    for run in runs:
        outcomes.add_column(f"{run.orders:,} orders", justify="right")
    kinds = sorted({k for run in runs for k in run.outcomes})
    for kind in kinds:
        outcomes.add_row(kind, *(str(run.outcomes.get(kind, 0)) for run in runs))
    console.print(outcomes)
    if runs and runs[-1].plans is not None:
        console.print(plan_table(runs[-1].plans, runs[-1].orders))
    return 0


def plan_table(plans: dict[str, list[str]], orders: int) -> Table:
    """One row per query shape (IN lists folded): its FROM ... WHERE and its plan."""
    shapes: dict[str, str] = {}
    for statement, plan in plans.items():
        flat = " ".join(statement.split())
        flat = re.sub(r"\((?:\?|\$\d+)(?:, (?:\?|\$\d+))*\)", "(...)", flat)
        where = flat[flat.find(" FROM ") + 1 :] if " FROM " in flat else flat
        shapes.setdefault(where[:160], "\n".join(plan))
    table = Table(title=f"Query plans of linking ({orders:,} orders)", show_lines=True)
    table.add_column("query", overflow="fold", max_width=70)
    table.add_column("plan", overflow="fold")
    for where, steps in shapes.items():
        table.add_row(where, steps)
    return table


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))

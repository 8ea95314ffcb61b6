"""``outlets``, ``suppliers``, ``purchase-orders``, ``clients`` and ``files``."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table

from bot.app import open_services
from bot.catalog import OutletIn, SupplierIn, parse
from bot.config import Config
from bot.orphans import find_orphans, remove_orphans

out = Console()


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)


async def outlets_add(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        outlet = await svc.catalog.add_outlet(parse(OutletIn, {"id": args.id, "name": args.name}))
    out.print(f"outlet {outlet['id']} added")
    return 0


async def outlets_list(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        _, rows = await svc.catalog.list_outlets()
    _table("Outlets", ["id", "name"], [[r["id"], r["name"]] for r in rows])
    return 0


async def suppliers_add(config: Config, args: argparse.Namespace) -> int:
    data = parse(
        SupplierIn,
        {
            "id": args.id,
            "name": args.name,
            "tax_id": args.tax_id,
            "aliases": args.alias,
            "emails": args.email,
        },
    )
    async with open_services(config, with_channels=False) as svc:
        supplier = await svc.catalog.add_supplier(data)
    out.print(f"supplier {supplier['id']} added")
    return 0


async def suppliers_list(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        _, rows = await svc.catalog.list_suppliers()
    _table(
        "Suppliers",
        ["id", "name", "tax id", "aliases"],
        [[r["id"], r["name"], r["tax_id"], "; ".join(r["aliases"])] for r in rows],
    )
    return 0


async def suppliers_import(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        n = await svc.catalog.import_suppliers_csv(args.csv)
    out.print(f"{n} supplier(s) imported")
    return 0


async def purchase_orders_import(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        n = await svc.catalog.import_purchase_orders_csv(args.csv)
    out.print(f"{n} purchase order(s) imported")
    return 0


async def purchase_orders_list(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        _, rows = await svc.catalog.list_purchase_orders(
            outlet_id=args.outlet, supplier_id=args.supplier
        )
    _table(
        "Purchase orders",
        ["id", "number", "outlet", "supplier", "status", "ordered on", "total", "lines"],
        [
            [
                r["id"],
                r["order_number"],
                r["outlet"],
                r["supplier"],
                r["status"],
                r["ordered_on"],
                r["total"],
                len(r["lines"]),
            ]
            for r in rows
        ],
    )
    return 0


async def clients_create(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        client = await svc.auth.create_client(args.name, args.scopes, args.outlets)
    if args.json:
        print(json.dumps({"client_id": client.client_id, "client_secret": client.client_secret}))
        return 0
    out.print(f"client [bold]{client.name}[/] created")
    out.print(f"  client_id:     {client.client_id}")
    out.print(f"  client_secret: {client.client_secret}")
    out.print("[yellow]The secret is shown only this once; store it now.[/]")
    return 0


async def clients_list(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        rows = await svc.auth.list_clients()
    _table(
        "API clients",
        ["client_id", "name", "scopes", "outlets", "revoked"],
        [
            [
                r["client_id"],
                r["name"],
                " ".join(r["scopes"]),  # type: ignore[arg-type]
                "all" if r["outlets"] is None else ",".join(r["outlets"]),  # type: ignore[arg-type]
                "yes" if r["revoked"] else "",
            ]
            for r in rows
        ],
    )
    return 0


async def clients_revoke(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        await svc.auth.revoke(args.client_id)
    out.print(f"client {args.client_id} revoked")
    return 0


async def files_orphans(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), console=out, transient=True
        ) as progress:
            task = progress.add_task(f"listing {svc.files.describe()}", total=None)
            found = [
                orphan
                async for orphan in find_orphans(
                    svc.files, svc.db, args.older_than * 3600, lambda: progress.advance(task)
                )
            ]
            listed = int(progress.tasks[0].completed)
        size = _megabytes(sum(orphan.size for orphan in found))
        out.print(
            f"{listed} stored files in {svc.files.describe()}; {len(found)} of them ({size}) "
            f"written more than {args.older_than:g} h ago and named by no invoice"
        )
        if not found:
            return 0
        table = Table(title="files no invoice names")
        table.add_column("sha256", no_wrap=True)
        table.add_column("bytes", justify="right")
        table.add_column("written")
        for o in found:
            when = datetime.fromtimestamp(o.modified).isoformat(" ", "minutes")
            table.add_row(o.sha256, str(o.size), when)
        out.print(table)
        if not args.delete:
            out.print("nothing removed; run again with --delete to remove them")
            return 0
        named = await remove_orphans(svc.files, svc.db, found)
    out.print(f"removed {len(found)} files ({size})")
    if named:
        out.print(
            f"[red]{len(named)} of them were named by an invoice committed while this ran; "
            "that invoice has lost its file and must be sent again:[/] " + ", ".join(sorted(named))
        )
        return 1
    return 0


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"

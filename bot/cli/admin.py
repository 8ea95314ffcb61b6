"""``outlets``, ``suppliers``, ``purchase-orders`` and ``clients``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bot.app import open_services
from bot.auth import PROCUREMENT
from bot.catalog import OutletIn, SupplierIn, parse
from bot.config import Config

out = Console()


def _csv_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def register(sub: Any) -> None:
    p = sub.add_parser("outlets", help="add or list outlets", description="Outlets (sites).")
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    a = s.add_parser("add", help="add an outlet", description="Add an outlet.")
    a.add_argument("id", help="the outlet id (your own system's id)")
    a.add_argument("--name", required=True, help="display name")
    a.set_defaults(run=outlets_add)
    s.add_parser("list", help="list outlets", description="List outlets.").set_defaults(
        run=outlets_list
    )

    p = sub.add_parser("suppliers", help="add, list or import suppliers", description="Suppliers.")
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    a = s.add_parser("add", help="add a supplier", description="Add a supplier.")
    a.add_argument("id", nargs="?", help="the supplier id (generated when left out)")
    a.add_argument("--name", required=True)
    a.add_argument("--tax-id", help="VAT id")
    a.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    a.add_argument("--email", action="append", default=[], help="sender address (repeatable)")
    a.set_defaults(run=suppliers_add)
    s.add_parser("list", help="list suppliers", description="List suppliers.").set_defaults(
        run=suppliers_list
    )
    i = s.add_parser(
        "import",
        help="import suppliers from CSV",
        description="Import suppliers from CSV with columns id, name, tax_id, "
        "aliases, emails (lists separated by ';'). All rows or none.",
    )
    i.add_argument("csv", type=Path)
    i.set_defaults(run=suppliers_import)

    p = sub.add_parser(
        "purchase-orders", help="import or list purchase orders", description="Purchase orders."
    )
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    i = s.add_parser(
        "import",
        help="import purchase orders from CSV",
        description="Import purchase orders from CSV, one row per order line: "
        "id, order_number, outlet, supplier, status, ordered_on, "
        "expected_delivery_date, total, currency, line_description, "
        "line_product_code, line_quantity, line_unit, line_unit_price, "
        "line_total. All rows or none; bad rows are named by line number.",
    )
    i.add_argument("csv", type=Path)
    i.set_defaults(run=purchase_orders_import)
    a = s.add_parser("list", help="list purchase orders", description="List purchase orders.")
    a.add_argument("--outlet")
    a.add_argument("--supplier")
    a.set_defaults(run=purchase_orders_list)

    p = sub.add_parser(
        "clients", help="API clients (OAuth2)", description="OAuth2 clients of the API."
    )
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    a = s.add_parser(
        "create",
        help="create a client and show its secret once",
        description="Create an API client. The secret is shown once.",
    )
    a.add_argument("name")
    a.add_argument("--outlets", type=_csv_list, help="limit to these outlet ids (comma-separated)")
    a.add_argument(
        "--scopes", type=_csv_list, default=[PROCUREMENT], help=f"scopes (default {PROCUREMENT})"
    )
    a.add_argument("--json", action="store_true", help="print {client_id, client_secret} as JSON")
    a.set_defaults(run=clients_create)
    s.add_parser("list", help="list clients", description="List API clients.").set_defaults(
        run=clients_list
    )
    r = s.add_parser(
        "revoke",
        help="revoke a client and its tokens",
        description="Revoke a client and its tokens.",
    )
    r.add_argument("client_id")
    r.set_defaults(run=clients_revoke)


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

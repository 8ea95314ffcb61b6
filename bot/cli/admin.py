"""The arguments of outlets, suppliers, purchase orders and API clients; the commands
themselves are in ``bot/cli/admin_commands.py``, imported only when one runs (fast ``--help``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.lazy import command
from bot.scopes import PROCUREMENT


def csv_list(value: str) -> list[str]:
    """A comma-separated argument (``--outlets olt-1,olt-2``) as a list."""
    return [part.strip() for part in value.split(",") if part.strip()]


def hours(value: str) -> float:
    """A number of hours, zero or more."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of hours (0 or more)")
    return number


def register(sub: Any) -> None:
    p = sub.add_parser("outlets", help="add or list outlets", description="Outlets (sites).")
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    a = s.add_parser("add", help="add an outlet", description="Add an outlet.")
    a.add_argument("id", help="the outlet id (your own system's id)")
    a.add_argument("--name", required=True, help="display name")
    a.set_defaults(run=command("bot.cli.admin_commands:outlets_add"))
    s.add_parser("list", help="list outlets", description="List outlets.").set_defaults(
        run=command("bot.cli.admin_commands:outlets_list")
    )

    p = sub.add_parser("suppliers", help="add, list or import suppliers", description="Suppliers.")
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    a = s.add_parser("add", help="add a supplier", description="Add a supplier.")
    a.add_argument("id", nargs="?", help="the supplier id (generated when left out)")
    a.add_argument("--name", required=True)
    a.add_argument("--tax-id", help="VAT id")
    a.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    a.add_argument("--email", action="append", default=[], help="sender address (repeatable)")
    a.set_defaults(run=command("bot.cli.admin_commands:suppliers_add"))
    s.add_parser("list", help="list suppliers", description="List suppliers.").set_defaults(
        run=command("bot.cli.admin_commands:suppliers_list")
    )
    i = s.add_parser(
        "import",
        help="import suppliers from CSV",
        description="Import suppliers from CSV with columns id, name, tax_id, "
        "aliases, emails (lists separated by ';'). All rows or none.",
    )
    i.add_argument("csv", type=Path)
    i.set_defaults(run=command("bot.cli.admin_commands:suppliers_import"))

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
    i.set_defaults(run=command("bot.cli.admin_commands:purchase_orders_import"))
    a = s.add_parser("list", help="list purchase orders", description="List purchase orders.")
    a.add_argument("--outlet")
    a.add_argument("--supplier")
    a.set_defaults(run=command("bot.cli.admin_commands:purchase_orders_list"))

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
    a.add_argument("--outlets", type=csv_list, help="limit to these outlet ids (comma-separated)")
    a.add_argument(
        "--scopes", type=csv_list, default=[PROCUREMENT], help=f"scopes (default {PROCUREMENT})"
    )
    a.add_argument("--json", action="store_true", help="print {client_id, client_secret} as JSON")
    a.set_defaults(run=command("bot.cli.admin_commands:clients_create"))
    s.add_parser("list", help="list clients", description="List API clients.").set_defaults(
        run=command("bot.cli.admin_commands:clients_list")
    )
    r = s.add_parser(
        "revoke",
        help="revoke a client and its tokens",
        description="Revoke a client and its tokens.",
    )
    r.add_argument("client_id")
    r.set_defaults(run=command("bot.cli.admin_commands:clients_revoke"))

    p = sub.add_parser("files", help="stored invoice files", description="The invoice file store.")
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    a = s.add_parser(
        "orphans",
        help="find (and with --delete remove) stored files no invoice names",
        description="List the files in the store ([storage] path or bucket) that no invoice "
        "names: left by a process killed between storing a batch and committing it, or by a "
        "store or database that was down while a failed batch was taken back. Only files "
        "written before the grace period count. Nothing is removed without --delete. The "
        "folder or bucket prefix must belong to this installation alone: files another "
        "installation stored there are orphans to this one.",
    )
    a.add_argument(
        "--older-than",
        type=hours,
        default=24.0,
        metavar="HOURS",
        help="only files written more than HOURS ago (default 24)",
    )
    a.add_argument("--delete", action="store_true", help="remove the files found")
    a.set_defaults(run=command("bot.cli.admin_commands:files_orphans"))

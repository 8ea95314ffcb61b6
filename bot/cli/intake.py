"""The arguments of import, status and extract; the commands themselves are in
``bot/cli/intake_commands.py``, imported only when one of them runs (a fast ``--help``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.cli.lazy import command
from storage.status import Channel


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="import PDF files or folders (split into batches)",
        description="Import PDFs (files, or folders searched for *.pdf) through the same "
        "intake as the API, in batches of at most --batch-size files; then process them and "
        "print the results.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--outlet", required=True, help="outlet id")
    p.add_argument("--supplier", help="supplier id for every invoice")
    p.add_argument("--purchase-orders", default="", help="comma-separated purchase-order ids")
    p.add_argument(
        "--no-wait", action="store_true", help="only enqueue; leave processing to running workers"
    )
    p.add_argument(
        "--batch-size",
        type=int,
        metavar="N",
        help="files per batch (default and most: [limits] max_files)",
    )
    p.add_argument("--details", action="store_true", help="every warning, not the first")
    p.add_argument("--json", action="store_true", help="print the batches as JSON")
    p.set_defaults(run=command("bot.cli.intake_commands:import_files"))

    p = sub.add_parser(
        "status",
        help="show a batch, or the last batches",
        description="Show one bulk importation with its invoices, or without an id the last "
        "batches (newest first) with their counts and where their reply stands.",
    )
    p.add_argument("batch_id", nargs="?", help="a bulk importation id (default: list batches)")
    p.add_argument("--outlet", help="only batches of this outlet (list)")
    p.add_argument("--channel", choices=[str(c) for c in Channel], help="only this channel (list)")
    p.add_argument("--last", type=int, default=20, metavar="N", help="how many (list; default 20)")
    p.add_argument("--details", action="store_true", help="every warning, not the first")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(run=command("bot.cli.intake_commands:status"))

    p = sub.add_parser(
        "extract",
        help="extract one PDF and print JSON (no database)",
        description="Extract the fields of one PDF and print them as JSON in the "
        "contract's names. Touches no database.",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--engine", help="auto, local, einvoice, gemini (default: [extraction] engine)")
    p.set_defaults(run=command("bot.cli.extract_command:extract"))

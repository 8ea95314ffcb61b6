"""``import``, ``status`` and ``extract``."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bot.app import Services, open_services
from bot.batch import Batch, Source
from bot.config import Config
from bot.errors import InvalidRequest
from bot.extract import build_extractor
from bot.views import BatchView

out = Console()
err = Console(stderr=True)
CHUNK = 256 * 1024


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="import PDF files or folders as one batch",
        description="Import PDFs (files, or folders searched for *.pdf) as one "
        "batch through the same intake as the API; then process them and print "
        "the results.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--outlet", required=True, help="outlet id")
    p.add_argument("--supplier", help="supplier id for every invoice")
    p.add_argument("--purchase-orders", default="", help="comma-separated purchase-order ids")
    p.add_argument(
        "--no-wait", action="store_true", help="only enqueue; leave processing to running workers"
    )
    p.add_argument("--json", action="store_true", help="print the batch as JSON")
    p.set_defaults(run=import_files)

    p = sub.add_parser("status", help="show a batch", description="Show a bulk importation.")
    p.add_argument("batch_id")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(run=status)

    p = sub.add_parser(
        "extract",
        help="extract one PDF and print JSON (no database)",
        description="Extract the fields of one PDF and print them as JSON in the "
        "contract's names. Touches no database.",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--engine", help="auto, local, einvoice, gemini (default: [extraction] engine)")
    p.set_defaults(run=extract)


def _collect(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf"))
        elif path.is_file():
            found.append(path)
        else:
            raise InvalidRequest(f"{path} does not exist", field="paths")
    return found


async def _read_chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as fh:  # noqa: ASYNC230 - chunked local reads, one file at a time
        while chunk := await asyncio.to_thread(fh.read, CHUNK):
            yield chunk


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
    )


async def import_files(config: Config, args: argparse.Namespace) -> int:
    paths = _collect(args.paths)
    async with open_services(config) as svc:
        svc.intake.check_file_count(len(paths))
        batch = Batch(
            outlet_id=args.outlet,
            supplier_id=args.supplier,
            purchase_order_ids=[p.strip() for p in args.purchase_orders.split(",") if p.strip()],
            files=[],
            source=Source("cli", None),
        )
        await svc.intake.check_request(batch, len(paths))
        with _progress() as progress:
            task = progress.add_task("reading", total=len(paths))
            try:
                for i, path in enumerate(paths):
                    batch.files.append(
                        await svc.intake.receive(f"file[{i}]", path.name, _read_chunks(path))
                    )
                    progress.advance(task)
            except BaseException:
                for incoming in batch.files:
                    incoming.discard()
                raise
        result = await svc.intake.submit(batch)
        assert result.bulk_importation_id is not None
        for error in result.errors:
            err.print(f"[red]refused[/] {error.filename}: {error.detail} ({error.code})")
        if result.invoices and not args.no_wait:
            await _process(svc, result.bulk_importation_id, len(result.invoices))
        view = await svc.invoices.batch(result.bulk_importation_id)
    _print_batch(view, args.json)
    return 0 if result.invoices else 1


async def _process(svc: Services, batch_id: str, total: int) -> None:
    worker = svc.worker()
    stop = asyncio.Event()
    runner = asyncio.create_task(worker.run(stop))
    try:
        with _progress() as progress:
            task = progress.add_task("processing", total=total)
            while True:
                view = await svc.invoices.batch(batch_id, with_invoices=False)
                pending = view.counts.get("TO_BE_PROCESSED", 0) + view.counts.get("IN_PROGRESS", 0)
                progress.update(task, completed=total - pending)
                if view.done:
                    break
                await asyncio.sleep(0.2)
    finally:
        stop.set()
        await runner


def _print_batch(view: BatchView, as_json: bool) -> None:
    if as_json:
        print(json.dumps(view.as_dict(), indent=2, default=str))
        return
    data = view.as_dict()
    out.print(
        f"batch [bold]{view.id}[/] outlet {view.outlet} via {view.channel}: "
        f"{'done' if view.done else 'in progress'}"
    )
    table = Table()
    for column in ("file", "status", "number", "date", "total", "supplier", "remarks"):
        table.add_column(column)
    for inv in view.invoices:
        remarks = inv["extraction"].get("error") or "; ".join(inv["extraction"].get("warnings", []))
        total = f"{inv['total_incl_tax'] or ''} {inv['currency'] or ''}".strip()
        table.add_row(
            inv["file"]["filename"],
            inv["processing_status"],
            inv["invoice_number"] or "",
            inv["invoice_date"] or "",
            total,
            inv["supplier_name"] or "",
            remarks,
        )
    for error in data["errors"]:
        table.add_row(
            error["filename"], f"refused ({error['code']})", "", "", "", "", error["detail"]
        )
    out.print(table)


async def status(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config) as svc:
        view = await svc.invoices.batch(args.batch_id)
    _print_batch(view, args.json)
    return 0


async def extract(config: Config, args: argparse.Namespace) -> int:
    pdf = await asyncio.to_thread(args.file.read_bytes)
    extractor = build_extractor(config.extraction, args.engine)
    result = await extractor.extract(pdf)
    data = result.invoice.model_dump(mode="json")
    data["extraction"] = {
        "engine": result.engine,
        "confidence": result.confidence,
        "warnings": result.warnings,
    }
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0

"""``import``, ``status`` and ``extract``."""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from bot.app import Services, open_services
from bot.batch import BatchRequest, IntakeResult, Sender, Source
from bot.config import Config
from bot.errors import InvalidRequest
from bot.report import BatchReport
from bot.views import batch_summary_view, batch_view, money
from storage.batches import BatchFilter
from storage.status import Channel, ReplyStatus

out = Console()
err = Console(stderr=True)
CHUNK = 256 * 1024


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
    most = config.limits.max_files
    size = args.batch_size or most
    if not 1 <= size <= most:
        raise InvalidRequest(f"--batch-size must be between 1 and {most} ([limits] max_files)")
    if not paths:
        raise InvalidRequest("no PDF files found in the given paths")
    request = BatchRequest.of(args.outlet, args.supplier, args.purchase_orders)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    results: list[IntakeResult] = []
    async with open_services(config) as svc:
        await svc.intake.check_request(request, Sender(), len(chunks[0]))
        with _progress() as progress:
            task = progress.add_task("reading", total=len(paths))
            for chunk in chunks:
                results.append(await _import_one(svc, request, chunk, progress, task))
        for result in results:
            for error in result.errors:
                err.print(f"[red]refused[/] {error.filename}: {error.detail} ({error.code})")
        accepted = sum(len(result.invoices) for result in results)
        if accepted and not args.no_wait:
            await _process(svc, [r.bulk_importation_id for r in results], accepted)
        reports = [await svc.invoices.batch(r.bulk_importation_id) for r in results]
    _print_import(reports, args.json, args.details)
    return 0 if accepted else 1


async def _import_one(
    svc: Services, request: BatchRequest, paths: list[Path], progress: Progress, task: TaskID
) -> IntakeResult:
    async with svc.intake.open(Source(Channel.CLI), request, expected_files=len(paths)) as batch:
        for i, path in enumerate(paths):
            await batch.add(f"file[{i}]", path.name, _read_chunks(path))
            progress.advance(task)
        return await batch.submit()


async def _process(svc: Services, batch_ids: list[str], total: int) -> None:
    worker = svc.worker()
    stop = asyncio.Event()
    runner = asyncio.create_task(worker.run(stop))
    try:
        with _progress() as progress:
            task = progress.add_task("processing", total=total)
            while True:
                pending = await svc.invoices.pending(batch_ids)
                progress.update(task, completed=total - pending)
                if not pending:
                    break
                await asyncio.sleep(0.2)
    finally:
        stop.set()
        await runner


def _print_import(reports: list[BatchReport], as_json: bool, details: bool) -> None:
    totals: Counter[str] = Counter()
    for report in reports:
        totals.update({str(status): n for status, n in report.counts.items()})
    refused = sum(len(report.refused) for report in reports)
    if as_json:
        print(
            json.dumps(
                {
                    "batches": [batch_view(report) for report in reports],
                    "counts": dict(totals),
                    "refused": refused,
                },
                indent=2,
                default=str,
            )
        )
        return
    for report in reports:
        _print_batch(report, False, details)
    if len(reports) > 1:
        parts = [f"{n} {status}" for status, n in sorted(totals.items())]
        if refused:
            parts.append(f"{refused} refused")
        out.print(f"{len(reports)} batches: " + ", ".join(parts))


def _print_batch(report: BatchReport, as_json: bool, details: bool = False) -> None:
    if as_json:
        print(json.dumps(batch_view(report), indent=2, default=str))
        return
    out.print(
        f"batch [bold]{report.id}[/] outlet {report.outlet_id} via {report.channel}: "
        f"{'done' if report.done else 'in progress'}{_reply_note(report)}"
    )
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column, options in COLUMNS:
        table.add_column(column, no_wrap=True, overflow="ellipsis", **options)
    for inv in report.invoices:
        reasons = [inv.error] if inv.error else list(inv.warnings)
        total = f"{money(inv.total) or ''} {inv.currency or ''}".strip()
        table.add_row(
            inv.filename,
            str(inv.status),
            inv.number or "",
            inv.invoice_date.isoformat() if inv.invoice_date else "",
            total,
            inv.supplier_name or "",
            "" if details else _short(reasons[0] if reasons else ""),
        )
    for refused in report.refused:
        table.add_row(refused.filename, "refused", "", "", "", "", _short(refused.detail))
    out.print(table)
    if details:
        for inv in report.invoices:
            reasons = [inv.error] if inv.error else list(inv.warnings)
            for reason in reasons:
                out.print(f"  {inv.filename}: {reason}", soft_wrap=True)


#: columns of the results table; with no_wrap and ellipsis it fits an 80-column terminal
COLUMNS: list[tuple[str, dict[str, Any]]] = [
    ("file", {"max_width": 18}),
    ("status", {}),
    ("number", {"max_width": 14}),
    ("date", {}),
    ("total", {"justify": "right"}),
    ("supplier", {"max_width": 16}),
    ("remark", {"ratio": 1}),
]


def _short(text: str, limit: int = 60) -> str:
    """The first sentence of a remark, at most ``limit`` characters."""
    first = text.split(". ")[0].strip()
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _reply_note(report: BatchReport) -> str:
    reply = report.reply
    if reply.status == ReplyStatus.NOT_NEEDED:
        return ""
    note = f"; reply {reply.status}"
    if reply.attempts:
        note += f" after {reply.attempts} attempt(s)"
    if reply.error:
        note += f" ({reply.error})"
    return note


async def status(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        if args.batch_id:
            report = await svc.invoices.batch(args.batch_id)
            _print_batch(report, args.json, args.details)
            return 0
        where = BatchFilter(outlet_id=args.outlet, channel=args.channel)
        _, reports = await svc.invoices.batches(where, 0, args.last)
    _print_batches(reports, args.json)
    return 0


def _print_batches(reports: Sequence[BatchReport], as_json: bool) -> None:
    if as_json:
        print(json.dumps([batch_summary_view(r) for r in reports], indent=2, default=str))
        return
    # two lines a batch: the id (what a person copies into `status ID`) is never cut, and it
    # fits an 80-column terminal
    for report in reports:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(report.counts.items()))
        if report.refused:
            counts = ", ".join(filter(None, [counts, f"{len(report.refused)} refused"]))
        state = "done" if report.done else "in progress"
        out.print(
            f"[bold]{report.id}[/]  {report.created_date:%Y-%m-%d %H:%M}  {report.channel}  "
            f"{state}, reply {report.reply.status}",
            soft_wrap=True,
        )
        out.print(f"    outlet {report.outlet_id}: {counts or 'no files'}", soft_wrap=True)
    if not reports:
        out.print("no batches")

"""Extraction accuracy over a folder of PDFs with their truth beside them (``x.pdf``, ``x.json``).

    python bench/accuracy.py DIR [--engine NAME] [--ignore-embedded-xml] [--show-errors]

Prints exact-match accuracy per field (counted only over files whose truth has the field), the
share of documents whose line items are all right, seconds per document, how long pypdf alone
takes to extract the text of the same pages (and the ratios), and the share of the fields read
that carry their position on the page (``extraction.positions``).

Comparison rules (kept simple and stated so numbers can be trusted):
- strings: equal after collapsing runs of whitespace to one space and stripping the ends;
  ``supplier_tax_id`` also ignores spaces, dots and dashes inside (``DE 123`` is ``DE123``);
- money and quantities: ``Decimal`` equality (``1.0`` equals ``1.00``); dates: ISO strings;
- ``po_references``: the same set of strings;
- line items: items whose fields are all null are dropped on both sides (XML grouping lines); the
  document is right when there are as many items as in the truth and each truth item is matched
  by a distinct extracted item whose fields agree on every field the truth gives (non-null).
  Descriptions are compared case- and whitespace-insensitively, and one may be a prefix of the
  other (truth taken from XML holds sometimes only the product name, sometimes name + note lines).
  Unit prices are compared at the truth's precision (the corpus truth rounds them to cents, so
  a printed 0,0520 counts as 0.05); quantities and line totals must be equal.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import logging
import os
import re
import sys
import time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.progress import Progress  # noqa: E402
from rich.table import Table  # noqa: E402

from bot.config import ExtractionConfig  # noqa: E402
from bot.errors import ExtractionError  # noqa: E402
from bot.extract import build_extractor  # noqa: E402
from bot.extract.isolation import Isolation, Limits  # noqa: E402
from bot.extract.parse import parse_pdf  # noqa: E402

FIELDS = (
    "document_type",
    "invoice_number",
    "invoice_date",
    "due_date",
    "currency",
    "total_excl_tax",
    "tax_amount",
    "total_incl_tax",
    "supplier_name",
    "supplier_tax_id",
    "po_references",
)
MONEY = {"total_excl_tax", "tax_amount", "total_incl_tax"}
#: fields whose value is printed as such (the type and currency are inferred), plus the items
PRINTED = [k for k in FIELDS if k not in ("document_type", "currency")] + ["line_items"]
ITEM_FIELDS = ("description", "product_code", "quantity", "unit", "unit_price", "total", "tax_rate")
ITEM_NUMBERS = {"quantity", "unit_price", "total", "tax_rate"}


def _text(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()


def _compact(value: Any) -> str:
    return re.sub(r"[\s.\-]", "", str(value)).upper()


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def same_field(name: str, truth: Any, got: Any) -> bool:
    """Does the extracted value ``got`` match the truth for field ``name``?"""
    if got is None:
        return truth is None
    if name in MONEY:
        return _decimal(truth) == _decimal(got)
    if name == "po_references":
        return {_text(v) for v in truth} == {_text(v) for v in got or []}
    if name == "supplier_tax_id":
        return _compact(truth) == _compact(got)
    return _text(truth) == _text(got)


def _same_description(truth: str, got: str | None) -> bool:
    if got is None:
        return False
    a, b = _text(truth).casefold(), _text(got).casefold()
    return a == b or a.startswith(b) or b.startswith(a)


def same_item(truth: dict[str, Any], got: dict[str, Any]) -> bool:
    for key in ITEM_FIELDS:
        want = truth.get(key)
        if want is None:
            continue
        have = got.get(key)
        if key == "description":
            if not _same_description(want, have):
                return False
        elif key == "unit_price":
            # the corpus truth rounds unit prices to cents (0.0520 -> 0.05)
            a, b = _decimal(want), _decimal(have)
            if a is None or b is None or a != b.quantize(a, rounding=ROUND_HALF_UP):
                return False
        elif key in ITEM_NUMBERS:
            if have is None or _decimal(want) != _decimal(have):
                return False
        elif have is None or _text(want).casefold() != _text(have).casefold():
            return False
    return True


def same_items(truth: list[dict[str, Any]], got: list[dict[str, Any]]) -> bool:
    """Every (non-empty) truth item matched by a distinct extracted item, and no extra items."""
    wanted = [t for t in truth if any(v is not None for v in t.values())]
    got = [g for g in got if any(g.get(k) is not None for k in ITEM_FIELDS)]
    if len(wanted) != len(got):
        return False
    free = list(range(len(got)))
    for item in wanted:
        match = next((k for k in free if same_item(item, got[k])), None)
        if match is None:
            return False
        free.remove(match)
    return True


def clock() -> tuple[float, float]:
    """Wall and CPU seconds of this process (differences of two readings are timings)."""
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    now = clock()
    return now[0] - start[0], now[1] - start[1]


def pypdf_seconds(pdf: bytes) -> tuple[float, float]:
    """Wall and CPU time pypdf alone needs for the plain text of all pages."""
    start = clock()
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        page.extract_text()
    return since(start)


async def start_seconds(isolation: Isolation, memory_mb: int, first: bytes) -> float:
    """Start the zygote and wait for its first answer, as a worker's is before its first job
    (its imports are paid once per process, not per document; uncounted, like pypdf's import).
    The answer comes from a child of another memory bound, so the documents still fork their
    own child in the timed run; pypdf and the in-process parse are warmed on the first file."""
    start = time.perf_counter()
    await isolation.run("builtins:len", b"", limits=Limits(memory_mb=memory_mb + 1))
    pypdf_seconds(first)
    local_parse_seconds(first)
    return time.perf_counter() - start


def tree_cpu(pid: int | None) -> float:
    """CPU seconds used so far by a process, its children alive and those it has waited for,
    from /proc (in clock ticks): the zygote's tree, read before it ends, as its interpreter's
    shutdown (~0.1 s) is no document's. The children are read first: one reaped meanwhile is
    then counted twice at worst, never missed."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        below = sum(tree_cpu(int(child)) for child in children)
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # it has just ended (its time is its parent's now)
        return 0.0
    return below + sum(int(t) for t in stat[11:15]) / os.sysconf("SC_CLK_TCK")


def add(total: list[float], timing: tuple[float, float]) -> None:
    total[0] += timing[0]
    total[1] += timing[1]


def per(total: list[float], pypdf: list[float], n: int) -> str:
    """Seconds per document, wall and CPU, each also as a ratio to pypdf's."""
    wall, cpu = total[0] / n, total[1] / n
    return (
        f"wall {wall:.4f} s a document ({total[0] / pypdf[0]:.2f}x pypdf),"
        f" CPU {cpu:.4f} s ({total[1] / pypdf[1]:.2f}x pypdf)"
    )


def local_parse_seconds(pdf: bytes) -> tuple[float, float]:
    """Wall and CPU time of the local engine's parsing alone, in this process (no child)."""
    start = clock()
    try:
        parse_pdf(pdf)
    except ExtractionError:
        pass  # the failure itself is counted by the engine run; this only times the parse
    return since(start)


async def run(args: argparse.Namespace) -> int:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    console = Console()
    folder = Path(args.dir)
    files = sorted(p for p in folder.glob("*.pdf") if p.with_suffix(".json").exists())  # noqa: ASYNC240
    if not files:
        console.print(f"[red]no PDF with a .json truth beside it in {folder}")
        return 2
    engine_name = args.engine
    if args.ignore_embedded_xml and engine_name in ("auto", "einvoice"):
        engine_name = "local"
    config, isolation = ExtractionConfig(engine=engine_name), Isolation()
    extractor = build_extractor(config, engine_name, isolation)
    started = await start_seconds(isolation, config.memory_mb, files[0].read_bytes())  # noqa: ASYNC240
    zygote_before = tree_cpu(isolation.pid)
    right = dict.fromkeys(FIELDS, 0)
    seen = dict.fromkeys(FIELDS, 0)
    items_right = items_seen = failures = 0
    engine = [0.0, 0.0]  # wall, CPU seconds; pypdf's and the in-process parse's likewise
    pypdf = [0.0, 0.0]
    parse = [0.0, 0.0]
    placed = fields_found = 0  # fields read, and those with a position on the page
    errors: list[str] = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(f"{extractor.name} on {folder.name}", total=len(files))
        for path in files:
            pdf = path.read_bytes()
            truth = json.loads(path.with_suffix(".json").read_text())
            start = clock()
            try:
                extraction = await extractor.extract(pdf)
            except ExtractionError as exc:
                extraction, error = None, exc
            add(engine, since(start))  # the engine's time only, not the scoring's below
            if extraction is not None:
                result = extraction.invoice.model_dump(mode="json")
                filled = [k for k in PRINTED if result.get(k) not in (None, [])]
                placed += sum(
                    1
                    for k in filled
                    if k in extraction.positions or f"{k}.0" in extraction.positions
                )
                fields_found += len(filled)
            else:
                failures += 1
                errors.append(f"{path.name}: ERROR {error}")
                result = {}
            add(pypdf, pypdf_seconds(pdf))
            if extractor.name == "local":
                add(parse, local_parse_seconds(pdf))
            for name in FIELDS:
                if name not in truth:
                    continue
                seen[name] += 1
                if same_field(name, truth[name], result.get(name)):
                    right[name] += 1
                else:
                    got = result.get(name)
                    errors.append(f"{path.name}: {name} want {truth[name]!r} got {got!r}")
            if "line_items" in truth:
                items_seen += 1
                if same_items(truth["line_items"], result.get("line_items") or []):
                    items_right += 1
                else:
                    errors.append(f"{path.name}: line_items differ")
            progress.advance(task)
    table = Table(title=f"{extractor.name} on {folder} ({len(files)} documents)")
    table.add_column("field")
    table.add_column("right", justify="right")
    table.add_column("of", justify="right")
    table.add_column("accuracy", justify="right")
    for name in FIELDS:
        if seen[name]:
            share = f"{right[name] / seen[name]:.1%}"
            table.add_row(name, str(right[name]), str(seen[name]), share)
    if items_seen:
        table.add_row(
            "line_items (all right)",
            str(items_right),
            str(items_seen),
            f"{items_right / items_seen:.1%}",
        )
    console.print(table)
    n = len(files)
    console.print(f"documents that failed: {failures}")
    engine[1] += tree_cpu(isolation.pid) - zygote_before
    isolation.close()
    console.print(f"engine (with its child process): {per(engine, pypdf, n)}", soft_wrap=True)
    if extractor.name == "local":
        console.print(f"local parse in process: {per(parse, pypdf, n)}", soft_wrap=True)
    console.print(f"pypdf extract_text(): {per(pypdf, pypdf, n)}", soft_wrap=True)
    console.print(f"zygote start-up and warm-up (not counted above): {started:.2f} s")
    if fields_found:
        console.print(f"fields read with a position on the page: {placed / fields_found:.1%}")
    if args.show_errors:
        for line in errors:
            console.print(line, markup=False, highlight=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="folder with x.pdf and x.json truth files")
    parser.add_argument("--engine", default="local", help="engine name (default: local)")
    parser.add_argument(
        "--ignore-embedded-xml",
        action="store_true",
        help="score the text engine even where e-invoice XML is embedded (auto/einvoice -> local)",
    )
    parser.add_argument("--show-errors", action="store_true", help="list every mismatch")
    return asyncio.run(run(parser.parse_args(argv)))


if __name__ == "__main__":
    raise SystemExit(main())

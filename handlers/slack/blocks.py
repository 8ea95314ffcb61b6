"""Batches and invoices in Slack's words: Block Kit, always with a plain-text fallback.

Every message is a :class:`Rendered`: ``text`` is what notifications and clients without
blocks show, ``blocks`` the layout. User-supplied strings (file names, supplier names) are
escaped, so a file called ``<!channel>.pdf`` pings nobody.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bot.batch import FileError, IntakeResult
from bot.report import BatchReport, InvoiceReport
from storage.status import ApprovalStatus, ProcessingStatus

#: Slack allows 50 blocks in a message; a few are kept for the head and the tail
MAX_ITEMS = 40
#: a section's text may hold 3000 characters
MAX_TEXT = 2900

HELP = (
    "`/invoices status`: the last 5 batches of this channel\n"
    "`/invoices status <batch id>`: one batch, invoice by invoice\n"
    "`/invoices pending`: this outlet's invoices that need a person\n"
    "`/invoices help`: this help"
)


@dataclass(frozen=True)
class Rendered:
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)


def escape(value: object) -> str:
    """Slack's mrkdwn control characters, made literal."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_TEXT]}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:MAX_TEXT]}]}


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def message(text: str) -> Rendered:
    """A short answer of one paragraph."""
    return Rendered(text, [_section(escape(text))])


def not_linked(channel: str) -> Rendered:
    return message(
        f"This channel ({channel}) is not linked to an outlet, so its files are not imported. "
        "Ask an admin to add it to [[slack.routes]]."
    )


def receiving(count: int) -> Rendered:
    return message(f"Receiving {_plural(count, 'file')}…")


def received(result: IntakeResult, files: int) -> Rendered:
    """The answer right after the batch was stored: its id and the files refused so far."""
    if result.repeated:
        head = f"These files were already received as batch {result.bulk_importation_id}."
    else:
        head = (
            f"Received {_plural(files, 'file')}, batch {result.bulk_importation_id}: "
            f"{_plural(len(result.invoices), 'invoice')} being read."
        )
    lines = [_error_line(e.filename, e.detail) for e in result.errors]
    text = "\n".join([head, *lines])
    blocks = [_section(f"*{escape(head)}*")]
    if lines:
        blocks.append(_section("\n".join(f"• {escape(line)}" for line in lines)))
    return Rendered(text, blocks)


def _error_line(filename: str, detail: str) -> str:
    return detail if filename and filename in detail else f"{filename}: {detail}"


def counts(report: BatchReport) -> str:
    """``2 PROCESSED, 1 INCOMPLETE`` in the order of the statuses."""
    parts = [f"{report.counts[s]} {s}" for s in ProcessingStatus if report.counts.get(s)]
    if report.refused:
        parts.append(f"{len(report.refused)} refused")
    return ", ".join(parts) or "no files"


def _headline(report: BatchReport) -> str:
    needing = len(report.needing_person)
    if not report.done:
        state = "in progress"
    elif needing or report.refused:
        state = f"done, {needing + len(report.refused)} to look at"
    else:
        state = "done, all processed"
    where = f" for {report.outlet_name}" if report.outlet_name else ""
    return f"Batch {report.id}{where}: {_plural(report.file_count, 'file')}, {state}"


def _money(currency: str | None, total: Decimal | None) -> str | None:
    if total is None:
        return None
    return f"{currency or ''} {total:,.2f}".strip()


def invoice_line(invoice: InvoiceReport) -> str:
    """One invoice on one line of plain text."""
    parts = [
        invoice.filename,
        str(invoice.status),
        invoice.supplier_name or "supplier unknown",
        f"no. {invoice.number}" if invoice.number else "no number",
        invoice.invoice_date.isoformat() if invoice.invoice_date else "no date",
        _money(invoice.currency, invoice.total) or "no total",
    ]
    if invoice.purchase_orders:
        parts.append("PO " + ", ".join(invoice.purchase_orders))
    line = " · ".join(parts)
    if invoice.attention:
        line += " | needs a person: " + ", ".join(invoice.attention)
    details = ([invoice.error] if invoice.error else []) + list(invoice.warnings)
    if details:
        line += " | " + "; ".join(details)
    return line


def _invoice_block(invoice: InvoiceReport) -> dict[str, Any]:
    name = escape(invoice.filename)
    title = f"<{invoice.url}|{name}>" if invoice.url else name
    mark = ":warning:" if invoice.needs_person else ":white_check_mark:"
    if invoice.status.pending:
        mark = ":hourglass_flowing_sand:"
    facts = [
        f"*{escape(invoice.supplier_name or 'supplier unknown')}*",
        f"no. {escape(invoice.number)}" if invoice.number else "_no number_",
        invoice.invoice_date.isoformat() if invoice.invoice_date else "_no date_",
        escape(_money(invoice.currency, invoice.total) or "_no total_"),
    ]
    if invoice.purchase_orders:
        facts.append("PO " + escape(", ".join(invoice.purchase_orders)))
    lines = [f"{mark} {title} `{invoice.status}`", " · ".join(facts)]
    if invoice.attention:
        lines.append("Needs a person: " + escape(", ".join(invoice.attention)))
    if invoice.error:
        lines.append(f"Error: {escape(invoice.error)}")
    lines.extend(f"_{escape(w)}_" for w in invoice.warnings[:5])
    return _section("\n".join(lines))


def _refused_lines(refused: Iterable[FileError]) -> list[str]:
    return [_error_line(r.filename, r.detail) for r in refused]


def batch_detail(report: BatchReport) -> Rendered:
    """A batch invoice by invoice: the reply when it is done, and ``/invoices status <id>``."""
    head = _headline(report)
    text_lines = [head, f"({counts(report)})"]
    text_lines += [invoice_line(inv) for inv in report.invoices]
    text_lines += ["Not imported: " + line for line in _refused_lines(report.refused)]
    if report.url:
        text_lines.append(report.url)
    blocks: list[dict[str, Any]] = [
        _section(f"*{escape(head)}*"),
        _context(escape(counts(report))),
    ]
    shown: Sequence[InvoiceReport] = report.invoices[:MAX_ITEMS]
    blocks.extend(_invoice_block(inv) for inv in shown)
    hidden = len(report.invoices) - len(shown)
    if hidden:
        blocks.append(_context(f"… and {_plural(hidden, 'more invoice')}"))
    refused = _refused_lines(report.refused)
    if refused:
        blocks.append(
            _section("*Not imported*\n" + "\n".join(f"• {escape(line)}" for line in refused))
        )
    if report.url:
        blocks.append(_context(f"<{report.url}|Batch {escape(report.id)}>"))
    return Rendered("\n".join(text_lines), blocks)


def batch_list(reports: Sequence[BatchReport], channel: str) -> Rendered:
    """``/invoices status``: recent batches with their counts."""
    if not reports:
        return message(f"No batches from this channel ({channel}) yet.")
    lines = [
        f"{r.id} · {r.created_date:%Y-%m-%d %H:%M} UTC · {'done' if r.done else 'in progress'}"
        f" · {counts(r)}"
        for r in reports
    ]
    head = f"The last {_plural(len(reports), 'batch', 'batches')} of this channel"
    blocks = [_section(f"*{head}*"), _section("\n".join(f"• {escape(x)}" for x in lines))]
    return Rendered("\n".join([head, *lines]), blocks)


def pending_reasons(invoice: Mapping[str, Any]) -> list[str]:
    """Why a listed invoice (the API's invoice object) needs a person."""
    extraction = invoice.get("extraction") or {}
    reasons = []
    if invoice.get("processing_status") == ProcessingStatus.ERROR:
        reasons.append("error: " + str(extraction.get("error") or "could not be read"))
    if invoice.get("processing_status") == ProcessingStatus.INCOMPLETE:
        reasons.append("missing fields: " + "; ".join(extraction.get("warnings") or ["?"]))
    if invoice.get("approval_status") == ApprovalStatus.FLAGGED:
        variances = [_variance(v) for v in invoice.get("variances") or []]
        reasons.append("flagged: " + ("; ".join(variances) or "see the invoice"))
    if extraction.get("duplicate_of"):
        reasons.append(f"duplicate of {extraction['duplicate_of']}?")
    return reasons


def _variance(variance: Any) -> str:
    if not isinstance(variance, Mapping):
        return str(variance)
    return (
        f"{variance.get('field', '?')} ordered {variance.get('ordered')}, "
        f"invoiced {variance.get('invoiced')}"
    )


def pending(invoices: Sequence[Mapping[str, Any]], outlet: str, total: int) -> Rendered:
    """``/invoices pending``: the outlet's invoices that need a person (API invoice objects)."""
    if not invoices:
        return message(f"Nothing needs a person at {outlet}.")
    head = f"{_plural(total, 'invoice')} at {outlet} {'needs' if total == 1 else 'need'} a person"
    lines = []
    for inv in invoices:
        file = (inv.get("file") or {}).get("filename") or inv["id"]
        facts = [
            str(file),
            str(inv.get("supplier_name") or "supplier unknown"),
            f"no. {inv['invoice_number']}" if inv.get("invoice_number") else "no number",
        ]
        lines.append(
            f"{inv['id']} · " + " · ".join(facts) + " | " + "; ".join(pending_reasons(inv))
        )
    if total > len(invoices):
        lines.append(f"… and {total - len(invoices)} more")
    blocks = [
        _section(f"*{escape(head)}*"),
        _section("\n".join(f"• {escape(x)}" for x in lines)),
    ]
    return Rendered("\n".join([head, *lines]), blocks)


def help_text() -> Rendered:
    return Rendered(HELP.replace("`", ""), [_section(HELP)])

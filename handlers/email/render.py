"""The words of a reply: a finished batch's report as plain text and as simple HTML."""

from __future__ import annotations

import html
from collections.abc import Iterable

from bot.report import BatchReport, InvoiceReport
from bot.views import money
from storage.status import ProcessingStatus

STATUS_WORDS = {
    ProcessingStatus.PROCESSED: "read",
    ProcessingStatus.INCOMPLETE: "read, incomplete",
    ProcessingStatus.ERROR: "could not be read",
    ProcessingStatus.MANUAL: "entered by hand",
    ProcessingStatus.TO_BE_PROCESSED: "waiting",
    ProcessingStatus.IN_PROGRESS: "being read",
}
SIGNATURE = "invoicebot (automatic reply; answers to it are not read)"


def reply_subject(subject: str) -> str:
    subject = subject.strip() or "your invoices"
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"


def summary(report: BatchReport) -> str:
    outlet = report.outlet_name or report.outlet_id
    n = len(report.invoices)
    head = f"{n} invoice{'s' if n != 1 else ''} received for {outlet}"
    attention = len(report.needing_person)
    if n:
        head += f": {n - attention} without remarks, {attention} to look at"
    if report.refused:
        head += f"; {len(report.refused)} file{'s' if len(report.refused) != 1 else ''} not taken"
    return head + "."


def invoice_facts(inv: InvoiceReport) -> list[str]:
    """One line each: who, which, when, how much; what it is linked to; what needs a person."""
    facts = [
        ", ".join(
            part
            for part in (
                inv.supplier_name or "supplier unknown",
                f"invoice {inv.number}" if inv.number else "no number",
                inv.invoice_date.isoformat() if inv.invoice_date else "no date",
                f"{inv.currency or ''} {money(inv.total)}".strip()
                if inv.total is not None
                else "no total",
            )
        )
    ]
    if inv.purchase_orders:
        facts.append("purchase orders: " + ", ".join(inv.purchase_orders))
    if inv.attention:
        facts.append("needs a person: " + "; ".join(inv.attention))
    facts.extend(f"note: {w}" for w in inv.warnings)
    if inv.error:
        facts.append(f"error: {inv.error}")
    return facts


def text_body(report: BatchReport) -> str:
    lines = [summary(report), f"Batch {report.id}", ""]
    for i, inv in enumerate(report.invoices, 1):
        lines.append(f"{i}. {inv.filename}: {STATUS_WORDS.get(inv.status, inv.status)}")
        lines.extend(f"   {fact}" for fact in invoice_facts(inv))
        if inv.url:
            lines.append(f"   {inv.url}")
        lines.append("")
    if report.refused:
        lines.append("Not taken:")
        lines.extend(f"- {r.filename}: {r.detail}" for r in report.refused)
        lines.append("")
    if report.url:
        lines += [f"The whole batch: {report.url}", ""]
    lines += ["-- ", SIGNATURE]
    return "\n".join(lines) + "\n"


def html_body(report: BatchReport) -> str:
    e = html.escape
    rows = []
    for inv in report.invoices:
        name = e(inv.filename)
        if inv.url:
            name = f'<a href="{e(inv.url)}">{name}</a>'
        facts = "<br>".join(e(f) for f in invoice_facts(inv))
        rows.append(
            f"<tr><td>{name}</td><td>{e(STATUS_WORDS.get(inv.status, str(inv.status)))}</td>"
            f"<td>{facts}</td></tr>"
        )
    parts = [
        f"<p>{e(summary(report))}<br>Batch <code>{e(report.id)}</code></p>",
    ]
    if rows:
        parts.append(
            '<table border="1" cellpadding="4" cellspacing="0">'
            "<tr><th>File</th><th>Status</th><th>Details</th></tr>" + "".join(rows) + "</table>"
        )
    if report.refused:
        parts.append(
            "<p>Not taken:</p>" + _list(f"{r.filename}: {r.detail}" for r in report.refused)
        )
    if report.url:
        parts.append(f'<p><a href="{e(report.url)}">The whole batch</a></p>')
    parts.append(f"<p>-- <br>{e(SIGNATURE)}</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>\n"


def no_pdf_text(skipped: Iterable[str]) -> str:
    skipped = list(skipped)
    lines = ["No invoice was taken from your message: it carries no PDF."]
    if skipped:
        lines.append("Left out: " + ", ".join(skipped) + ".")
    lines += ["Please send each invoice as a PDF attachment.", "", "-- ", SIGNATURE]
    return "\n".join(lines) + "\n"


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"

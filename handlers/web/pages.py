"""The inbox, the invoice page and the batch page: thin conversions to the core's review."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from bot.errors import InvalidRequest
from bot.review import REASONS, InboxQuery, as_text
from bot.views import CORRECTABLE, MONEY_FIELDS
from handlers.web.common import ROOT, inbox_query, query_params, render, reviewer, services

routes = web.RouteTableDef()

#: the fields of the invoice page in people's words
LABELS = {
    "supplier_name": "Supplier (as read)",
    "supplier_tax_id": "Supplier VAT id",
    "invoice_number": "Invoice number",
    "invoice_date": "Invoice date",
    "due_date": "Due date",
    "currency": "Currency",
    "total_excl_tax": "Net total",
    "tax_amount": "Tax",
    "total_incl_tax": "Total",
    "document_type": "Document type",
    "po_references": "PO references",
}
assert set(LABELS) == set(CORRECTABLE)
#: what the approval buttons may set
DECISIONS = {"approve": "APPROVED", "reject": "REJECTED"}


@routes.get("")
async def root(request: web.Request) -> web.StreamResponse:
    raise web.HTTPMovedPermanently(f"{ROOT}/")


@routes.get("/")
async def inbox(request: web.Request) -> web.Response:
    person = reviewer(request)
    query = inbox_query(request.query)
    review = services(request).review
    page = await review.inbox(person, query)
    outlets, suppliers = await review.choices(person)
    context = {
        "title": "Inbox",
        "inbox": page,
        "query": query,
        "outlets": outlets,
        "suppliers": suppliers,
        "reasons": REASONS,
        "link": lambda **override: _inbox_url(query, **override),
        "invoice_link": lambda invoice_id: _invoice_url(invoice_id, query),
    }
    return await render(request, "inbox.html", context)


def _inbox_url(query: InboxQuery, **override: Any) -> str:
    params = query_params(query, **override)
    return f"{ROOT}/" + (f"?{urlencode(params)}" if params else "")


def _invoice_url(invoice_id: str, query: InboxQuery, **extra: str) -> str:
    """An invoice's page, keeping the inbox's filters and order (its next and previous)."""
    params = {**query_params(query, page=None), **extra}
    return f"{ROOT}/invoices/{invoice_id}" + (f"?{urlencode(params)}" if params else "")


@routes.get("/invoices/{id}")
async def invoice(request: web.Request) -> web.Response:
    return await _invoice_page(request)


async def _invoice_page(
    request: web.Request,
    error: InvalidRequest | None = None,
    typed: dict[str, str] | None = None,
) -> web.Response:
    person = reviewer(request)
    query = inbox_query(request.query)
    review = services(request).review
    page = await review.invoice(person, request.match_info["id"], query)
    search = request.query.get("q", "")
    keep = query_params(query, page=None)
    context = {
        "labels": LABELS,
        "money_fields": MONEY_FIELDS,
        "date_fields": ("invoice_date", "due_date"),
        "keep": keep,
        "keep_qs": urlencode(keep),
        "title": page.view["file"]["filename"],
        "page": page,
        "query": query,
        "typed": typed or {},
        "error": error,
        "saved": request.query.get("saved"),
        "search": search,
        "found": await review.suppliers(search),
        "as_text": as_text,
        "here": _invoice_url(page.view["id"], query),
        "inbox_link": _inbox_url(query),
        "invoice_link": lambda invoice_id: _invoice_url(invoice_id, query),
        "page_numbers": range(1, (page.view["file"]["pages"] or 1) + 1),
    }
    status = 400 if error else 200
    return await render(request, "invoice.html", context, status=status)


@routes.post("/invoices/{id}")
async def correct(request: web.Request) -> web.StreamResponse:
    """Save the fields a person changed; a refused value shows the page again with the error."""
    person = reviewer(request)
    form = await request.post()
    typed = {k: str(v) for k, v in form.items() if k != "csrf" and isinstance(v, str)}
    invoice_id = request.match_info["id"]
    try:
        await services(request).review.correct(person, invoice_id, typed)
    except InvalidRequest as exc:
        return await _invoice_page(request, exc, typed)
    raise web.HTTPSeeOther(_invoice_url(invoice_id, inbox_query(request.query), saved="1"))


@routes.post("/invoices/{id}/supplier")
async def set_supplier(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    invoice_id = request.match_info["id"]
    await services(request).review.set_supplier(
        reviewer(request), invoice_id, str(form.get("supplier") or "")
    )
    raise web.HTTPSeeOther(_invoice_url(invoice_id, inbox_query(request.query), saved="1"))


@routes.post("/invoices/{id}/decision")
async def decide(request: web.Request) -> web.StreamResponse:
    """Approve or reject, then go on to the next invoice of the inbox."""
    person = reviewer(request)
    form = await request.post()
    decision = DECISIONS.get(str(form.get("decision") or ""))
    if decision is None:
        raise InvalidRequest(f"decision must be one of {', '.join(DECISIONS)}", field="decision")
    invoice_id = request.match_info["id"]
    query = inbox_query(request.query)
    review = services(request).review
    following = (await review.invoice(person, invoice_id, query)).next_id
    await review.decide(person, invoice_id, decision)
    if following is None:
        raise web.HTTPSeeOther(_inbox_url(query))
    raise web.HTTPSeeOther(_invoice_url(following, query))


@routes.post("/invoices/{id}/orders")
async def link_order(request: web.Request) -> web.StreamResponse:
    """Link (``action=link``) or unlink (``action=unlink``) one order of the outlet."""
    form = await request.post()
    invoice_id, order_id = request.match_info["id"], str(form.get("order") or "")
    review, person = services(request).review, reviewer(request)
    if form.get("action") == "unlink":
        await review.unlink_order(person, invoice_id, order_id)
    else:
        await review.link_order(person, invoice_id, order_id)
    raise web.HTTPSeeOther(_invoice_url(invoice_id, inbox_query(request.query), saved="1"))


@routes.post("/invoices/{id}/not-duplicate")
async def not_duplicate(request: web.Request) -> web.StreamResponse:
    invoice_id = request.match_info["id"]
    await services(request).review.not_duplicate(reviewer(request), invoice_id)
    raise web.HTTPSeeOther(_invoice_url(invoice_id, inbox_query(request.query), saved="1"))


@routes.get("/invoices/{id}/pages/{page:\\d+}.png")
async def page_image(request: web.Request) -> web.StreamResponse:
    page = int(request.match_info["page"])
    path = await services(request).review.page_image(
        reviewer(request), request.match_info["id"], page
    )
    # private: the image is of an invoice only some people may see
    return web.FileResponse(
        path, headers={"Content-Type": "image/png", "Cache-Control": "private, max-age=3600"}
    )


@routes.get("/batches/{id}")
async def batch(request: web.Request) -> web.Response:
    person = reviewer(request)
    report = await services(request).invoices.batch(request.match_info["id"], person.outlets)
    context = {"title": f"Batch {report.id[:8]}", "batch": report}
    return await render(request, "batch.html", context)


@routes.get("/invoices/{id}/file")
async def invoice_file(request: web.Request) -> web.StreamResponse:
    path, filename = await services(request).invoices.file(
        request.match_info["id"], reviewer(request).outlets
    )
    safe = filename.replace('"', "").replace("\\", "")
    return web.FileResponse(
        path,
        headers={
            "Content-Type": "application/pdf",
            "Content-Disposition": f'attachment; filename="{safe}"',
        },
    )

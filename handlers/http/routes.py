"""The API's endpoints: thin conversions between HTTP and the core's services."""

from __future__ import annotations

import asyncio
import base64
import binascii
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot.auth import PROCUREMENT, Principal
from bot.catalog import PO_STATUSES, OutletIn, PurchaseOrderIn, SupplierIn, parse
from bot.errors import InvalidRequest, NotAuthenticated, PermissionDenied, RequestTooSlow
from bot.invoices import APPROVAL_STATUSES, PROCESSING_STATUSES, outlet_scope
from bot.views import batch_summary_view, batch_view
from handlers.http.common import (
    choice_param,
    datetime_param,
    json_body,
    json_response,
    page_params,
    paginated,
    principal,
    services,
    text_param,
)
from handlers.http.middleware import TOKEN_LIMITER
from handlers.http.openapi import CHANNELS, ORDERINGS, openapi_document
from handlers.http.upload import bulk_upload
from storage.batches import BatchFilter
from storage.bounds import CLIENT_ID_LENGTH, ID_LENGTH, UUID_LENGTH
from storage.invoices import InvoiceFilter

routes = web.RouteTableDef()
routes.post("/api/v2/invoices/bulk_upload/")(bulk_upload)


@routes.get("/api/v2/invoices/")
async def list_invoices(request: web.Request) -> web.Response:
    caller, outlet = _lister(request)
    page, size, offset = page_params(request)
    where = InvoiceFilter(
        bulk_importation_id=text_param(request, "bulk_importation_id", UUID_LENGTH),
        outlet_id=outlet,
        supplier_id=text_param(request, "supplier", ID_LENGTH),
        processing_status=choice_param(request, "processing_status", PROCESSING_STATUSES),
        approval_status=choice_param(request, "approval_status", APPROVAL_STATUSES),
        modified_after=datetime_param(request, "modified_date__gt"),
        outlet_ids=outlet_scope(caller.outlets),
    )
    ordering = choice_param(request, "ordering", ORDERINGS) or "-created_date"
    count, results = await services(request).invoices.list(where, offset, size, ordering)
    return paginated(request, count, page, size, results)


#: an invoice id: anything but the upload's path segment, so that a GET or OPTIONS on
#: bulk_upload/ is answered 405 for that route, not 404 for an invoice named "bulk_upload"
INVOICE = "/api/v2/invoices/{id:[^{}/]+(?<!bulk_upload)}/"


@routes.get(INVOICE)
async def get_invoice(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    return json_response(
        await services(request).invoices.get(request.match_info["id"], caller.outlets)
    )


@routes.patch(INVOICE)
async def patch_invoice(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise InvalidRequest("the body must be a JSON object")
    return json_response(
        await services(request).invoices.patch(
            request.match_info["id"], body, caller.outlets, actor=f"client:{caller.client_id}"
        )
    )


@routes.get("/api/v2/invoices/{id}/history/")
async def invoice_history(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    changes = await services(request).invoices.history(request.match_info["id"], caller.outlets)
    return json_response({"results": list(changes)})


@routes.get("/api/v2/invoices/{id}/file/")
async def get_invoice_file(request: web.Request) -> web.StreamResponse:
    caller = principal(request)
    caller.require(PROCUREMENT)
    path, filename = await services(request).invoices.file(request.match_info["id"], caller.outlets)
    safe = filename.replace('"', "").replace("\\", "")
    return web.FileResponse(
        path,
        headers={
            "Content-Type": "application/pdf",
            "Content-Disposition": f'inline; filename="{safe}"',
        },
    )


@routes.get("/api/v2/bulk_importations/")
async def list_bulk_importations(request: web.Request) -> web.Response:
    caller, outlet = _lister(request)
    page, size, offset = page_params(request)
    where = BatchFilter(
        outlet_id=outlet,
        channel=choice_param(request, "channel", CHANNELS),
        created_after=datetime_param(request, "created_date__gt"),
        outlet_ids=outlet_scope(caller.outlets),
    )
    count, reports = await services(request).invoices.batches(where, offset, size)
    return paginated(request, count, page, size, [batch_summary_view(r) for r in reports])


@routes.get("/api/v2/bulk_importations/{id}/")
async def get_bulk_importation(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    report = await services(request).invoices.batch(request.match_info["id"], caller.outlets)
    return json_response(batch_view(report))


@routes.get("/api/v2/outlets/")
async def list_outlets(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    page, size, offset = page_params(request, 50)
    count, results = await services(request).catalog.list_outlets(offset, size, caller.outlets)
    return paginated(request, count, page, size, results)


@routes.post("/api/v2/outlets/")
async def create_outlet(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    if caller.outlets is not None:
        raise PermissionDenied("this client is limited to some outlets and may not create outlets")
    data = parse(OutletIn, await json_body(request))
    return json_response(await services(request).catalog.add_outlet(data), status=201)


@routes.get("/api/v2/suppliers/")
async def list_suppliers(request: web.Request) -> web.Response:
    principal(request).require(PROCUREMENT)
    page, size, offset = page_params(request, 50)
    count, results = await services(request).catalog.list_suppliers(offset, size)
    return paginated(request, count, page, size, results)


@routes.post("/api/v2/suppliers/")
async def create_supplier(request: web.Request) -> web.Response:
    principal(request).require(PROCUREMENT)
    data = parse(SupplierIn, await json_body(request))
    return json_response(await services(request).catalog.add_supplier(data), status=201)


@routes.get("/api/v2/procurement/purchase_orders/")
async def list_purchase_orders(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    page, size, offset = page_params(request, 50)
    outlet = text_param(request, "outlet", ID_LENGTH)
    if outlet:
        caller.require_outlet(outlet)
    count, results = await services(request).catalog.list_purchase_orders(
        offset,
        size,
        outlet_id=outlet,
        supplier_id=text_param(request, "supplier", ID_LENGTH),
        status=choice_param(request, "status", PO_STATUSES),
        outlet_ids=caller.outlets,
    )
    return paginated(request, count, page, size, results)


@routes.post("/api/v2/procurement/purchase_orders/")
async def create_purchase_order(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    data = parse(PurchaseOrderIn, await json_body(request))
    caller.require_outlet(data.outlet)
    created = await services(request).catalog.add_purchase_orders([data])
    return json_response(created[0], status=201)


@routes.post("/oauth/token/")
async def token(request: web.Request) -> web.Response:
    limiter = request.app[TOKEN_LIMITER]
    limiter.hit(f"address:{request.remote}")
    form = await _form(request)
    client_id = _str(form.get("client_id"))
    secret = _str(form.get("client_secret"))
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            raise NotAuthenticated("malformed Basic credentials") from None
        client_id, _, secret = decoded.partition(":")
    if client_id:
        limiter.hit(f"client:{client_id[:CLIENT_ID_LENGTH]}")
    issued = await services(request).auth.issue_token(
        _str(form.get("grant_type")), client_id, secret, _str(form.get("scope"))
    )
    return json_response(
        {
            "access_token": issued.access_token,
            "token_type": "Bearer",
            "expires_in": issued.expires_in,
            "scope": issued.scope,
        },
        headers={"Cache-Control": "no-store"},
    )


async def _form(request: web.Request) -> Any:
    """The token request's form; a body aiohttp cannot parse is the client's error."""
    if not request.can_read_body:
        return {}
    http = services(request).config.http
    try:
        # the form is small: it must come within one window of the minimum body rate
        async with asyncio.timeout(http.body_rate_window_seconds):
            return await request.post()
    except TimeoutError:
        raise RequestTooSlow("the form came too slowly", field=None) from None
    except (ValueError, AssertionError, LookupError, HttpProcessingError) as exc:
        raise InvalidRequest(f"the form cannot be read: {exc}", field=None) from None


def _lister(request: web.Request) -> tuple[Principal, str | None]:
    """The caller of a list, and the ``outlet`` filter it may use."""
    caller = principal(request)
    caller.require(PROCUREMENT)
    outlet = text_param(request, "outlet", ID_LENGTH)
    if outlet:
        caller.require_outlet(outlet)
    return caller, outlet


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


@routes.get("/api/v2/openapi.json")
async def openapi(request: web.Request) -> web.Response:
    return json_response(openapi_document())


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    """Anyone may ask whether we are up; only a client with a valid token sees the queue."""
    svc = services(request)
    await svc.db.ping()
    body: dict[str, Any] = {"status": "ok", "database": svc.db.dialect}
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        try:
            await svc.auth.authenticate(token.strip())
        except NotAuthenticated:
            pass  # a bad token sees what anyone sees
        else:
            body["jobs"] = await svc.queue.counts()
    return json_response(body)

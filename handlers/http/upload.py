"""``POST /api/v2/invoices/bulk_upload/``: stream a multipart body into an intake session.

Parts are read one at a time and files go straight to disk through the core's spooler; the
request's size and file count are enforced while reading, so a huge or endless body is cut off
without being held anywhere.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from aiohttp import BodyPartReader, MultipartReader, hdrs, web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.multipart import content_disposition_filename, parse_content_disposition

from bot import bounds
from bot.auth import PROCUREMENT, Principal
from bot.batch import BatchRequest, Sender, Source
from bot.errors import InvalidRequest, RequestTooLarge
from bot.intake import IntakeSession
from handlers.http.common import UPLOADS, json_response, principal, services
from handlers.http.pace import BodyPace
from storage.bounds import ID_LENGTH
from storage.status import Channel

#: ``file``, ``file[0]`` ... ``file[99999]``: an index longer than that is no real upload's
FILE_FIELD = re.compile(r"^file(\[\d{1,5}\])?$")
#: the contract's text fields and how long each may be: ids, or comma-separated ids
TEXT_FIELDS = {"outlet": ID_LENGTH, "supplier": ID_LENGTH, "purchase_orders": 64 * 1024}
#: purchase orders one request may name
MAX_PURCHASE_ORDERS = 200
#: parts that are neither files nor the contract's fields (discarded unread) before we stop
MAX_OTHER_PARTS = 100
CHUNK = 256 * 1024
#: what aiohttp raises for a body it cannot parse (bad part headers, no boundary, bad bytes)
PARSE_ERRORS = (ValueError, AssertionError, LookupError, HttpProcessingError)


class _Budget:
    """Bytes left for the whole request body, and the pace they must come at."""

    def __init__(self, limit: int, pace: BodyPace) -> None:
        self.limit = limit
        self.used = 0
        self.pace = pace

    def take(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise RequestTooLarge(
                f"the request is larger than the limit of {self.limit // (1024 * 1024)} MiB",
                field="file",
            )


async def _chunks(part: BodyPartReader, budget: _Budget) -> AsyncIterator[bytes]:
    while chunk := await _read_chunk(part, CHUNK, budget):
        budget.take(len(chunk))
        yield chunk


async def _read_chunk(part: BodyPartReader, size: int, budget: _Budget) -> bytes:
    try:
        return await budget.pace.read(part.read_chunk(size))
    except PARSE_ERRORS as exc:
        raise InvalidRequest(f"the multipart body is malformed: {_why(exc)}", field=None) from None


async def bulk_upload(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    svc = services(request)
    budget = _Budget(svc.config.limits.max_request_size, BodyPace.of(svc.config.http))
    # the raw header: request.content_type parses it with the email package (~0.2 ms), and
    # request.multipart() parses it again anyway
    if not request.headers.get(hdrs.CONTENT_TYPE, "").lstrip().lower().startswith("multipart/"):
        raise InvalidRequest("the body must be multipart/form-data", field=None)
    if request.content_length is not None and request.content_length > budget.limit:
        budget.take(request.content_length)
    try:
        reader = await request.multipart()
    except PARSE_ERRORS as exc:
        raise InvalidRequest(
            f"the multipart body cannot be read: {_why(exc)}", field=None
        ) from None

    with request.app[UPLOADS].hold(caller.client_id):
        return await _upload(request, reader, budget, caller)


async def _upload(
    request: web.Request, reader: MultipartReader, budget: _Budget, caller: Principal
) -> web.Response:
    svc = services(request)
    sender = Sender(client_id=caller.client_id, allowed_outlets=caller.outlets)
    # the contract does not fix the order of parts: the request is known once all are read
    async with svc.intake.open(Source(Channel.API), sender=sender) as batch:
        async with budget.pace.guard():
            fields = await _read_parts(reader, batch, budget)
        batch.set_request(_request(fields))
        result = await batch.submit()
    body = {
        "bulk_importation_id": result.bulk_importation_id,
        "invoices": [
            {
                "id": item.invoice_id,
                "file": item.field,
                "filename": item.filename,
                "processing_status": str(item.processing_status),
            }
            for item in result.invoices
        ],
        "errors": [err.as_dict() for err in result.errors],
    }
    return json_response(body, status=201 if result.created else 400)


def _why(exc: Exception) -> str:
    """aiohttp's reason, on one short line (it may quote the hostile bytes at length)."""
    reason = exc.message if isinstance(exc, HttpProcessingError) else str(exc)
    line = " ".join(str(reason).split())
    return line[:120] + ("..." if len(line) > 120 else "")


def _request(fields: dict[str, str]) -> BatchRequest:
    request = BatchRequest.of(
        fields.get("outlet"), fields.get("supplier"), fields.get("purchase_orders")
    )
    if len(request.purchase_order_ids) > MAX_PURCHASE_ORDERS:
        raise InvalidRequest(
            f"purchase_orders may name at most {MAX_PURCHASE_ORDERS} orders",
            field="purchase_orders",
        )
    for po_id in request.purchase_order_ids:
        bounds.text(po_id, "purchase_orders", ID_LENGTH)
    return request


async def _read_parts(
    reader: MultipartReader, batch: IntakeSession, budget: _Budget
) -> dict[str, str]:
    """Files go to the intake session as they stream in; the contract's text fields are
    returned; any other part is read past without being kept."""
    fields: dict[str, str] = {}
    others = 0
    while True:
        try:
            part = await budget.pace.read(reader.next())
            if part is None:
                return fields
            if not isinstance(part, BodyPartReader):
                raise InvalidRequest("nested multipart bodies are not supported", field=None)
            name, filename = _names(part)
        except PARSE_ERRORS as exc:
            raise InvalidRequest(
                f"the multipart body is malformed: {_why(exc)}", field=None
            ) from None
        if FILE_FIELD.match(name):
            field = name if name != "file" else f"file[{batch.count}]"
            await batch.add(field, filename or field, _chunks(part, budget))
        elif filename is not None or name.startswith("file"):
            raise InvalidRequest("file fields are named file[0], file[1], ...", field="file")
        elif name in TEXT_FIELDS:
            fields[name] = await _text(part, name, TEXT_FIELDS[name], budget)
        else:
            others += 1
            if others > MAX_OTHER_PARTS:
                raise InvalidRequest("too many fields that are not part of an upload", field=None)
            async for _ in _chunks(part, budget):
                pass  # an unknown field costs its bytes of the budget, never memory


def _names(part: BodyPartReader) -> tuple[str, str | None]:
    """The part's field name and file name, as ``part.name`` and ``part.filename`` give
    them, from one parse of its Content-Disposition instead of one each."""
    _, params = parse_content_disposition(part.headers.get(hdrs.CONTENT_DISPOSITION))
    name = content_disposition_filename(params, "name")
    return name or "", content_disposition_filename(params, "filename")


async def _text(part: BodyPartReader, name: str, limit: int, budget: _Budget) -> str:
    """A text field as UTF-8, at most ``limit`` characters, storable."""
    raw = bytearray()
    while chunk := await _read_chunk(part, 8192, budget):
        budget.take(len(chunk))
        raw += chunk
        if len(raw) > 4 * limit:
            raise InvalidRequest(f"{name} must be at most {limit} characters", field=name)
    try:
        value = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise InvalidRequest(f"{name} must be UTF-8 text", field=name) from None
    return bounds.text(value, name, limit)

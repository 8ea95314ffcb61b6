"""``POST /api/v2/invoices/bulk_upload/``: stream a multipart body into an intake session.

Parts are read one at a time and files go straight to disk through the core's spooler; the
request's size and file count are enforced while reading, so a huge or endless body is cut off
without being held anywhere.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from aiohttp import BodyPartReader, MultipartReader, web

from bot.auth import PROCUREMENT
from bot.batch import BatchRequest, Sender, Source
from bot.errors import InvalidRequest, RequestTooLarge
from bot.intake import IntakeSession
from handlers.http.common import json_response, principal, services
from storage.status import Channel

FILE_FIELD = re.compile(r"^file(\[\d+\])?$")
#: text fields (outlet, supplier, purchase_orders) are small
MAX_FIELD_BYTES = 64 * 1024
CHUNK = 256 * 1024


class _Budget:
    """Bytes left for the whole request body."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def take(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise RequestTooLarge(
                f"the request is larger than the limit of {self.limit // (1024 * 1024)} MiB",
                field="file",
            )


async def _chunks(part: BodyPartReader, budget: _Budget) -> AsyncIterator[bytes]:
    while chunk := await part.read_chunk(CHUNK):
        budget.take(len(chunk))
        yield chunk


async def bulk_upload(request: web.Request) -> web.Response:
    caller = principal(request)
    caller.require(PROCUREMENT)
    svc = services(request)
    budget = _Budget(svc.config.limits.max_request_size)
    if not request.content_type.startswith("multipart/"):
        raise InvalidRequest("the body must be multipart/form-data", field=None)
    if request.content_length is not None and request.content_length > budget.limit:
        budget.take(request.content_length)
    try:
        reader = await request.multipart()
    except (ValueError, AssertionError) as exc:
        raise InvalidRequest(f"the multipart body cannot be read: {exc}", field=None) from None

    sender = Sender(client_id=caller.client_id, allowed_outlets=caller.outlets)
    # the contract does not fix the order of parts: the request is known once all are read
    async with svc.intake.open(Source(Channel.API), sender=sender) as batch:
        fields = await _read_parts(reader, batch, budget)
        batch.set_request(
            BatchRequest.of(
                fields.get("outlet"), fields.get("supplier"), fields.get("purchase_orders")
            )
        )
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


async def _read_parts(
    reader: MultipartReader, batch: IntakeSession, budget: _Budget
) -> dict[str, str]:
    """Files go to the intake session as they stream in; text fields are returned."""
    fields: dict[str, str] = {}
    while True:
        try:
            part = await reader.next()
        except ValueError as exc:
            raise InvalidRequest(f"the multipart body is malformed: {exc}", field=None) from None
        if part is None:
            return fields
        if not isinstance(part, BodyPartReader):
            raise InvalidRequest("nested multipart bodies are not supported", field=None)
        name = part.name or ""
        if part.filename is not None and not FILE_FIELD.match(name):
            raise InvalidRequest(
                f"unexpected file field {name!r}: use file[0], file[1], ...", field=name
            )
        if FILE_FIELD.match(name):
            field = name if name != "file" else f"file[{batch.count}]"
            await batch.add(field, part.filename or field, _chunks(part, budget))
            continue
        raw = bytearray()
        while chunk := await part.read_chunk(8192):
            budget.take(len(chunk))
            raw += chunk
            if len(raw) > MAX_FIELD_BYTES:
                raise InvalidRequest(f"field {name} is too long", field=name)
        fields[name] = raw.decode("utf-8", errors="replace").strip()

"""A fake Gemini API on loopback speaking the REST shape of ``models/{model}:generateContent``.

It records each request and plays a script of answers: an HTTP status with a JSON body, or a
delay (a float, in seconds) before a good answer, to make the client time out.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

GOOD_ANSWER = {
    "document_type": "invoice",
    "invoice_number": "INV-2024-0042",
    "invoice_date": "2024-03-01",
    "due_date": "2024-03-31",
    "currency": "EUR",
    "total_excl_tax": "100.00",
    "tax_amount": "21.00",
    "total_incl_tax": "121.00",
    "supplier_name": "Fresh Greens BV",
    "supplier_tax_id": "NL123456789B01",
    "po_references": ["PO-1001"],
    "line_items": [
        {
            "description": "Tomatoes",
            "product_code": None,
            "quantity": "40",
            "unit": "kg",
            "unit_price": "2.50",
            "total": "100.00",
            "tax_rate": "21",
        }
    ],
}


def answer(text: str) -> tuple[int, dict[str, Any]]:
    """A 200 generateContent response whose only candidate says ``text``."""
    return 200, {
        "candidates": [
            {
                "content": {"role": "model", "parts": [{"text": text}]},
                "finishReason": "STOP",
                "index": 0,
            }
        ],
        "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 5, "totalTokenCount": 15},
        "modelVersion": "gemini-2.5-flash",
    }


def failure(status: int, name: str) -> tuple[int, dict[str, Any]]:
    return status, {"error": {"code": status, "message": f"fake {name}", "status": name}}


@dataclass
class FakeGemini:
    """The script of answers, and what was asked."""

    #: a step: (status, JSON body); a float: wait that long, then a good answer; a str: that
    #: text as a 200 HTML page (what a proxy in between may answer)
    script: list[tuple[int, dict[str, Any]] | float | str] = field(default_factory=list)
    requests: list[tuple[str, dict[str, str], dict[str, Any]]] = field(default_factory=list)
    url: str = ""

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append((request.path, dict(request.headers), await request.json()))
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, float):
            await asyncio.sleep(step)
            step = answer(json.dumps(GOOD_ANSWER))
        if isinstance(step, str):
            return web.Response(text=step, content_type="text/html")
        status, body = step
        return web.json_response(body, status=status)


@contextlib.asynccontextmanager
async def serve_fake_gemini() -> AsyncIterator[FakeGemini]:
    """A running fake on 127.0.0.1 and a random port; ``fake.url`` is its base URL."""
    fake = FakeGemini()
    app = web.Application()
    app.router.add_post("/{version}/models/{model_and_method}", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.url = f"http://127.0.0.1:{port}/"
    try:
        yield fake
    finally:
        await runner.cleanup()

"""A fake Gemini that fails half the time, on loopback, for worker processes using the real SDK.

Answers follow one fixed cycle over all requests, half of them failures of every kind a real
endpoint or the proxy in front of it gives: 500, 503, 429, a 200 whose body is an HTML page, a
dropped connection, and a model answer that is not JSON. Documents named in ``doomed`` (by the
SHA-256 of the PDF) get only 503/500/429, so they must end in ERROR after the maximum attempts.
Every answer is recorded per document, so a test can check each invoice's end against what its
document was really served.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from aiohttp import web

from tests.extract.fake_gemini import GOOD_ANSWER, answer, failure

#: one request in two fails
CYCLE = ("ok", "500", "ok", "503", "ok", "429", "ok", "html", "ok", "drop", "ok", "badjson")
DOOMED_CYCLE = ("503", "500", "429")
_NAMES = {500: "INTERNAL", 503: "UNAVAILABLE", 429: "RESOURCE_EXHAUSTED"}


@dataclass
class FlakyGemini:
    doomed: set[str] = field(default_factory=set)
    #: every outcome served, per document hash, in order
    served: dict[str, list[str]] = field(default_factory=dict)
    requests: int = 0
    url: str = ""

    def _next(self, sha: str) -> str:
        if sha in self.doomed:
            return DOOMED_CYCLE[len(self.served.get(sha, ())) % len(DOOMED_CYCLE)]
        outcome = CYCLE[self.requests % len(CYCLE)]
        self.requests += 1
        return outcome

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        inline = next(p for p in body["contents"][0]["parts"] if "inlineData" in p)["inlineData"]
        data = inline["data"]  # the SDK sends URL-safe base64 without padding
        pdf = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        sha = hashlib.sha256(pdf).hexdigest()
        outcome = self._next(sha)
        self.served.setdefault(sha, []).append(outcome)
        if outcome == "ok":
            # a number of its own per document: no two invoices look like duplicates
            status, reply = answer(json.dumps({**GOOD_ANSWER, "invoice_number": f"G-{sha[:10]}"}))
            return web.json_response(reply, status=status)
        if outcome == "html":
            page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
            return web.Response(text=page, content_type="text/html")
        if outcome == "drop":
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)  # never reaches the client
        if outcome == "badjson":
            status, reply = answer('{"invoice_number": "INV-1", "total_incl_tax": ')
            return web.json_response(reply, status=status)
        code = int(outcome)
        status, reply = failure(code, _NAMES[code])
        return web.json_response(reply, status=status)


@contextlib.asynccontextmanager
async def serve_flaky_gemini(doomed: set[str]) -> AsyncIterator[FlakyGemini]:
    fake = FlakyGemini(doomed=doomed)
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.router.add_post("/{version}/models/{model_and_method}", fake.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    fake.url = f"http://127.0.0.1:{runner.addresses[0][1]}/"
    try:
        yield fake
    finally:
        await runner.cleanup()

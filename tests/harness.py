"""A real invoicebot server on loopback and a small client for it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from bot.app import Services, build_http_app
from bot.catalog import OutletIn
from bot.config import Config
from bot.extract.base import Extractor
from handlers.http.common import SERVICES

FileSpec = tuple[str, str, bytes]  # (field, filename, content)


@dataclass
class Api:
    base: str
    services: Services
    http: aiohttp.ClientSession

    async def outlet(self, outlet_id: str = "olt-1", name: str = "Main") -> str:
        await self.services.catalog.add_outlet(OutletIn(id=outlet_id, name=name))
        return outlet_id

    async def token(
        self, scopes: Sequence[str] = ("procurement",), outlets: Sequence[str] | None = None
    ) -> str:
        client = await self.services.auth.create_client("test", scopes, outlets)
        return await fetch_token(self.http, self.base, client.client_id, client.client_secret)

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    async def upload(
        self, token: str | None, files: Sequence[FileSpec], **fields: str
    ) -> tuple[int, Any]:
        form = aiohttp.FormData(default_to_multipart=True)
        for name, value in fields.items():
            form.add_field(name, value)
        for field, filename, content in files:
            form.add_field(field, content, filename=filename, content_type="application/pdf")
        headers = self.auth(token) if token else {}
        async with self.http.post(
            f"{self.base}/api/v2/invoices/bulk_upload/", data=form, headers=headers
        ) as resp:
            return resp.status, await resp.json()

    async def get(self, token: str | None, path: str, **params: Any) -> tuple[int, Any]:
        headers = self.auth(token) if token else {}
        async with self.http.get(f"{self.base}{path}", params=params, headers=headers) as resp:
            body = (
                await resp.json() if resp.content_type == "application/json" else await resp.read()
            )
            return resp.status, body

    async def send(self, method: str, token: str, path: str, json: Any) -> tuple[int, Any]:
        async with self.http.request(
            method, f"{self.base}{path}", json=json, headers=self.auth(token)
        ) as resp:
            return resp.status, await resp.json()

    async def wait_done(self, token: str, batch_id: str, seconds: float = 60) -> dict[str, Any]:
        """Poll the batch until no invoice is queued or in progress."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while True:
            status, body = await self.get(token, f"/api/v2/bulk_importations/{batch_id}/")
            assert status == 200, body
            if body["done"]:
                return dict(body)
            assert loop.time() < deadline, f"batch not done after {seconds} s: {body}"
            await asyncio.sleep(0.1)


@asynccontextmanager
async def serve(
    config: Config, *, run_workers: bool = False, extractor: Extractor | None = None, **kw: Any
) -> AsyncIterator[Api]:
    app = build_http_app(config, run_workers=run_workers, extractor=extractor, **kw)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with aiohttp.ClientSession() as http:
            yield Api(f"http://127.0.0.1:{port}", app[SERVICES], http)
    finally:
        await runner.cleanup()


async def fetch_token(
    http: aiohttp.ClientSession, base: str, client_id: str, client_secret: str
) -> str:
    """A bearer token from the server's ``/oauth/token/``, as a client gets one."""
    async with http.post(
        f"{base}/oauth/token/",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
        },
    ) as resp:
        assert resp.status == 200, await resp.text()
        return str((await resp.json())["access_token"])

"""Slow clients cannot hold connections: real slow sockets against the real server.

Bounds are set small here (a second) so each case ends in a few seconds; the defaults are in
config.example.toml.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.pdfs import invoice_pdf

SLOW = {
    "header_timeout_seconds": 1.0,
    "min_body_rate_kb_per_second": 10,
    "body_rate_window_seconds": 1.0,
    "rate_limit_per_minute": 0,
}


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    async with serve(make_config(http=SLOW, worker={"concurrency": 0})) as api:
        await api.outlet("olt-1")
        yield api


async def _trickle(
    api: Api, head: bytes, trickle: bytes, every: float = 0.3
) -> tuple[bytes, float]:
    """Send ``head`` at once, then ``trickle`` a byte every ``every`` s until the server
    answers or closes; return what it sent and after how long (capped at 15 s)."""
    host, port = api.base.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    started = time.monotonic()
    received = b""
    try:
        writer.write(head)
        await writer.drain()
        for byte in trickle:
            try:
                received += await asyncio.wait_for(reader.read(65536), every)
            except TimeoutError:
                pass
            if received or reader.at_eof():
                break
            writer.write(bytes([byte]))
            try:
                await writer.drain()
            except ConnectionError:
                break
            assert time.monotonic() - started < 15, "the server kept a slow client"
        received += await asyncio.wait_for(reader.read(), 5)
    except (ConnectionError, TimeoutError):
        pass
    finally:
        writer.close()
    return received, time.monotonic() - started


async def test_slow_headers_are_cut_off(api: Api) -> None:
    received, took = await _trickle(
        api, b"POST /oauth/token/ HTTP/1.1\r\n", b"Host: x\r\nX-Slow: " + b"a" * 200
    )
    assert took < 5, took
    assert b"200 OK" not in received


async def test_a_slow_token_form_gets_408(api: Api) -> None:
    head = (
        b"POST /oauth/token/ HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n"
    )
    received, took = await _trickle(api, head, b"grant_type=client_credentials" + b"&" * 170)
    assert received.startswith(b"HTTP/1.1 408"), received[:200]
    assert took < 5, took


async def test_a_slow_upload_gets_408_and_is_closed(api: Api) -> None:
    token = await api.token()
    boundary = b"slowslow"
    start = (
        b"--" + boundary + b'\r\nContent-Disposition: form-data; name="outlet"\r\n\r\nolt-1\r\n'
        b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file[0]"; '
        b'filename="a.pdf"\r\n\r\n%PDF-1.4\n'
    )
    head = (
        b"POST /api/v2/invoices/bulk_upload/ HTTP/1.1\r\nHost: x\r\n"
        b"Authorization: Bearer " + token.encode() + b"\r\n"
        b"Content-Type: multipart/form-data; boundary=" + boundary + b"\r\n"
        b"Content-Length: 100000\r\n\r\n" + start
    )
    received, took = await _trickle(api, head, b"x" * 100)
    assert received.startswith(b"HTTP/1.1 408"), received[:300]
    assert b"Connection: close" in received
    assert took < 6, took
    # nothing was created and the spooled part is gone
    status, body = await api.get(token, "/api/v2/invoices/")
    assert body["count"] == 0
    assert not list((api.services.files.root / "tmp").glob("*.part"))


async def test_a_fast_upload_is_not_bothered(api: Api) -> None:
    token = await api.token()
    status, body = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
    assert status == 201, body


async def test_uploads_at_once_per_client_are_capped(make_config: ConfigFactory) -> None:
    http = {"max_concurrent_uploads_per_client": 1, "rate_limit_per_minute": 0}
    async with serve(make_config(http=http, worker={"concurrency": 0})) as api:
        await api.outlet("olt-1")
        token = await api.token()
        other = await api.token()  # another client: its own slots
        host, port = api.base.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(
            b"POST /api/v2/invoices/bulk_upload/ HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: Bearer " + token.encode() + b"\r\n"
            b"Content-Type: multipart/form-data; boundary=bb\r\nContent-Length: 100000\r\n\r\n"
            b'--bb\r\nContent-Disposition: form-data; name="outlet"\r\n\r\nolt-1\r\n'
        )
        await writer.drain()
        await asyncio.sleep(0.3)  # the first upload is now running, waiting for its body
        try:
            status, body = await api.upload(
                token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1"
            )
            assert status == 429, body
            status, body = await api.upload(
                other, [("file[0]", "b.pdf", invoice_pdf())], outlet="olt-1"
            )
            assert status == 201, body
        finally:
            writer.close()
        await asyncio.sleep(0.3)  # the server sees the first one end
        status, body = await api.upload(
            token, [("file[0]", "c.pdf", invoice_pdf())], outlet="olt-1"
        )
        assert status == 201, body


async def test_token_requests_are_rate_limited(make_config: ConfigFactory) -> None:
    http = {"token_rate_limit_per_minute": 3}
    async with serve(make_config(http=http, worker={"concurrency": 0})) as api:
        for _ in range(3):
            async with api.http.post(f"{api.base}/oauth/token/", data={"grant_type": "x"}) as r:
                assert r.status == 400
        async with api.http.post(f"{api.base}/oauth/token/", data={"grant_type": "x"}) as r:
            assert r.status == 429
            assert int(r.headers["Retry-After"]) >= 1

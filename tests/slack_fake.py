"""A small fake of Slack on loopback: the Web API methods invoicebot calls, file downloads, the
Socket Mode websocket, and a signer for requests as Slack signs them.

The real slack_sdk client talks to it through ``[slack] api_url``. Files are served only with
the bot token, as Slack does; without it the download is Slack's HTML sign-in page.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import WSMsgType, web

BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
SIGNING_SECRET = "test-signing-secret"
BOT_USER = "UBOT"

LOGIN_PAGE = b"<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in</body></html>"


@dataclass
class FakeFile:
    id: str
    name: str
    content: bytes
    mimetype: str = "application/pdf"
    #: what the download answers with (Slack's sign-in page is text/html)
    served_type: str = "application/pdf"
    #: seconds the download takes to begin
    delay: float = 0.0


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    #: what the fake answered
    answer: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeSlack:
    base: str = ""
    files: dict[str, FakeFile] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    #: message ts -> its current fields (posted and updated)
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (channel, ts) -> reaction names now on the message
    reactions: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    #: methods that answer ``{"ok": false, "error": ...}`` the next N times
    failures: dict[str, int] = field(default_factory=dict)
    #: called with each call; an error code it returns is the answer (a selective outage)
    refuse: Callable[[Call], str | None] = lambda call: None
    downloads: list[tuple[str, str | None]] = field(default_factory=list)
    #: websocket envelopes the bot acknowledged
    acks: list[dict[str, Any]] = field(default_factory=list)
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def add_file(
        self,
        name: str,
        content: bytes,
        mimetype: str = "application/pdf",
        served_type: str | None = None,
        delay: float = 0.0,
    ) -> dict[str, Any]:
        """Register a file; returns the file object as a ``file_share`` event carries it."""
        file_id = f"F{len(self.files) + 1:04d}"
        self.files[file_id] = FakeFile(
            file_id, name, content, mimetype, served_type or mimetype, delay
        )
        return self.file_object(file_id)

    def file_object(self, file_id: str) -> dict[str, Any]:
        f = self.files[file_id]
        return {
            "id": f.id,
            "name": f.name,
            "title": f.name,
            "mimetype": f.mimetype,
            "filetype": f.name.rsplit(".", 1)[-1].lower(),
            "size": len(f.content),
            "url_private": f"{self.base}/files-pri/T1-{f.id}/{f.name}",
            "url_private_download": f"{self.base}/files-pri/T1-{f.id}/download/{f.name}",
        }

    def named(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def posted(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Messages posted (as first sent), in order."""
        return [
            c.args
            for c in self.named("chat.postMessage")
            if c.answer.get("ok") and (channel is None or c.args.get("channel") == channel)
        ]

    async def wait_for(self, predicate: Any, seconds: float = 30) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not predicate():
            assert loop.time() < deadline, f"fake Slack: condition not met; calls: {self.calls}"
            await asyncio.sleep(0.02)

    # -- the Web API

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            args.update(await request.json())
        else:
            args.update(await request.post())
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        call = Call(method, args)
        self.calls.append(call)
        expected = APP_TOKEN if method == "apps.connections.open" else BOT_TOKEN
        handler = getattr(self, "api_" + method.replace(".", "_"), None)
        if token != expected:
            call.answer = {"ok": False, "error": "invalid_auth"}
        elif self.failures.get(method):
            self.failures[method] -= 1
            call.answer = {"ok": False, "error": "fatal_error"}
        elif refused := self.refuse(call):
            call.answer = {"ok": False, "error": refused}
        elif handler is None:
            call.answer = {"ok": False, "error": "unknown_method"}
        else:
            call.answer = handler(args)
        return web.json_response(call.answer)

    def api_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "team_id": "T1", "user_id": BOT_USER, "bot_id": "BBOT", "team": "T"}

    def api_files_info(self, args: dict[str, Any]) -> dict[str, Any]:
        if args.get("file") not in self.files:
            return {"ok": False, "error": "file_not_found"}
        return {"ok": True, "file": self.file_object(args["file"])}

    def api_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        self.messages[ts] = dict(args)
        return {"ok": True, "channel": args["channel"], "ts": ts, "message": {"ts": ts}}

    def api_chat_update(self, args: dict[str, Any]) -> dict[str, Any]:
        if args.get("ts") not in self.messages:
            return {"ok": False, "error": "message_not_found"}
        self.messages[args["ts"]].update(args)
        return {"ok": True, "channel": args["channel"], "ts": args["ts"]}

    def api_reactions_add(self, args: dict[str, Any]) -> dict[str, Any]:
        names = self.reactions.setdefault((args["channel"], args["timestamp"]), set())
        if args["name"] in names:
            return {"ok": False, "error": "already_reacted"}
        names.add(args["name"])
        return {"ok": True}

    def api_reactions_remove(self, args: dict[str, Any]) -> dict[str, Any]:
        names = self.reactions.setdefault((args["channel"], args["timestamp"]), set())
        if args["name"] not in names:
            return {"ok": False, "error": "no_reaction"}
        names.discard(args["name"])
        return {"ok": True}

    def api_apps_connections_open(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": self.base.replace("http://", "ws://") + "/link/"}

    # -- files and the websocket

    async def download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["team_file"].split("-", 1)[1]
        auth = request.headers.get("Authorization")
        self.downloads.append((file_id, auth))
        found = self.files.get(file_id)
        if found is None:
            return web.Response(status=404, text="not found")
        await asyncio.sleep(found.delay)
        if auth != f"Bearer {BOT_TOKEN}":
            return web.Response(body=LOGIN_PAGE, content_type="text/html")
        if found.served_type == "text/html":
            return web.Response(body=LOGIN_PAGE, content_type="text/html")
        return web.Response(body=found.content, content_type=found.served_type)

    async def link(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {}})
        self.connected.set()
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                self.acks.append(json.loads(msg.data))
        return ws

    async def send_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        """Send a Socket Mode envelope to the connected bot; returns its id."""
        envelope_id = f"env-{next(self._ts)}"
        await self.sockets[-1].send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        return envelope_id

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self.api)
        app.router.add_get("/files-pri/{team_file}/download/{name}", self.download)
        app.router.add_get("/link/", self.link)
        return app


@asynccontextmanager
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    runner = web.AppRunner(fake.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    fake.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield fake
    finally:
        for ws in fake.sockets:
            await ws.close()
        await runner.cleanup()


def signed(body: str, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Headers as Slack signs a request: v0 HMAC-SHA256 of ``v0:<timestamp>:<body>``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def event_body(event: dict[str, Any], event_id: str = "Ev0001", team: str = "T1") -> dict[str, Any]:
    return {
        "token": "legacy",
        "team_id": team,
        "api_app_id": "A1",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [{"team_id": team, "user_id": BOT_USER, "is_bot": True}],
    }


def file_share(
    channel: str, ts: str, files: list[dict[str, Any]], user: str = "U1"
) -> dict[str, Any]:
    return {
        "type": "message",
        "subtype": "file_share",
        "channel": channel,
        "channel_type": "channel",
        "user": user,
        "ts": ts,
        "text": "",
        "files": files,
    }


def command_form(channel: str, text: str, user: str = "U1", team: str = "T1") -> str:
    return urlencode(
        {
            "token": "legacy",
            "team_id": team,
            "channel_id": channel,
            "user_id": user,
            "command": "/invoices",
            "text": text,
            "response_url": "http://127.0.0.1:9/commands/none",
            "trigger_id": "trig",
            "api_app_id": "A1",
        }
    )

"""Batches as the API and the CLI list them: newest first, filtered, limited to the caller's
outlets, with where their reply stands."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.batch import BatchRequest, Source
from storage.status import Channel
from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.pdfs import invoice_pdf

ROOT = Path(__file__).resolve().parents[1]
LIST = "/api/v2/bulk_importations/"


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    async with serve(make_config()) as api:
        await api.outlet("olt-1")
        await api.outlet("olt-2", "Second")
        yield api


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _mail_batch(api: Api, message_id: str, outlet: str = "olt-1") -> str:
    source = Source(Channel.EMAIL, message_id, {"message_id": message_id})
    async with api.services.intake.open(source, BatchRequest(outlet)) as batch:
        await batch.add("file[0]", "a.pdf", _chunks(invoice_pdf()))
        return (await batch.submit()).bulk_importation_id


async def test_batches_are_listed_newest_first_with_filters(api: Api) -> None:
    token = await api.token()
    before = datetime.now(UTC) - timedelta(seconds=1)
    status, first = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
    assert status == 201
    mail = await _mail_batch(api, "<m1@x.test>")
    status, other = await api.upload(token, [("file[0]", "b.pdf", invoice_pdf())], outlet="olt-2")
    assert status == 201

    status, body = await api.get(token, LIST)
    assert status == 200, body
    ids = [b["id"] for b in body["results"]]
    assert ids == [other["bulk_importation_id"], mail, first["bulk_importation_id"]]
    assert body["count"] == 3
    newest = body["results"][0]
    assert newest["outlet"] == "olt-2" and newest["channel"] == "api"
    assert newest["counts"] == {"TO_BE_PROCESSED": 1} and newest["invoice_count"] == 1
    assert newest["reply"] == {
        "status": "not_needed",
        "attempts": 0,
        "error": None,
        "sent_date": None,
    }
    assert body["results"][1]["reply"]["status"] == "pending"
    assert body["results"][1]["reference"] == "<m1@x.test>"

    status, body = await api.get(token, LIST, outlet="olt-1")
    assert [b["id"] for b in body["results"]] == [mail, first["bulk_importation_id"]]
    status, body = await api.get(token, LIST, channel="email")
    assert [b["id"] for b in body["results"]] == [mail]
    status, body = await api.get(token, LIST, created_date__gt=before.isoformat())
    assert body["count"] == 3
    later = (datetime.now(UTC) + timedelta(seconds=5)).isoformat()
    status, body = await api.get(token, LIST, created_date__gt=later)
    assert body["count"] == 0
    status, body = await api.get(token, LIST, page_size=2)
    assert len(body["results"]) == 2 and body["next"] is not None
    status, body = await api.get(token, LIST, page=2, page_size=2)
    assert [b["id"] for b in body["results"]] == [first["bulk_importation_id"]]

    status, body = await api.get(token, LIST, channel="fax")
    assert status == 400 and body["field"] == "channel"
    status, body = await api.get(token, LIST, created_date__gt="yesterday")
    assert status == 400


async def test_a_client_sees_only_the_batches_of_its_outlets(api: Api) -> None:
    admin = await api.token()
    await api.upload(admin, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
    status, mine = await api.upload(admin, [("file[0]", "b.pdf", invoice_pdf())], outlet="olt-2")
    limited = await api.token(outlets=["olt-2"])
    status, body = await api.get(limited, LIST)
    assert [b["id"] for b in body["results"]] == [mine["bulk_importation_id"]]
    status, body = await api.get(limited, LIST, outlet="olt-1")
    assert status == 403
    status, _ = await api.get(None, LIST)
    assert status == 401


async def test_a_repeated_email_shows_as_one_batch(api: Api) -> None:
    token = await api.token()
    first = await _mail_batch(api, "<again@x.test>")
    second = await _mail_batch(api, "<again@x.test>")
    assert first == second
    status, body = await api.get(token, LIST, channel="email")
    assert body["count"] == 1
    status, one = await api.get(token, f"{LIST}{first}/")
    assert status == 200 and one["reply"]["status"] == "pending" and one["done"] is False


def test_status_without_an_id_lists_the_last_batches(tmp_path: Path, db_url: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        f'[database]\nurl = "{db_url}"\n[storage]\npath = "{tmp_path / "files"}"\n'
        '[extraction]\nengine = "local"\n'
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(invoice_pdf())

    def cli(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "bot.cli", "--config", str(config), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    cli("outlets", "add", "olt-1", "--name", "Main")
    [batch] = json.loads(cli("import", "--outlet", "olt-1", str(folder), "--json"))["batches"]
    listed = json.loads(cli("status", "--json"))
    assert [b["id"] for b in listed] == [batch["id"]]
    assert listed[0]["channel"] == "cli" and listed[0]["done"] is True
    assert listed[0]["reply"]["status"] == "not_needed"
    table = cli("status")
    assert batch["id"][:8] in table and "done" in table
    assert json.loads(cli("status", "--channel", "email", "--json")) == []


async def test_every_request_has_an_id_on_its_log_lines(api: Api) -> None:
    import io
    import logging

    from bot.logs import JsonFormatter, _Context

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(_Context())
    logger = logging.getLogger("bot.intake")
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO)
    try:
        token = await api.token()
        form_headers = {**api.auth(token), "X-Request-ID": "trace-42"}
        import aiohttp

        form = aiohttp.FormData()
        form.add_field("outlet", "olt-1")
        form.add_field("file[0]", invoice_pdf(), filename="a.pdf")
        async with api.http.post(
            f"{api.base}/api/v2/invoices/bulk_upload/", data=form, headers=form_headers
        ) as resp:
            assert resp.status == 201
            assert resp.headers["X-Request-ID"] == "trace-42"
            batch_id = (await resp.json())["bulk_importation_id"]
        async with api.http.get(f"{api.base}/healthz", headers={"X-Request-ID": "bad id!"}) as r:
            generated = r.headers["X-Request-ID"]
        assert generated != "bad id!" and len(generated) == 16
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert any(
        line["request_id"] == "trace-42" and line["batch_id"] == batch_id for line in lines
    ), lines

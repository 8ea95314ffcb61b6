"""The PDF check at upload runs in a bounded child: a hostile file costs the child, not us."""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.pdfs import invoice_pdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from upload_memory import hostile_pdf  # noqa: E402

HOSTILE = hostile_pdf(20 * 1024 * 1024, 0)


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    config = make_config(http={"rate_limit_per_minute": 0}, worker={"concurrency": 0})
    async with serve(config) as api:
        await api.outlet("olt-1")
        yield api


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def test_a_string_bomb_is_refused_without_growing_the_server(
    api: Api, tmp_path: Path
) -> None:
    # unbounded, pypdf needs ~440 MB for this file's page count (the bound is 256 MB)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(HOSTILE)
    token = await api.token()
    before = _peak_mb()
    status, body = await api.upload(
        token,
        [("file[0]", "bomb.pdf", HOSTILE), ("file[1]", "good.pdf", invoice_pdf())],
        outlet="olt-1",
    )
    assert status == 201, body
    assert [e["code"] for e in body["errors"]] == ["unreadable_pdf"]
    assert [i["file"] for i in body["invoices"]] == ["file[1]"]
    # this process held the upload's bytes only as chunks: its peak grew by far less than
    # what parsing the file takes
    assert _peak_mb() - before < 150, (before, _peak_mb())


async def test_the_check_is_stopped_at_its_time_bound(make_config: ConfigFactory) -> None:
    config = make_config(
        limits={"pdf_check_timeout_seconds": 0.2, "pdf_check_memory_mb": 2048},
        worker={"concurrency": 0},
    )
    async with serve(config) as api:
        await api.outlet("olt-1")
        token = await api.token()
        status, body = await api.upload(token, [("file[0]", "b.pdf", HOSTILE)], outlet="olt-1")
    assert status == 400, body
    assert body["errors"][0]["code"] == "unreadable_pdf"
    assert "within our bounds" in body["errors"][0]["detail"]


def test_the_same_check_unbounded_would_accept_the_bomb(tmp_path: Path) -> None:
    """The refusal above is the bound's doing: the file itself is a valid one-page PDF, whose
    check takes hundreds of MB (run in a process of its own, so this one's peak stays low)."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(HOSTILE)
    code = (
        "import resource, sys; from bot.pdfinspect import inspect; "
        f"print(inspect(b'', {str(path)!r})['pages'], "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out[0] == "1"
    assert int(out[1]) > 300, out

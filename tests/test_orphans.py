"""``invoicebot files orphans``: stored files no invoice names, found and removed on request.

Real processes of the CLI on a real folder store and both databases; the orphans are made the
way a crash makes them (stored, then no transaction), the named files by a real intake.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

from bot.app import Services, open_services
from bot.batch import BatchRequest, IntakeResult, Sender, Source
from bot.catalog import OutletIn
from bot.config import load_config
from bot.files import Store
from bot.orphans import find_orphans, remove_orphans
from storage.status import Channel
from tests.pdfs import invoice_pdf
from tests.test_cli import _config, run

DAY = 24 * 3600


async def _chunks(content: bytes) -> AsyncIterator[bytes]:
    yield content


async def _submit(svc: Services, content: bytes) -> IntakeResult:
    reference = f"<{uuid.uuid4().hex}@x.test>"
    source = Source(Channel.EMAIL, reference, {"message_id": reference, "subject": "Invoices"})
    async with svc.intake.open(source, BatchRequest("olt-1"), Sender(address="c@x.test")) as batch:
        await batch.add("file[0]", "a.pdf", _chunks(content))
        return await batch.submit()


async def _orphan(store: Store, content: bytes, age_s: float = 0) -> str:
    """Store a file the way a process killed before its commit leaves it: stored, named by no
    invoice; written ``age_s`` ago."""
    spooled = await store.spool(_chunks(content), 10**8)
    (sha,) = await store.store_all([spooled])
    _age(store.root / sha[:2] / sha[2:4] / f"{sha}.pdf", age_s)
    return sha


def _age(path: Path, age_s: float) -> None:
    then = time.time() - age_s
    os.utime(path, (then, then))


async def test_orphans_are_listed_then_removed_and_nothing_else(
    tmp_path: Path, db_url: str
) -> None:
    path = _config(tmp_path, db_url)
    run(path, "db", "upgrade")
    async with open_services(load_config(str(path)), with_channels=False) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        content = invoice_pdf("N-1")
        assert not (await _submit(svc, content)).errors
        named = hashlib.sha256(content).hexdigest()
        named_path = svc.files.root / named[:2] / named[2:4]
        _age(named_path / f"{named}.pdf", 2 * DAY)
        old = await _orphan(svc.files, invoice_pdf("O-1"), 2 * DAY)
        fresh = await _orphan(svc.files, invoice_pdf("F-1"))
    # not a stored file's name: whatever else lies in the folder is left alone
    stranger = named_path / "notes.pdf"
    stranger.write_bytes(b"mine")
    _age(stranger, 2 * DAY)

    listed = run(path, "files", "orphans")
    assert "3 stored files" in listed.stdout and "1 of them" in listed.stdout, listed.stdout
    assert old in listed.stdout and fresh not in listed.stdout
    assert "nothing removed" in listed.stdout
    files = tmp_path / "files"
    assert len(list(files.glob("??/??/*.pdf"))) == 4

    removed = run(path, "files", "orphans", "--delete")
    assert "removed 1 files" in removed.stdout, removed.stdout
    left = {p.name for p in files.glob("??/??/*.pdf")}
    assert left == {f"{named}.pdf", f"{fresh}.pdf", "notes.pdf"}

    # no grace: the fresh one goes too; the named file still stays
    run(path, "files", "orphans", "--older-than", "0", "--delete")
    assert {p.name for p in files.glob("??/??/*.pdf")} == {f"{named}.pdf", "notes.pdf"}

    bad = run(path, "files", "orphans", "--older-than", "-1", check=False)
    assert bad.returncode == 2 and "not a number of hours" in bad.stderr


async def test_an_orphan_named_while_it_was_removed_is_reported(
    tmp_path: Path, db_url: str
) -> None:
    """The same bytes uploaded again between the listing and the removal: the upload finds the
    file stored and does not write it again, so the removal takes its invoice's file; the
    command must say which, not leave it to surface later as a missing file."""
    path = _config(tmp_path, db_url)
    run(path, "db", "upgrade")
    async with open_services(load_config(str(path)), with_channels=False) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Main"))
        content = invoice_pdf("R-1")
        sha = await _orphan(svc.files, content, 2 * DAY)
        found = [o async for o in find_orphans(svc.files, svc.db, DAY)]
        assert [o.sha256 for o in found] == [sha]
        again = await _submit(svc, content)
        assert len(again.invoices) == 1 and not again.errors
        assert await remove_orphans(svc.files, svc.db, found) == {sha}

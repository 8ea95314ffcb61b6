"""Stored files that no invoice names: found, and removed when asked (``invoicebot files orphans``).

A batch's files are stored before its transaction commits and taken back when it fails. What a
killed process, or a store or database down during the take-back, leaves behind is a file no
invoice names: it costs space, never correctness, so it is left to an operator's command rather
than deleted on a timer (a folder or bucket prefix shared by mistake with another installation
would lose that installation's files). Only files older than a grace period count: one stored
a moment ago may belong to a transaction still open.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Sequence

from bot.files import Store, StoredFile
from storage import invoices
from storage.db import Database

#: how many stored files are looked up in the database at once
CHUNK = 500


async def find_orphans(
    store: Store,
    db: Database,
    older_than_s: float,
    listed: Callable[[], None] = lambda: None,
) -> AsyncIterator[StoredFile]:
    """The stored files written more than ``older_than_s`` ago that no invoice names;
    ``listed`` is called for every file the store lists (for a progress display)."""
    cutoff = time.time() - older_than_s
    old: list[StoredFile] = []
    async for stored in store.listing():
        listed()
        if stored.modified < cutoff:
            old.append(stored)
        if len(old) >= CHUNK:
            for orphan in await _unnamed(db, old):
                yield orphan
            old = []
    for orphan in await _unnamed(db, old):
        yield orphan


async def remove_orphans(store: Store, db: Database, orphans: Sequence[StoredFile]) -> set[str]:
    """Delete them; return those an invoice named by the time they were gone (an upload of the
    same bytes that committed in between: its invoice has lost its file and must be sent
    again), so that the caller can say so instead of it surfacing later as a missing file."""
    shas = [orphan.sha256 for orphan in orphans]
    named: set[str] = set()
    for start in range(0, len(shas), CHUNK):
        await store.remove(shas[start : start + CHUNK])
    for start in range(0, len(shas), CHUNK):
        async with db.read() as session:
            named |= await invoices.files_in_use(session, shas[start : start + CHUNK])
    return named


async def _unnamed(db: Database, stored: list[StoredFile]) -> list[StoredFile]:
    if not stored:
        return []
    async with db.read() as session:
        used = await invoices.files_in_use(session, [s.sha256 for s in stored])
    return [s for s in stored if s.sha256 not in used]

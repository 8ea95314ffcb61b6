"""Content-addressed file store, and spooling of incoming uploads to disk.

Every channel receives files as a stream of chunks; :meth:`FileStore.spool` writes them to a
temporary file while hashing, so nothing holds a whole file in memory. Accepted files are moved to
``<root>/<sha[:2]>/<sha[2:4]>/<sha>.pdf`` and fsynced (file and folder) before the channel says
"accepted": once we answered, a crash cannot lose them.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import AsyncIterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import FileRejected

#: how many leading bytes are kept to recognise the file type
HEAD_SIZE = 1024


@dataclass
class SpooledFile:
    """An upload written to a temporary file, with what we learnt on the way."""

    path: Path
    size: int
    sha256: str
    head: bytes
    #: set when the stream was longer than the limit; the rest was read and discarded
    too_large: bool = False
    discarded: bool = field(default=False, repr=False)
    #: already fsynced (see FileStore.sync); storing then only renames
    synced: bool = field(default=False, repr=False)

    def discard(self) -> None:
        if not self.discarded:
            self.discarded = True
            self.path.unlink(missing_ok=True)


class FileStore:
    """Files of invoices by SHA-256 under one root folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"

    def open(self, stale_after_s: float = 24 * 3600) -> None:
        """Create the folders and drop spool files a crashed process left behind."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - stale_after_s
        for leftover in self.tmp.glob("*.part"):
            with contextlib.suppress(FileNotFoundError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.pdf"

    async def spool(self, chunks: AsyncIterable[bytes], max_size: int) -> SpooledFile:
        """Write ``chunks`` to a temporary file; past ``max_size`` keep reading but stop writing."""
        fd, name = tempfile.mkstemp(dir=self.tmp, suffix=".part")
        digest = hashlib.sha256()
        size = 0
        head = b""
        too_large = False
        try:
            with os.fdopen(fd, "wb") as out:
                async for chunk in chunks:
                    size += len(chunk)
                    if too_large:
                        continue
                    if size > max_size:
                        too_large = True
                        out.truncate(0)
                        continue
                    if len(head) < HEAD_SIZE:
                        head += chunk[: HEAD_SIZE - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
            raise
        return SpooledFile(Path(name), size, digest.hexdigest(), head, too_large)

    async def store(self, spooled: SpooledFile) -> Path:
        """Move a spooled file to its content address, durably."""
        return await asyncio.to_thread(self._store_sync, spooled)

    async def store_all(self, spooled: Sequence[SpooledFile]) -> list[Path]:
        """Store several files at once. Their fsyncs run in parallel threads, so the filesystem
        can commit them together: several times faster than one after the other."""
        return list(await asyncio.gather(*(self.store(s) for s in spooled)))

    def _store_sync(self, spooled: SpooledFile) -> Path:
        target = self.path(spooled.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not spooled.synced:
            self._sync_file(spooled)
        if target.exists():
            spooled.discard()
        else:
            os.replace(spooled.path, target)
            spooled.discarded = True
        _fsync_dir(target.parent)
        return target

    async def sync(self, spooled: SpooledFile) -> None:
        """fsync a spooled file now, so that storing it later is only a rename."""
        await asyncio.to_thread(self._sync_file, spooled)

    @staticmethod
    def _sync_file(spooled: SpooledFile) -> None:
        with open(spooled.path, "rb") as fh:
            os.fsync(fh.fileno())
        spooled.synced = True

    async def read(self, sha256: str) -> bytes:
        """The bytes of a stored file (for extraction; one file, never a batch)."""
        try:
            return await asyncio.to_thread(self.path(sha256).read_bytes)
        except FileNotFoundError:
            raise FileRejected("missing_file", f"stored file {sha256} is missing") from None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

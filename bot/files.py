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
import socket
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


#: how often a serving process sweeps the spool folder (see :meth:`FileStore.sweep`)
SWEEP_INTERVAL_S = 600.0


class FileStore:
    """Files of invoices by SHA-256 under one root folder.

    Spool files are named ``<host>-<pid>-<random>.part``, so that a sweep can tell the
    leftovers of a killed process (its pid is gone on this host) from the uploads of a live
    one, also when several processes or machines share the folder.
    """

    def __init__(self, root: Path, stale_after_s: float = 24 * 3600) -> None:
        self.root = root
        self.tmp = root / "tmp"
        self.host = socket.gethostname().replace("-", "_")[:60] or "host"
        self.stale_after_s = stale_after_s

    def open(self) -> None:
        """Create the folders and drop spool files that crashed processes left behind."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.sweep()

    def sweep(self) -> int:
        """Remove spool files of processes of this host that are gone, and any spool file
        older than ``stale_after_s`` (another host's, whose pids we cannot check); return
        how many were removed."""
        cutoff = time.time() - self.stale_after_s
        removed = 0
        for leftover in self.tmp.glob("*.part"):
            host, _, rest = leftover.name.partition("-")
            pid = rest.partition("-")[0]
            with contextlib.suppress(FileNotFoundError):
                dead = host == self.host and pid.isdigit() and not _alive(int(pid))
                if dead or leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
                    removed += 1
        return removed

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.pdf"

    async def spool(self, chunks: AsyncIterable[bytes], max_size: int) -> SpooledFile:
        """Write ``chunks`` to a temporary file; past ``max_size`` keep reading but stop writing."""
        prefix = f"{self.host}-{os.getpid()}-"
        fd, name = tempfile.mkstemp(dir=self.tmp, prefix=prefix, suffix=".part")
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

    async def store(self, spooled: SpooledFile) -> Path | None:
        """Move a spooled file to its content address, durably; the path when this call
        created it, None when the store had these bytes already."""
        return await asyncio.to_thread(self._store_sync, spooled)

    async def store_all(self, spooled: Sequence[SpooledFile]) -> list[Path]:
        """Store several files at once; return the paths this call created (to take back with
        :meth:`unstore` if what they were stored for fails). Their fsyncs run in parallel
        threads, so the filesystem can commit them together."""
        created = await asyncio.gather(*(self.store(s) for s in spooled))
        return [path for path in created if path is not None]

    async def unstore(self, paths: Sequence[Path]) -> None:
        """Remove files :meth:`store_all` created for a transaction that then failed, so no
        file is left that no invoice names."""

        def remove() -> None:
            for path in paths:
                path.unlink(missing_ok=True)

        await asyncio.to_thread(remove)

    def _store_sync(self, spooled: SpooledFile) -> Path | None:
        target = self.path(spooled.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not spooled.synced:
            self._sync_file(spooled)
        created = None
        if target.exists():
            spooled.discard()
        else:
            os.replace(spooled.path, target)
            spooled.discarded = True
            created = target
        _fsync_dir(target.parent)
        return created

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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    return True


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

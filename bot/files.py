"""Where invoice files live (by SHA-256), and the spooling of incoming uploads to local disk.

Every channel receives files as a stream of chunks; :meth:`Store.spool` writes them to a temporary
file on this machine while hashing, so nothing holds a whole file in memory. Accepted files then
go to the store every process reads them from: :class:`FileStore`, a folder (local, or shared by
several machines over NFS), or :class:`bot.s3store.S3Store`, an S3-compatible bucket. Keys are
the content's SHA-256, so two machines storing the same bytes write the same thing.

Files are stored before the batch's transaction commits (once we answered, a crash cannot lose
them) and taken back when it fails. A store that cannot be reached raises
:class:`~bot.errors.StoreUnavailable`, and a failed :meth:`Store.store_all` leaves nothing behind.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import hashlib
import logging
import os
import re
import secrets
import socket
import time
from collections.abc import AsyncIterable, AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import FileRejected, StoreUnavailable

if TYPE_CHECKING:
    from bot.config import StorageConfig

log = logging.getLogger(__name__)

#: how many leading bytes are kept to recognise the file type
HEAD_SIZE = 1024
#: a stored file's name is its SHA-256 in lower-case hex, in folders named by its first digits
SHA256_NAME = re.compile(r"[0-9a-f]{64}")
_HEX_DIR = re.compile(r"[0-9a-f]{2}")
#: reads of a spooled file to hash it
HASH_BLOCK = 128 * 1024


@dataclass
class SpooledFile:
    """An upload written to a temporary file, with what we learnt on the way."""

    path: Path
    size: int
    #: "" until known: a spool without ``digest`` leaves it to :meth:`Store.store_all`
    sha256: str
    head: bytes
    #: set when the stream was longer than the limit; the rest was read and discarded
    too_large: bool = False
    discarded: bool = field(default=False, repr=False)

    def discard(self) -> None:
        if not self.discarded:
            self.discarded = True
            self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class StoredFile:
    """A file in the store, as a listing sees it."""

    sha256: str
    size: int
    #: when it was written (seconds since the epoch)
    modified: float


#: how a spool file is opened: a new file, never one that exists
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)

#: files or folders of a batch hashed and fsynced at once (see FileStore)
FSYNCS_AT_ONCE = 8

#: how often a serving process sweeps the spool folder (see :meth:`Store.sweep`)
SWEEP_INTERVAL_S = 600.0


class Store(abc.ABC):
    """Invoice files by SHA-256, and the local spool folder uploads are written to first.

    Spool files are named ``<host>-<pid>-<random>.part``, so that a sweep can tell the
    leftovers of a killed process (its pid is gone on this host) from the uploads of a live
    one, also when several processes or machines share the folder.
    """

    def __init__(self, root: Path, stale_after_s: float = 24 * 3600) -> None:
        #: this machine's folder: the spool (and, for a remote store, its local copies)
        self.root = root
        self.tmp = root / "tmp"
        self.host = socket.gethostname().replace("-", "_")[:60] or "host"
        self.stale_after_s = stale_after_s

    def open(self) -> None:
        """Create the folders and drop spool files that crashed processes left behind."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.sweep()

    async def start(self) -> None:
        """Connect (a remote store); nothing is sent yet, so a store that is down does not
        stop the start: each use says so instead."""
        return None

    async def close(self) -> None:
        """Release connections."""
        return None

    @abc.abstractmethod
    def describe(self) -> str:
        """Where the files go, for people (logs, ``invoicebot doctor``, errors)."""

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

    async def spool(
        self, chunks: AsyncIterable[bytes], max_size: int, *, digest: bool = True
    ) -> SpooledFile:
        """Write ``chunks`` to a temporary file; past ``max_size`` keep reading but stop writing.

        Without ``digest`` the SHA-256 is left to :meth:`store_all`, which takes it off the
        event loop (and reads what the disk holds).
        """
        fd, name = self._create_spool_file()
        hasher = hashlib.sha256() if digest else None
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
                    if hasher is not None:
                        hasher.update(chunk)
                    out.write(chunk)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
            raise
        sha256 = hasher.hexdigest() if hasher is not None else ""
        return SpooledFile(Path(name), size, sha256, head, too_large)

    def _create_spool_file(self) -> tuple[int, str]:
        """A new spool file, open for writing (``tempfile.mkstemp`` without its overhead: it
        is on the event loop for every file received)."""
        prefix = f"{self.tmp}/{self.host}-{os.getpid()}-"
        while True:
            name = f"{prefix}{secrets.token_hex(8)}.part"
            try:
                return os.open(name, _CREATE, 0o600), name
            except FileExistsError:  # pragma: no cover - 64 random bits
                continue

    @staticmethod
    def digest_now(spooled: SpooledFile) -> None:
        """The SHA-256 of a spooled file, from disk (blocking: call it off the event loop)."""
        hasher = hashlib.sha256()
        block = bytearray(HASH_BLOCK)
        view = memoryview(block)
        with open(spooled.path, "rb", buffering=0) as fh:
            while n := fh.readinto(block):
                hasher.update(view[:n])
        spooled.sha256 = hasher.hexdigest()

    @classmethod
    def settle_now(cls, spooled: SpooledFile) -> None:
        """What a spooled file still lacks before it is stored, so that storing it is only a
        rename: its SHA-256 and an fsync (blocking: call it off the event loop)."""
        if not spooled.sha256:
            cls.digest_now(spooled)
        with open(spooled.path, "rb") as fh:
            os.fsync(fh.fileno())

    @abc.abstractmethod
    async def store(self, spooled: SpooledFile) -> str | None:
        """Put a spooled file in the store, durably; its SHA-256 when this call created it,
        None when the store had these bytes already. The spooled file is consumed."""

    async def store_all(self, spooled: Sequence[SpooledFile]) -> list[str]:
        """Store several files at once; return the SHA-256s this call created (to take back
        with :meth:`unstore` if what they were stored for fails).

        All or nothing: when one cannot be stored, those this call created are taken back and
        :class:`StoreUnavailable` is raised, so a failed batch leaves no file behind.
        """
        unhashed = [s for s in spooled if not s.sha256]
        if unhashed:
            await asyncio.to_thread(lambda: [self.digest_now(s) for s in unhashed])
        outcomes = await asyncio.gather(
            *(self._store_one(s) for s in spooled), return_exceptions=True
        )
        created = [o for o in outcomes if isinstance(o, str)]
        failures = [o for o in outcomes if isinstance(o, BaseException)]
        if failures:
            await self.unstore(created)
            for failure in failures:
                if not isinstance(failure, StoreUnavailable):
                    raise failure
            raise failures[0]
        return created

    async def _store_one(self, spooled: SpooledFile) -> str | None:
        try:
            return await self.store(spooled)
        except OSError as exc:
            raise StoreUnavailable(
                f"the file store ({self.describe()}) cannot be written: {exc.strerror or exc}"
            ) from exc

    async def unstore(self, sha256s: Sequence[str]) -> None:
        """Remove files :meth:`store_all` created for a transaction that then failed, so no
        file is left that no invoice names. Best effort: it never raises (it runs while
        another failure is being reported); what it leaves, ``invoicebot files orphans`` finds."""
        try:
            await self.remove(sha256s)
        except (StoreUnavailable, OSError) as exc:
            log.warning("left %d stored files of a failed batch: %s", len(sha256s), exc)

    @abc.abstractmethod
    async def remove(self, sha256s: Sequence[str]) -> None:
        """Delete these files (those already gone are no error); :class:`StoreUnavailable`
        when the store cannot do it now."""

    @abc.abstractmethod
    def listing(self) -> AsyncIterator[StoredFile]:
        """Every stored file, in no particular order, read a part at a time (a store may hold
        millions). Only names of the store's own shape are listed: whatever else shares the
        folder or bucket prefix is none of ours."""

    @abc.abstractmethod
    async def read(self, sha256: str) -> bytes:
        """The bytes of a stored file (for extraction; one file, never a batch, and no larger
        than the upload limit). :class:`FileRejected` when it is missing,
        :class:`StoreUnavailable` when the store cannot be read now."""

    @abc.abstractmethod
    async def local_file(self, sha256: str) -> Path | None:
        """A file on this machine holding the stored bytes (to serve, or to render pages
        from); None when the store has no such file."""


class FileStore(Store):
    """Files in one folder, ``<root>/<sha[:2]>/<sha[2:4]>/<sha>.pdf``, fsynced (file and
    folder) before the channel says "accepted". Several machines may share it (NFS): the
    spool is under the same root, and a stored file appears by an atomic rename."""

    def __init__(self, root: Path, stale_after_s: float = 24 * 3600) -> None:
        super().__init__(root, stale_after_s)
        # a batch's files, then its folders, are fsynced at once, not one after the other:
        # each fsync may be a flush of the disk's cache, and flushes asked together are done
        # together
        self._fsyncs = ThreadPoolExecutor(FSYNCS_AT_ONCE, thread_name_prefix="fsync")

    async def close(self) -> None:
        self._fsyncs.shutdown(wait=False)

    def describe(self) -> str:
        return f"folder {self.root}"

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.pdf"

    async def store(self, spooled: SpooledFile) -> str | None:
        return await asyncio.to_thread(self._store_sync, spooled)

    async def remove(self, sha256s: Sequence[str]) -> None:
        try:
            await asyncio.to_thread(self._unlink, sha256s)
        except OSError as exc:
            raise StoreUnavailable(
                f"the file store ({self.describe()}) cannot remove files: {exc.strerror or exc}"
            ) from exc

    async def listing(self) -> AsyncIterator[StoredFile]:
        for top in sorted(await asyncio.to_thread(_hex_dirs, self.root)):
            for found in await asyncio.to_thread(_stored_below, top):
                yield found

    async def store_all(self, spooled: Sequence[SpooledFile]) -> list[str]:
        """All files of a batch in one trip to a thread (not one each): an fsync of each
        file, the renames, then one fsync of each folder that got a new entry."""
        try:
            return await asyncio.to_thread(self._store_all_sync, list(spooled))
        except OSError as exc:
            raise StoreUnavailable(
                f"the file store ({self.describe()}) cannot be written: {exc.strerror or exc}"
            ) from exc

    def _store_all_sync(self, spooled: list[SpooledFile]) -> list[str]:
        created: list[str] = []
        folders: dict[Path, None] = {}  # to fsync once each, after the renames
        try:
            # data first, all files at once (fsyncs asked together are flushed together)
            for _ in self._fsyncs.map(self.settle_now, spooled):
                pass  # raises the first failure
            for item in spooled:
                target = self.path(item.sha256)
                for folder in self._make_folders(target.parent):
                    folders[folder] = None
                # fsynced also when the file was there: the request that put it there may
                # not have fsynced its folder yet
                folders[target.parent] = None
                if target.exists():
                    item.discard()
                    continue
                os.replace(item.path, target)
                item.discarded = True
                created.append(item.sha256)
            for _ in self._fsyncs.map(_fsync_dir, folders):
                pass  # raises the first failure
        except BaseException:
            self._remove(created)  # all or nothing
            raise
        return created

    def _make_folders(self, folder: Path) -> list[Path]:
        """Create ``folder`` (and its parent) if missing; the folders whose entries changed,
        to fsync so that a new folder survives a crash as its files do."""
        if folder.is_dir():
            return []
        changed = [] if folder.parent.is_dir() else [self.root]
        folder.mkdir(parents=True, exist_ok=True)
        return [*changed, folder.parent]

    def _store_sync(self, spooled: SpooledFile) -> str | None:
        created = self._store_all_sync([spooled])
        return created[0] if created else None

    def _unlink(self, sha256s: Sequence[str]) -> None:
        for sha256 in sha256s:
            self.path(sha256).unlink(missing_ok=True)

    def _remove(self, sha256s: Sequence[str]) -> None:
        """Best effort, while a failure is being reported."""
        try:
            self._unlink(sha256s)
        except OSError as exc:
            log.warning("could not remove %d stored files: %s", len(sha256s), exc)

    async def read(self, sha256: str) -> bytes:
        try:
            return await asyncio.to_thread(self.path(sha256).read_bytes)
        except FileNotFoundError:
            raise FileRejected("missing_file", f"stored file {sha256} is missing") from None
        except OSError as exc:
            raise StoreUnavailable(
                f"the file store ({self.describe()}) cannot be read: {exc.strerror or exc}"
            ) from exc

    async def local_file(self, sha256: str) -> Path | None:
        path = self.path(sha256)
        return path if path.exists() else None


def build_store(config: StorageConfig) -> Store:
    """The store ``[storage] backend`` names; S3's client library is imported only then."""
    if config.backend == "s3":
        from bot.s3store import S3Store

        return S3Store(config.path, config.s3)
    return FileStore(config.path)


def _hex_dirs(folder: Path) -> list[Path]:
    """The two-hex-digit folders the store files are sorted into."""
    with os.scandir(folder) as entries:
        return [Path(e.path) for e in entries if _HEX_DIR.fullmatch(e.name) and e.is_dir()]


def _stored_below(top: Path) -> list[StoredFile]:
    found = []
    for middle in _hex_dirs(top):
        with os.scandir(middle) as entries:
            for entry in entries:
                sha256, _, suffix = entry.name.partition(".")
                placed = sha256[:2] == top.name and sha256[2:4] == middle.name
                if suffix == "pdf" and placed and SHA256_NAME.fullmatch(sha256) and entry.is_file():
                    stat = entry.stat()
                    found.append(StoredFile(sha256, stat.st_size, stat.st_mtime))
    return found


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

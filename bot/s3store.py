"""Invoice files in an S3-compatible bucket, through aiobotocore (async, on our event loop).

aiobotocore gives us what a hand-written client would get wrong: SigV4 signing, retries with
backoff, the S3 error codes, and a file body sent in chunks as it is read (aiohttp reads it in
a thread), so a big upload never sits in memory. Keys are
``<prefix><sha[:2]>/<sha[2:4]>/<sha>.pdf``: storing bytes that are there already is skipped, and
two machines storing the same file write the same object.

Uploads are still spooled to this machine's disk first (``[storage] path``): the checks run on
that file, and only accepted files are sent. PDFs to serve or render are copied back to
``<path>/cache``, a copy that can never be stale (the key is the content's hash).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import tempfile
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import Any

import aiohttp
from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import BotoCoreError, ClientError

from bot.config import S3Config
from bot.errors import ConfigError, FileRejected, StoreUnavailable
from bot.files import SHA256_NAME, SpooledFile, Store, StoredFile

log = logging.getLogger(__name__)

#: what the client libraries raise when the server cannot be reached or refuses
_FAILURES = (BotoCoreError, ClientError, aiohttp.ClientError, OSError, TimeoutError)
_MISSING = frozenset({"404", "NoSuchKey", "NotFound"})
#: a local copy is written in pieces of this size
CHUNK = 256 * 1024


class S3Store(Store):
    def __init__(
        self,
        root: Path,
        config: S3Config,
        env: dict[str, str] | None = None,
        stale_after_s: float = 24 * 3600,
    ) -> None:
        super().__init__(root, stale_after_s)
        if not config.bucket:
            raise ConfigError("storage.s3.bucket", 'is required with [storage] backend = "s3"')
        self.config = config
        self.env = dict(os.environ if env is None else env)
        self.bucket = config.bucket
        self.cache = root / "cache"
        self._uploads = asyncio.Semaphore(max(1, config.uploads_at_once))
        self._client: Any = None
        self._exit = contextlib.AsyncExitStack()

    def describe(self) -> str:
        where = self.config.endpoint_url or f"AWS S3 {self.config.region}"
        return f"bucket {self.bucket} at {where}"

    def open(self) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)
        super().open()

    async def start(self) -> None:
        config = self.config

        def secret(name: str) -> str | None:
            return self.env.get(name) or None if name else None

        client_config = AioConfig(
            connect_timeout=config.timeout_seconds,
            read_timeout=config.timeout_seconds,
            retries={"max_attempts": max(1, config.max_attempts), "mode": "standard"},
            s3={"addressing_style": config.addressing_style},
            signature_version="s3v4",
            # checksums only where S3 requires them: many S3-compatible servers refuse the
            # CRC trailers botocore sends by default since 1.36
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        try:
            self._client = await self._exit.enter_async_context(
                get_session().create_client(
                    "s3",
                    region_name=config.region,
                    endpoint_url=config.endpoint_url or None,
                    aws_access_key_id=secret(config.access_key_id_env),
                    aws_secret_access_key=secret(config.secret_access_key_env),
                    aws_session_token=secret(config.session_token_env),
                    config=client_config,
                )
            )
        except (BotoCoreError, ValueError) as exc:
            # one key set without the other, an endpoint that is no URL: the config's fault
            raise ConfigError(
                "storage.s3",
                f"{exc} (keys from ${config.access_key_id_env} and "
                f"${config.secret_access_key_env})",
            ) from exc

    async def close(self) -> None:
        await self._exit.aclose()
        self._client = None

    def key(self, sha256: str) -> str:
        return f"{self.config.prefix}{sha256[:2]}/{sha256[2:4]}/{sha256}.pdf"

    def _unavailable(self, doing: str, exc: BaseException) -> StoreUnavailable:
        if isinstance(exc, ClientError):
            error = exc.response.get("Error", {})
            reason = f"{error.get('Code', '?')}: {error.get('Message') or 'no message'}"
        else:
            reason = str(exc) or type(exc).__name__
        return StoreUnavailable(f"the file store ({self.describe()}) cannot {doing}: {reason}")

    @contextlib.contextmanager
    def _calls(self, doing: str) -> Iterator[None]:
        """The client's failures as :class:`StoreUnavailable` saying what could not be done,
        but a missing object as :class:`_Missing`, which each caller answers its own way."""
        try:
            yield
        except ClientError as exc:
            if _code(exc) in _MISSING:
                raise _Missing from None
            raise self._unavailable(doing, exc) from exc
        except _FAILURES as exc:
            raise self._unavailable(doing, exc) from exc

    @property
    def client(self) -> Any:
        if self._client is None:
            raise StoreUnavailable(f"the file store ({self.describe()}) is not open")
        return self._client

    async def exists(self, sha256: str) -> bool:
        try:
            with self._calls("be read"):
                await self.client.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except _Missing:
            return False
        return True

    async def store(self, spooled: SpooledFile) -> str | None:
        async with self._uploads:
            try:
                if await self.exists(spooled.sha256):
                    return None
                with open(spooled.path, "rb") as body:  # noqa: ASYNC230 (opening is instant)
                    await self.client.put_object(
                        Bucket=self.bucket,
                        Key=self.key(spooled.sha256),
                        Body=body,
                        ContentType="application/pdf",
                    )
            except _FAILURES as exc:
                raise self._unavailable("be written", exc) from exc
            finally:
                spooled.discard()
        return spooled.sha256

    async def remove(self, sha256s: Sequence[str]) -> None:
        keys = [{"Key": self.key(sha)} for sha in sha256s]
        with self._calls("remove files"):
            for start in range(0, len(keys), 1000):
                await self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": keys[start : start + 1000]}
                )

    async def listing(self) -> AsyncIterator[StoredFile]:
        pages = self.client.get_paginator("list_objects_v2")
        with self._calls("be listed"):
            async for page in pages.paginate(Bucket=self.bucket, Prefix=self.config.prefix):
                for obj in page.get("Contents", ()):
                    sha256 = obj["Key"].rpartition("/")[2].removesuffix(".pdf")
                    if SHA256_NAME.fullmatch(sha256) and obj["Key"] == self.key(sha256):
                        yield StoredFile(sha256, obj["Size"], obj["LastModified"].timestamp())

    async def read(self, sha256: str) -> bytes:
        try:
            with self._calls("be read"):
                response = await self.client.get_object(Bucket=self.bucket, Key=self.key(sha256))
                async with response["Body"] as stream:
                    data: bytes = await stream.read()
        except _Missing:
            raise FileRejected("missing_file", f"stored file {sha256} is missing") from None
        return data

    async def local_file(self, sha256: str) -> Path | None:
        target = self.cache / sha256[:2] / f"{sha256}.pdf"
        if target.exists():
            with contextlib.suppress(FileNotFoundError):
                os.utime(target)  # used: the sweep keeps it a while longer
                return target
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out, self._calls("be read"):
                response = await self.client.get_object(Bucket=self.bucket, Key=self.key(sha256))
                async with response["Body"] as stream:
                    async for chunk in stream.iter_chunks(CHUNK):
                        out.write(chunk)
            # a finished copy appears at once under its name, never half written
            os.replace(name, target)
        except _Missing:
            return None
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
        return target

    def sweep(self) -> int:
        """Spool leftovers, and local copies not used for ``cache_hours``."""
        removed = super().sweep()
        cutoff = time.time() - self.config.cache_hours * 3600
        for copy in self.cache.glob("*/*"):
            with contextlib.suppress(FileNotFoundError):
                if copy.stat().st_mtime < cutoff:
                    copy.unlink()
                    removed += 1
        return removed

    async def probe(self) -> str:
        """Write, read back and remove a small object, and ask for one that is not there:
        what ``invoicebot doctor`` checks. The last needs s3:ListBucket (without it S3 answers
        403 instead of 404, and no new file could be stored)."""
        key = f"{self.config.prefix}.doctor-{self.host}-{os.getpid()}"
        await self.exists("0" * 64)
        try:
            await self.client.put_object(Bucket=self.bucket, Key=key, Body=b"ok")
            response = await self.client.get_object(Bucket=self.bucket, Key=key)
            async with response["Body"] as stream:
                back = await stream.read()
            await self.client.delete_object(Bucket=self.bucket, Key=key)
        except _FAILURES as exc:
            raise self._unavailable("be written", exc) from exc
        if back != b"ok":
            raise StoreUnavailable(f"the file store ({self.describe()}) gave back other bytes")
        return f"{self.describe()}: an object was written, read back and removed"


class _Missing(Exception):
    """The object is not in the bucket."""


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))

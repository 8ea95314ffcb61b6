"""Slack files into an intake session: streamed from ``url_private_download`` with the bot token.

A file that is not a PDF by its Slack type is refused without downloading it; a download that
answers with a web page (Slack's sign-in page when the token lacks ``files:read``) or fails is
refused with the reason in words. What is downloaded is checked again by its bytes in the
intake, like any other upload.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

import aiohttp

from bot.errors import ReplyError
from bot.intake import IntakeSession
from handlers.slack.client import SlackClient

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
TIMEOUT = aiohttp.ClientTimeout(total=300, sock_connect=30)


def is_pdf(file: Mapping[str, Any]) -> bool:
    """By what Slack says of the file; the bytes are checked later."""
    name = str(file.get("name") or "")
    return (
        file.get("mimetype") == "application/pdf"
        or file.get("filetype") == "pdf"
        or name.lower().endswith(".pdf")
    )


def file_name(file: Mapping[str, Any], index: int) -> str:
    return str(file.get("name") or file.get("title") or f"file-{index + 1}.pdf")


class FileDownloader:
    """Downloads one message's files into a session, each as ``file[i]``."""

    def __init__(self, client: SlackClient, token: str, max_size: int) -> None:
        self.client = client
        self.token = token
        self.max_size = max_size

    async def add_all(self, batch: IntakeSession, files: list[Mapping[str, Any]]) -> None:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
            for index, file in enumerate(files):
                await self.add(http, batch, f"file[{index}]", file, index)

    async def add(
        self,
        http: aiohttp.ClientSession,
        batch: IntakeSession,
        field: str,
        file: Mapping[str, Any],
        index: int,
    ) -> None:
        if not _download_url(file):
            # the event carried a stub of the file (file_access: check_file_info)
            try:
                file = {**file, **await self.client.file_info(str(file.get("id")))}
            except ReplyError as exc:
                name = file_name(file, index)
                batch.refuse(field, name, "download_failed", f"{name}: {exc.detail}")
                return
        name = file_name(file, index)
        if not is_pdf(file):
            batch.refuse(field, name, "not_a_pdf", f"{name} is not a PDF file")
            return
        size = file.get("size")
        if isinstance(size, int) and size > self.max_size:
            # not worth downloading: the intake would refuse it by its size anyway
            limit = self.max_size / 1024 / 1024
            batch.refuse(
                field, name, "file_too_large", f"{name} is over the limit of {limit:g} MiB"
            )
            return
        url = _download_url(file)
        if not url:
            batch.refuse(field, name, "download_failed", f"{name}: Slack gave no download link")
            return
        headers = {"Authorization": f"Bearer {self.token}"}
        try:
            async with http.get(url, headers=headers) as resp:
                if resp.status != 200:
                    batch.refuse(
                        field, name, "download_failed", f"{name}: download answered {resp.status}"
                    )
                    return
                if resp.content_type == "text/html":
                    batch.refuse(
                        field,
                        name,
                        "not_a_pdf",
                        f"{name}: Slack sent a web page (a sign-in page?) instead of the file",
                    )
                    return
                await batch.add(field, name, _chunks(resp))
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("slack file %s: download failed: %s", file.get("id"), exc)
            batch.refuse(field, name, "download_failed", f"{name}: download failed ({exc})")


def _download_url(file: Mapping[str, Any]) -> str | None:
    url = file.get("url_private_download") or file.get("url_private")
    return str(url) if url else None


async def _chunks(resp: aiohttp.ClientResponse) -> AsyncIterator[bytes]:
    async for chunk in resp.content.iter_chunked(CHUNK):
        yield chunk

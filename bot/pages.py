"""Page images of invoice PDFs, rendered on the server and cached by file hash and page.

The review pages show the PDF as images, so no PDF viewer runs in the browser and nothing of the
document's own scripts or fonts reaches it. ``pdftoppm`` (poppler-utils) renders one page per
call, in its own process with a time limit; a second request for the same page waits for the
first render instead of starting another.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from bot.errors import ExtractionError, NotFound

#: resolution of the page images: readable on a laptop screen, ~100-200 KB a page
DPI = 110
RENDER_TIMEOUT_S = 30


class PageImages:
    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self._renders: dict[Path, asyncio.Lock] = {}

    def cached(self, sha256: str, page: int) -> Path:
        return self.cache / sha256[:2] / f"{sha256}-{page}.png"

    async def image(self, pdf: Path, sha256: str, page: int, pages: int | None) -> Path:
        """The PNG of ``page`` (from 1) of the PDF, rendered once."""
        if page < 1 or (pages is not None and page > pages):
            raise NotFound(f"page {page} does not exist")
        target = self.cached(sha256, page)
        if target.exists():
            return target
        lock = self._renders.setdefault(target, asyncio.Lock())
        async with lock:
            if not target.exists():
                await self._render(pdf, page, target)
        self._renders.pop(target, None)
        return target

    async def _render(self, pdf: Path, page: int, target: Path) -> None:
        tool = shutil.which("pdftoppm")
        if tool is None:
            raise ExtractionError("pdftoppm is not installed (Debian package poppler-utils)")
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            prefix = Path(tmp) / "page"
            args = ["-r", str(DPI), "-png", "-f", str(page), "-l", str(page), "-singlefile"]
            proc = await asyncio.create_subprocess_exec(
                tool,
                *args,
                str(pdf),
                str(prefix),
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            try:
                _, stderr = await asyncio.wait_for(proc.communicate(), RENDER_TIMEOUT_S)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                await proc.wait()
                raise ExtractionError(
                    f"page {page} took over {RENDER_TIMEOUT_S} s to render"
                ) from None
            made = prefix.with_suffix(".png")
            if proc.returncode != 0 or not made.exists():
                detail = stderr.decode(errors="replace").strip()[:200]
                raise ExtractionError(f"page {page} could not be rendered: {detail}")
            # a finished image appears at once under its name, never half written
            os.replace(made, target)

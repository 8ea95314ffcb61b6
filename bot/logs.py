"""Logging: quiet by default, context on every line, text for people or JSON for collectors.

Commands print their result and nothing else: libraries log from WARNING up, our own loggers
(``bot``, ``handlers``, ``storage``) at the level asked for. Whatever is bound with
:func:`bound` (a request id per HTTP request, the batch, invoice and job a worker is on) rides
along on every line logged inside it, across awaits, as ``key=value`` or as JSON fields.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Literal

OURS = ("bot", "handlers", "storage")

_EMPTY: Mapping[str, str] = MappingProxyType({})
_context: ContextVar[Mapping[str, str]] = ContextVar("invoicebot_log_context", default=_EMPTY)


@contextmanager
def bound(**values: str | None) -> Iterator[None]:
    """Add ``values`` to every log line inside the block (None values are left out)."""
    token = _context.set({**_context.get(), **{k: v for k, v in values.items() if v}})
    try:
        yield
    finally:
        _context.reset(token)


class _Context(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.context = dict(_context.get())
        return True


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        context: Mapping[str, str] = getattr(record, "context", {})
        if context:
            line += " [" + " ".join(f"{k}={v}" for k, v in context.items()) + "]"
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the bound context, error."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "context", {}),
        }
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def setup(
    ours: int,
    libraries: int = logging.WARNING,
    fmt: Literal["text", "json"] = "text",
) -> None:
    """Send logs to stderr: our loggers at ``ours``, everything else at ``libraries``."""
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_Context())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(libraries)
    for name in OURS:
        logging.getLogger(name).setLevel(ours)

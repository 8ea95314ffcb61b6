"""Configuration: one TOML file, secrets only from the environment.

The file is ``--config FILE`` or ``$INVOICEBOT_CONFIG``; without either, the embedded defaults
(SQLite and files under ``./data``, offline extractor, HTTP on 127.0.0.1:8080) apply. Every key is
checked for its type and range when loaded, and a wrong one stops the start with
:class:`~bot.errors.ConfigError` naming it (``http.port``), never later at first use.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from bot.errors import ConfigError

ENV_CONFIG = "INVOICEBOT_CONFIG"


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = "sqlite+aiosqlite:///./data/invoicebot.db"
    #: echo SQL to the log (debugging only)
    echo: bool = False


@dataclass(frozen=True)
class StorageConfig:
    path: Path = Path("./data/files")


@dataclass(frozen=True)
class HttpConfig:
    host: str = "127.0.0.1"
    port: int = 8080
    rate_limit_per_minute: int = 100
    token_ttl_seconds: int = 3600
    #: the address people reach this server at (https://invoices.example.com); replies link
    #: to invoices under it. Empty: replies carry no links.
    public_url: str = ""
    #: ``POST /oauth/token/`` per client id and per remote address (0: no limit)
    token_rate_limit_per_minute: int = 20
    #: a client must send a request's headers within this time of starting it (or of
    #: connecting), else the connection is closed: slow-header clients cannot hold it
    header_timeout_seconds: float = 10
    #: a body must keep arriving at this many bytes a second, measured over
    #: ``body_rate_window_seconds``; a slower client gets 408 and is disconnected
    min_body_rate_kb_per_second: float = 10
    body_rate_window_seconds: float = 10
    #: uploads one client may run at once; more get 429
    max_concurrent_uploads_per_client: int = 4


@dataclass(frozen=True)
class LimitsConfig:
    max_files: int = 50
    max_file_size_mb: float = 25
    max_pages: int = 200
    #: the whole multipart body of one upload
    max_request_size_mb: float = 512
    #: each file is opened and its pages counted in a child process with these bounds, so a
    #: hostile file cannot take the server's memory or time; how many run at once per process
    pdf_check_memory_mb: int = 256
    pdf_check_timeout_seconds: float = 30
    pdf_checks_at_once: int = 2

    @property
    def max_file_size(self) -> int:
        return int(self.max_file_size_mb * 1024 * 1024)

    @property
    def max_request_size(self) -> int:
        return int(self.max_request_size_mb * 1024 * 1024)


@dataclass(frozen=True)
class WorkerConfig:
    #: worker tasks run by ``serve`` (0: the API only) and by ``worker``
    concurrency: int = 2
    lease_seconds: float = 120
    max_attempts: int = 5
    retry_base_seconds: float = 5
    poll_interval_seconds: float = 1.0


@dataclass(frozen=True)
class GeminiConfig:
    model: str = "gemini-2.5-flash"
    timeout_seconds: float = 60
    max_retries: int = 3
    #: another endpoint for the Gemini API (a proxy, or a fake server in tests)
    base_url: str = ""


@dataclass(frozen=True)
class ExtractionConfig:
    #: auto, local, einvoice, gemini, or "package.module:factory"
    engine: str = "auto"
    timeout_seconds: float = 60
    memory_mb: int = 1024
    ocr_languages: tuple[str, ...] = ("eng", "deu", "fra", "nld")
    gemini: GeminiConfig = field(default_factory=GeminiConfig)
    #: from $GEMINI_API_KEY only, never from the file
    gemini_api_key: str | None = field(default=None, metadata={"secret": "GEMINI_API_KEY"})


@dataclass(frozen=True)
class LinkingConfig:
    amount_tolerance_percent: Decimal = Decimal("2")
    amount_tolerance_abs: Decimal = Decimal("1.00")
    date_window_days: int = 60
    duplicate_policy: Literal["flag", "reject", "allow"] = "flag"


@dataclass(frozen=True)
class EmailConfig:
    """``[email]``: inbound SMTP, IMAP mailboxes, routes and outbound replies (handlers/email)."""


@dataclass(frozen=True)
class SlackConfig:
    """``[slack]``: the Slack app, its routes and replies (handlers/slack)."""


@dataclass(frozen=True)
class ChannelsConfig:
    #: more channels, as "package.module:factory" (see bot/channels.py)
    plugins: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoggingConfig:
    #: our own loggers in `serve` and `worker` (other commands: WARNING unless -v)
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    #: text for people, json (one object a line) for log collectors
    format: Literal["text", "json"] = "text"


@dataclass(frozen=True)
class Config:
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    http: HttpConfig = field(default_factory=HttpConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)
    worker: WorkerConfig = field(default_factory=WorkerConfig)
    extraction: ExtractionConfig = field(default_factory=ExtractionConfig)
    linking: LinkingConfig = field(default_factory=LinkingConfig)
    email: EmailConfig = field(default_factory=EmailConfig)
    slack: SlackConfig = field(default_factory=SlackConfig)
    channels: ChannelsConfig = field(default_factory=ChannelsConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)


def load_config(
    path: str | Path | None = None, env: typing.Mapping[str, str] | None = None
) -> Config:
    """Read the file (or ``$INVOICEBOT_CONFIG``, or nothing) and the secrets from ``env``."""
    env = os.environ if env is None else env
    path = path or env.get(ENV_CONFIG) or None
    table: dict[str, Any] = {}
    if path is not None:
        try:
            with open(path, "rb") as fh:
                table = tomllib.load(fh)
        except FileNotFoundError:
            raise ConfigError("file", f"{path} does not exist") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("file", f"{path} is not valid TOML: {exc}") from None
    return _build(Config, table, "", env)


def config_from_dict(table: dict[str, Any], env: typing.Mapping[str, str] | None = None) -> Config:
    """Build a config from an in-memory table (tests, tools)."""
    return _build(Config, table, "", {} if env is None else env)


def _build(cls: type, table: Any, prefix: str, env: typing.Mapping[str, str]) -> Any:
    if not isinstance(table, dict):
        raise ConfigError(prefix.rstrip(".") or "file", "must be a table")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in table:
        if key not in fields or fields[key].metadata.get("secret"):
            where = f"{prefix}{key}"
            if key in fields:
                raise ConfigError(
                    where, f"is a secret: set ${fields[key].metadata['secret']} instead"
                )
            raise ConfigError(where, f"unknown key (known: {', '.join(sorted(fields))})")
    values: dict[str, Any] = {}
    for name, f in fields.items():
        secret = f.metadata.get("secret")
        if secret:
            values[name] = env.get(secret) or None
            continue
        tp = hints[name]
        if name not in table:
            if isinstance(tp, type) and dataclasses.is_dataclass(tp):
                # nested sections are built even when absent: their secrets come from env
                values[name] = _build(tp, {}, f"{prefix}{name}.", env)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ConfigError(f"{prefix}{name}", "is required")
            continue
        values[name] = _convert(tp, table[name], f"{prefix}{name}", env)
    return cls(**values)


def _convert(tp: Any, value: Any, key: str, env: typing.Mapping[str, str]) -> Any:
    origin = get_origin(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build(tp, value, f"{key}.", env)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return _convert(args[0], value, key, env)
    if origin is Literal:
        if value not in get_args(tp):
            allowed = ", ".join(repr(a) for a in get_args(tp))
            raise ConfigError(key, f"must be one of {allowed}, not {value!r}")
        return value
    if origin is tuple:
        (item,) = [a for a in get_args(tp) if a is not Ellipsis]
        if isinstance(item, type) and dataclasses.is_dataclass(item):
            # a list of tables: [[email.routes]]
            if not isinstance(value, list):
                raise ConfigError(key, "must be a list of tables ([[...]])")
            return tuple(_build(item, v, f"{key}[{i}].", env) for i, v in enumerate(value))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(key, "must be a list of strings")
        return tuple(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(key, f"must be true or false, not {value!r}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(key, f"must be a whole number >= 0, not {value!r}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(key, f"must be a number >= 0, not {value!r}")
        return float(value)
    if tp is Decimal:
        try:
            dec = Decimal(str(value))
        except InvalidOperation:
            raise ConfigError(key, f"must be a number, not {value!r}") from None
        if isinstance(value, bool) or not dec.is_finite() or dec < 0:
            raise ConfigError(key, f"must be a number >= 0, not {value!r}")
        return dec
    if tp is Path:
        if not isinstance(value, str) or not value:
            raise ConfigError(key, f"must be a path, not {value!r}")
        return Path(value)
    if tp is str:
        if not isinstance(value, str):
            raise ConfigError(key, f"must be a string, not {value!r}")
        return value
    raise ConfigError(key, f"has an unsupported type {tp!r}")  # pragma: no cover

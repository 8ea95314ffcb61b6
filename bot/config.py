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
class S3Config:
    """``[storage.s3]``: an S3-compatible bucket (AWS S3, MinIO, Ceph, ...) every process can
    reach. Keys come from the environment variables named here; when those are not set,
    botocore's own chain (``~/.aws/credentials``, an instance role) applies."""

    bucket: str = ""
    #: the server's address (``http://minio.internal:9000``); empty: AWS S3 of ``region``
    endpoint_url: str = ""
    region: str = "us-east-1"
    #: put before every key (``invoicebot/``), to share a bucket with other data
    prefix: str = ""
    #: path (``endpoint/bucket/key``, what most S3-compatible servers want) or virtual
    #: (``bucket.endpoint/key``); auto: botocore's choice
    addressing_style: Literal["auto", "path", "virtual"] = "auto"
    access_key_id_env: str = "AWS_ACCESS_KEY_ID"
    secret_access_key_env: str = "AWS_SECRET_ACCESS_KEY"
    #: temporary credentials only
    session_token_env: str = "AWS_SESSION_TOKEN"
    #: to connect, and to wait for each answer
    timeout_seconds: float = 10
    #: tries of one request (botocore's standard retry mode, with backoff)
    max_attempts: int = 3
    #: files of one batch uploaded at once
    uploads_at_once: int = 4
    #: PDFs are copied to this machine to be served and rendered; a copy not used for this
    #: long is removed by the sweep
    cache_hours: float = 1


@dataclass(frozen=True)
class StorageConfig:
    #: local: files in ``path`` (a shared folder such as NFS works for several machines);
    #: s3: in ``[storage.s3]``'s bucket, with ``path`` only for this machine's spool and cache
    backend: Literal["local", "s3"] = "local"
    path: Path = Path("./data/files")
    s3: S3Config = field(default_factory=S3Config)


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
    #: ``serve`` runs its tasks in this many worker processes of its own (0: inside serve)
    processes: int = 0
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
class SmtpInConfig:
    """``[email.smtp]``: the SMTP server mail is delivered or forwarded to."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8025
    #: larger messages are refused in the dialogue (552)
    max_message_bytes: int = 52428800
    #: the name in the greeting; empty: this machine's
    hostname: str = ""
    #: STARTTLS is offered when both are set (PEM files)
    tls_cert: str = ""
    tls_key: str = ""
    timeout_seconds: float = 300


@dataclass(frozen=True)
class OutboundConfig:
    """``[email.outbound]``: the relay replies go through."""

    host: str = "127.0.0.1"
    port: int = 25
    #: the replies' From; also the address never answered (loop safety). Key ``from``.
    from_address: str = field(default="", metadata={"key": "from"})
    starttls: bool = False
    #: implicit TLS (port 465)
    tls: bool = False
    username: str = ""
    #: PEM file of the CA that signed the relay's certificate (a private CA); empty: the system's
    ca_file: str = ""
    timeout_seconds: float = 30
    password: str | None = field(default=None, metadata={"secret": "INVOICEBOT_SMTP_PASSWORD"})


@dataclass(frozen=True)
class EmailRouteConfig:
    """``[[email.routes]]``: which mail goes to which outlet (see bot/routing.py)."""

    #: an address, ``*@domain``, or ``name+*@domain`` (the plus tag is the outlet); empty: any
    recipient: str = ""
    #: an address or ``*@domain``; empty: anyone
    sender: str = ""
    #: empty only with a ``+*`` recipient
    outlet: str = ""
    supplier: str = ""


@dataclass(frozen=True)
class ImapConfig:
    """``[[email.imap]]``: a mailbox read for invoices."""

    host: str
    username: str
    port: int = 993
    #: implicit TLS; ``tls = false`` with ``starttls = true`` upgrades a plain connection
    tls: bool = True
    starttls: bool = False
    #: the environment variable holding the password
    password_env: str = "INVOICEBOT_IMAP_PASSWORD"
    #: the environment variable holding an OAuth2 access token: XOAUTH2 instead of a password
    oauth2_token_env: str = ""
    folders: tuple[str, ...] = ("INBOX",)
    #: where a message goes once its batch is committed; empty: ``processed_flag`` is set
    processed_folder: str = "Processed"
    processed_flag: str = "$InvoicebotProcessed"
    #: where a message that cannot be taken goes; empty: ``failed_flag`` is set
    failed_folder: str = "Failed"
    failed_flag: str = "$InvoicebotFailed"
    #: seconds between polls; 0: IMAP IDLE
    poll_seconds: float = 60
    timeout_seconds: float = 60


@dataclass(frozen=True)
class EmailConfig:
    """``[email]``: inbound SMTP, IMAP mailboxes, routes and outbound replies (handlers/email)."""

    smtp: SmtpInConfig = field(default_factory=SmtpInConfig)
    outbound: OutboundConfig = field(default_factory=OutboundConfig)
    routes: tuple[EmailRouteConfig, ...] = ()
    imap: tuple[ImapConfig, ...] = ()
    #: attachments whose file name matches one of these (``*terms*``) are not imported
    exclude_filenames: tuple[str, ...] = ()
    #: purchase order numbers in the subject (group 1, else the whole match)
    po_pattern: str = r"\bPO[\s#:-]*([A-Z0-9][A-Z0-9/-]*)"
    #: take the sender only when the topmost Authentication-Results shows DMARC pass or aligned
    #: SPF/DKIM (the header your own mail server adds)
    require_authenticated_sender: bool = False
    #: whose Authentication-Results count (the authserv-id, your server's name); empty: any
    authserv_ids: tuple[str, ...] = ()

    @property
    def enabled(self) -> bool:
        return self.smtp.enabled or bool(self.imap)


@dataclass(frozen=True)
class SlackRoute:
    """``[[slack.routes]]``: files shared in ``channel`` (a Slack channel id) become batches of
    ``outlet``, and of ``supplier`` when set."""

    channel: str
    outlet: str
    supplier: str = ""


@dataclass(frozen=True)
class SlackConfig:
    """``[slack]``: the Slack app, its routes and replies (handlers/slack).

    HTTP mode (events at ``/slack/events``) needs both the bot token and the signing secret;
    with ``$SLACK_APP_TOKEN`` set the app connects out through Socket Mode instead.
    """

    enabled: bool = False
    #: the Web API base (Slack's own; tests point it at a fake on loopback)
    api_url: str = "https://slack.com/api/"
    #: files shared by one person in one channel within this many seconds become one batch
    #: (0: every message is a batch of its own)
    gather_seconds: float = 0
    routes: tuple[SlackRoute, ...] = ()
    bot_token: str | None = field(default=None, metadata={"secret": "SLACK_BOT_TOKEN"})
    signing_secret: str | None = field(default=None, metadata={"secret": "SLACK_SIGNING_SECRET"})
    app_token: str | None = field(default=None, metadata={"secret": "SLACK_APP_TOKEN"})

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    def route(self, channel: str) -> SlackRoute | None:
        return next((r for r in self.routes if r.channel == channel), None)


@dataclass(frozen=True)
class ReviewConfig:
    """``[review]``: the review pages under /review/ (handlers/web)."""

    #: sign-in attempts per minute, per email address and per client address
    sign_in_attempts_per_minute: int = 10
    #: a session ends after this many hours
    session_hours: float = 12
    #: invoices per inbox page
    page_size: int = 50
    #: rendered page images, cached by file hash and page
    page_cache_path: Path = Path("./data/pages")
    #: from $INVOICEBOT_SESSION_KEY only (a Fernet key); without it a random key per start
    session_key: str | None = field(default=None, metadata={"secret": "INVOICEBOT_SESSION_KEY"})


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
    review: ReviewConfig = field(default_factory=ReviewConfig)
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
    # a field may be spelt differently in the file (``from`` is a Python keyword)
    fields = {f.metadata.get("key", f.name): f for f in dataclasses.fields(cls)}
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
            values[f.name] = env.get(secret) or None
            continue
        tp = hints[f.name]
        if name not in table:
            if isinstance(tp, type) and dataclasses.is_dataclass(tp):
                # nested sections are built even when absent: their secrets come from env
                values[f.name] = _build(tp, {}, f"{prefix}{name}.", env)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ConfigError(f"{prefix}{name}", "is required")
            continue
        values[f.name] = _convert(tp, table[name], f"{prefix}{name}", env)
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

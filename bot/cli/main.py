"""Argument parsing and dispatch for ``invoicebot``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.logging import RichHandler

from bot.cli import admin, intake, server, users
from bot.config import load_config
from bot.errors import InvoicebotError, StorageError

err = Console(stderr=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="invoicebot",
        description="Self-hosted invoice intake: PDFs in, structured invoices out.",
        epilog="Config: --config FILE or $INVOICEBOT_CONFIG; without either the embedded "
        "defaults apply (SQLite and files under ./data, offline extractor).",
    )
    parser.add_argument("--config", metavar="FILE", help="TOML config file")
    parser.add_argument(
        "--log-level",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="override [logging] level",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    server.register(sub)
    admin.register(sub)
    intake.register(sub)
    users.register(sub)
    return parser


def _setup_logging(level: str) -> None:
    """Rich output on a terminal; plain timestamped lines for log collectors."""
    if sys.stderr.isatty():
        handler: logging.Handler = RichHandler(console=err, show_path=False)
        fmt = "%(name)s: %(message)s"
    else:
        handler = logging.StreamHandler()
        fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=level, format=fmt, handlers=[handler])


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
        level = args.log_level or config.logging.level
        _setup_logging(level)
        logging.getLogger("aiohttp.access").setLevel(max(logging.INFO, logging.getLevelName(level)))
        result: int = asyncio.run(args.run(config, args))
        return result
    except StorageError as exc:
        err.print(f"[red]database error:[/red] {exc.detail}")
        return 3
    except InvoicebotError as exc:
        err.print(f"[red]error:[/red] {exc.detail}")
        return 2
    except KeyboardInterrupt:
        return 130

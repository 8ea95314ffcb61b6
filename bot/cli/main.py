"""Argument parsing and dispatch for ``invoicebot``; failures become one line and an exit code
(see :mod:`bot.cli.failures`)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import traceback
from collections.abc import Sequence

from bot.cli import admin, intake, server, tools, users
from bot.cli.failures import USAGE, explain

EPILOG = """\
exit codes: 0 done, 1 anything else, 2 usage or configuration (a wrong argument or id, a
bad config), 3 a dependency cannot be reached (database, port, data folder).
Config: --config FILE or $INVOICEBOT_CONFIG; without either the embedded defaults apply
(SQLite and files under ./data, offline extractor)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="invoicebot",
        description="Self-hosted invoice intake: PDFs in, structured invoices out.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--config", metavar="FILE", help="TOML config file")
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="show invoicebot's own log lines (-v info, -vv debug)",
    )
    parser.add_argument(
        "--log-level",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="level of invoicebot's own log lines (overrides [logging] level and -v)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=os.environ.get("INVOICEBOT_DEBUG") == "1",
        help="tracebacks on errors and every library's log lines ($INVOICEBOT_DEBUG=1)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    server.register(sub)
    admin.register(sub)
    intake.register(sub)
    tools.register(sub)
    users.register(sub)
    return parser


def _levels(args: argparse.Namespace, configured: str) -> tuple[int, int]:
    """(ours, libraries): quiet commands show warnings only; servers their configured level."""
    if args.log_level:
        ours = logging.getLevelName(args.log_level)
    elif args.verbose:
        ours = logging.INFO if args.verbose == 1 else logging.DEBUG
    elif getattr(args, "long_running", False):
        ours = logging.getLevelName(configured)
    else:
        ours = logging.WARNING
    return ours, logging.DEBUG if args.debug else logging.WARNING


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from bot.config import load_config
    from bot.logs import setup

    try:
        config = load_config(args.config)
        ours, libraries = _levels(args, config.logging.level)
        setup(ours, libraries, config.logging.format)
        if getattr(args, "long_running", False) and args.verbose:
            logging.getLogger("aiohttp.access").setLevel(logging.INFO)
        result: int = asyncio.run(args.run(config, args))
        return result
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        code, line = explain(exc)
        if args.debug:
            traceback.print_exc()
        print(f"invoicebot: error: {line}", file=sys.stderr)
        return code
    except SystemExit as exc:  # argparse inside a command
        return int(exc.code) if isinstance(exc.code, int) else USAGE

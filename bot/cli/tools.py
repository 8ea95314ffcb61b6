"""The arguments of ``doctor`` and ``completion``; the commands are in
``bot/cli/tools_commands.py``, imported only when one runs (a fast ``--help``)."""

from __future__ import annotations

from typing import Any

from bot.cli.lazy import command


def register(sub: Any) -> None:
    p = sub.add_parser(
        "doctor",
        help="check this installation and say what to fix",
        description="Check the config, the database and its schema, the data folder, OCR tools, "
        "the extraction engine and every configured channel (relay, mailboxes, Slack token). "
        "Each line is ok, warning or error with the fix; exits 1 when something is an error.",
    )
    p.set_defaults(run=command("bot.cli.tools_commands:doctor"))

    p = sub.add_parser(
        "completion",
        help="print a shell completion script",
        description='Print a completion script: `eval "$(invoicebot completion bash)"` in '
        "~/.bashrc, or `invoicebot completion zsh > ~/.zfunc/_invoicebot`.",
    )
    p.add_argument("shell", choices=["bash", "zsh"])
    p.set_defaults(run=command("bot.cli.tools_commands:completion"))

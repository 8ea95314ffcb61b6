"""The arguments of ``users`` (people who sign in to the review pages); the commands are in
``bot/cli/users_commands.py``, imported only when one runs (a fast ``--help``)."""

from __future__ import annotations

from typing import Any

from bot.cli.admin import csv_list
from bot.cli.lazy import command


def register(sub: Any) -> None:
    p = sub.add_parser(
        "users",
        help="people who sign in to the review pages",
        description="User accounts of the review pages under /review/ (apart from API clients).",
    )
    s = p.add_subparsers(dest="sub", required=True, metavar="COMMAND")
    a = s.add_parser(
        "add",
        help="add a user",
        description="Add a user. The password is asked for (twice), or read from standard "
        "input with --password-stdin.",
    )
    a.add_argument("email")
    a.add_argument("--outlets", type=csv_list, default=[], help="outlet ids (comma-separated)")
    a.add_argument("--admin", action="store_true", help="sees and changes every outlet")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(run=command("bot.cli.users_commands:users_add"))
    s.add_parser("list", help="list users", description="List users.").set_defaults(
        run=command("bot.cli.users_commands:users_list")
    )
    d = s.add_parser(
        "disable",
        help="disable a user and end their sessions",
        description="Disable a user: they can no longer sign in and are signed out.",
    )
    d.add_argument("email")
    d.set_defaults(run=command("bot.cli.users_commands:users_disable"))
    r = s.add_parser(
        "reset-password",
        help="set a new password and end the user's sessions",
        description="Set a new password (asked for, or --password-stdin); open sessions end.",
    )
    r.add_argument("email")
    r.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    r.set_defaults(run=command("bot.cli.users_commands:users_reset_password"))

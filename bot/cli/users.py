"""``users``: the people who sign in to the review pages."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from bot.app import open_services
from bot.config import Config
from bot.errors import InvalidRequest

out = Console()


def _csv_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


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
    a.add_argument("--outlets", type=_csv_list, default=[], help="outlet ids (comma-separated)")
    a.add_argument("--admin", action="store_true", help="sees and changes every outlet")
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    a.set_defaults(run=users_add)
    s.add_parser("list", help="list users", description="List users.").set_defaults(run=users_list)
    d = s.add_parser(
        "disable",
        help="disable a user and end their sessions",
        description="Disable a user: they can no longer sign in and are signed out.",
    )
    d.add_argument("email")
    d.set_defaults(run=users_disable)
    r = s.add_parser(
        "reset-password",
        help="set a new password and end the user's sessions",
        description="Set a new password (asked for, or --password-stdin); open sessions end.",
    )
    r.add_argument("email")
    r.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    r.set_defaults(run=users_reset_password)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise InvalidRequest("the two passwords differ", field="password")
    return first


async def users_add(config: Config, args: argparse.Namespace) -> int:
    password = _password(args)
    async with open_services(config, with_channels=False) as svc:
        user = await svc.users.add(args.email, password, args.outlets, args.admin)
    scope = "every outlet" if user.is_admin else ", ".join(sorted(user.outlets or ()))
    out.print(f"user {user.email} added ({scope})")
    return 0


async def users_list(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        rows = await svc.users.list()
    table = Table(title="Users")
    for column in ("email", "admin", "outlets", "created", "disabled"):
        table.add_column(column)
    for u in rows:
        table.add_row(
            u.email,
            "yes" if u.is_admin else "",
            "all" if u.is_admin else ", ".join(u.outlets),
            u.created_date.strftime("%Y-%m-%d %H:%M"),
            u.disabled_date.strftime("%Y-%m-%d %H:%M") if u.disabled_date else "",
        )
    out.print(table)
    return 0


async def users_disable(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config, with_channels=False) as svc:
        await svc.users.disable(args.email)
    out.print(f"user {args.email} disabled")
    return 0


async def users_reset_password(config: Config, args: argparse.Namespace) -> int:
    password = _password(args)
    async with open_services(config, with_channels=False) as svc:
        await svc.users.reset_password(args.email, password)
    out.print(f"password of {args.email} reset; their sessions have ended")
    return 0

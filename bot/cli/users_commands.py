"""``users``: the people who sign in to the review pages."""

from __future__ import annotations

import argparse
import getpass
import sys

from rich.console import Console
from rich.table import Table

from bot.app import open_services
from bot.config import Config
from bot.errors import InvalidRequest

out = Console()


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

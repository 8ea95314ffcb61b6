"""Commands named by where they live, imported when they run: ``--help`` stays fast."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Config

Command = Callable[["Config", argparse.Namespace], Awaitable[int]]


def command(target: str) -> Command:
    """``"bot.cli.admin_commands:outlets_add"``, loaded on first call."""
    module_name, _, name = target.partition(":")

    async def run(config: Config, args: argparse.Namespace) -> int:
        found: Command = getattr(importlib.import_module(module_name), name)
        return await found(config, args)

    run.__qualname__ = target
    return run

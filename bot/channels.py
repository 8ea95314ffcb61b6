"""Channels as the composition root sees them.

A channel (email, Slack, or a plug-in) is a module of ``handlers/`` that offers a
:class:`ChannelPlugin`: from the config it builds a :class:`ChannelRuntime` (or None when the
config leaves it off). The runtime answers its batches (``notifier``), may serve HTTP routes on
our server (Slack's events), and has listeners that ``serve`` starts and stops (an SMTP server,
IMAP pollers). ``worker`` processes build the same runtimes without starting them, so whichever
process takes a batch's reply job can send it. The core never imports a channel; the plug-ins
are named in one list (``handlers.CHANNELS``) and in ``[channels] plugins``.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

from bot.errors import ConfigError
from bot.notify import Notifier
from storage.status import Channel

if TYPE_CHECKING:
    from bot.app import Services
    from bot.config import Config

#: an HTTP handler of a channel: takes the web framework's request, returns its response
WebHandler = Callable[[Any], Awaitable[Any]]


@dataclass(frozen=True)
class WebPath:
    """A route a channel serves on our HTTP server, known from the config alone (routes are
    fixed before the server starts, the runtime that handles them comes later)."""

    method: str
    path: str


class ChannelRuntime(Protocol):
    channel: Channel
    #: answers this channel's finished batches; None when it sends no replies
    notifier: Notifier | None

    def web_handlers(self) -> Mapping[WebPath, WebHandler]:
        """The handlers of the paths the plug-in announced."""
        ...

    def describe(self) -> str:
        """Where it listens or what it reads, for the line ``serve`` prints at start."""
        ...

    async def start(self) -> None:
        """Open listeners (SMTP server, IMAP pollers, a socket): ``serve`` only."""
        ...

    async def stop(self) -> None: ...


class ChannelPlugin(Protocol):
    def web_paths(self, config: Config) -> Sequence[WebPath]:
        """Paths to route to this channel on the HTTP server (none when it is off)."""
        ...

    def build(self, config: Config, services: Services) -> ChannelRuntime | None:
        """The runtime, or None when the config leaves the channel off. Raise ConfigError for
        a configuration that cannot work (a route to an unknown key, a missing secret)."""
        ...


def load_plugin(target: str) -> ChannelPlugin:
    """``package.module:attribute``: the attribute is a plug-in, or a callable returning one."""
    module_name, _, attr = target.partition(":")
    if not attr:
        raise ConfigError("channels.plugins", f"{target!r} is not 'package.module:name'")
    try:
        found = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError("channels.plugins", f"cannot load {target!r}: {exc}") from exc
    if not hasattr(found, "build") and callable(found):
        found = found()  # a factory of the plug-in
    return cast(ChannelPlugin, found)


def plugins(config: Config, builtin: Sequence[str]) -> list[ChannelPlugin]:
    return [load_plugin(target) for target in (*builtin, *config.channels.plugins)]

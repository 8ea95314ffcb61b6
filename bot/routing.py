"""Routing rules: which outlet (and supplier) a message addressed to us belongs to.

A route matches a recipient and/or a sender, each an exact address or ``*@domain``; a recipient
``name+*@domain`` (plus-addressing) matches any tag, and the tag is the outlet when the route
names none. Any channel that knows a recipient and a sender (email today) asks these rules; what
the addresses are made of (SMTP envelopes, mail headers) stays in the channel.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.config import EmailRouteConfig
from bot.errors import ConfigError


def normalise(address: str) -> str:
    return address.strip().strip("<>").strip().lower()


def domain_of(address: str) -> str:
    return normalise(address).rpartition("@")[2]


def address_matches(pattern: str, address: str) -> bool:
    """``pattern`` is an address or ``*@domain`` (subdomains not included)."""
    pattern, address = normalise(pattern), normalise(address)
    if pattern.startswith("*@"):
        return domain_of(address) == pattern[2:]
    return pattern == address


@dataclass(frozen=True)
class Route:
    recipient: str
    sender: str
    outlet: str
    supplier: str | None

    @classmethod
    def of(cls, config: EmailRouteConfig, where: str) -> Route:
        recipient, sender = normalise(config.recipient), normalise(config.sender)
        if not recipient and not sender:
            raise ConfigError(where, "a route needs a recipient, a sender or both")
        for name, value in (("recipient", recipient), ("sender", sender)):
            if value and "@" not in value:
                raise ConfigError(f"{where}.{name}", f"{value!r} is not an address or *@domain")
        if not config.outlet and not _is_plus(recipient):
            raise ConfigError(f"{where}.outlet", "is required unless the recipient is name+*@")
        return cls(recipient, sender, config.outlet, config.supplier or None)

    def outlet_for(self, recipient: str | None) -> str | None:
        """The outlet when ``recipient`` matches this route's recipient (None if it does not)."""
        if not self.recipient:
            return self.outlet
        if recipient is None:
            return None
        if _is_plus(self.recipient):
            local, _, domain = normalise(recipient).rpartition("@")
            base, plus, tag = local.partition("+")
            want_base, _, want_domain = self.recipient.rpartition("@")
            if domain != want_domain or not plus or not tag or base != want_base[:-2]:
                return None
            return self.outlet or tag
        return self.outlet if address_matches(self.recipient, recipient) else None

    def allows(self, sender: str | None) -> bool:
        return not self.sender or (sender is not None and address_matches(self.sender, sender))


@dataclass(frozen=True)
class Routed:
    """Where a message goes: the route's outlet and supplier, and the recipient it came in by."""

    outlet_id: str
    supplier_id: str | None
    recipient: str | None


class Routes:
    """The routes in their configured order: the first that matches wins."""

    def __init__(self, routes: Sequence[Route]) -> None:
        self.routes = tuple(routes)

    @classmethod
    def from_config(cls, configs: Sequence[EmailRouteConfig], key: str) -> Routes:
        return cls([Route.of(c, f"{key}[{i}]") for i, c in enumerate(configs)])

    def knows(self, recipient: str) -> bool:
        """Some route takes mail for ``recipient`` (from some sender)."""
        return any(route.outlet_for(recipient) is not None for route in self.routes)

    def resolve(self, recipients: Iterable[str | None], sender: str | None) -> Routed | None:
        """The first route that takes one of ``recipients`` from ``sender``."""
        candidates = list(recipients) or [None]
        for recipient in candidates:
            for route in self.routes:
                outlet = route.outlet_for(recipient)
                if outlet is not None and route.allows(sender):
                    return Routed(outlet, route.supplier, recipient)
        return None


def _is_plus(pattern: str) -> bool:
    return "+*@" in pattern

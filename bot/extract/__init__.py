"""Extraction engines behind one port, chosen by ``[extraction] engine``.

Engines are imported lazily by name so that, say, google-genai is only loaded when Gemini is used.
A ``"package.module:factory"`` path plugs in an engine of one's own; the factory is called with
the :class:`~bot.config.ExtractionConfig`.
"""

from __future__ import annotations

import pkgutil
from typing import TYPE_CHECKING

from bot.config import ExtractionConfig
from bot.errors import ConfigError
from bot.extract.base import Extractor

if TYPE_CHECKING:
    # not at run time: ``python -m bot.extract.zygote`` imports this package first
    from bot.extract.isolation import Isolation

#: the engines that parse in isolated children (Gemini sends the file away instead)
ISOLATED = frozenset({"auto", "local", "einvoice"})

ENGINES: dict[str, str] = {
    "auto": "bot.extract.auto:AutoExtractor",
    "local": "bot.extract.local:LocalExtractor",
    "einvoice": "bot.extract.einvoice:EInvoiceExtractor",
    "gemini": "bot.extract.gemini:GeminiExtractor",
}


def build_extractor(
    config: ExtractionConfig, engine: str | None = None, isolation: Isolation | None = None
) -> Extractor:
    """Make the engine named ``engine`` (default: the configured one).

    The built-in engines parse in the children of ``isolation``'s zygote (the caller owns it and
    closes it; without one each engine starts its own). A plug-in factory gets the config only.
    """
    name = engine or config.engine
    target = ENGINES.get(name, name)
    if not target.partition(":")[2]:
        known = ", ".join(ENGINES)
        raise ConfigError("extraction.engine", f"unknown engine {name!r} (known: {known})")
    try:
        factory = pkgutil.resolve_name(target)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigError("extraction.engine", f"cannot load {target!r}: {exc}") from exc
    return factory(config, isolation) if name in ISOLATED else factory(config)

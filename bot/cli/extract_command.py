"""``extract``: one PDF's fields as JSON, touching no database.

Kept apart from the other commands so it imports only the engines: a person runs it on one file
and waits for it. The zygote is started first, so its imports run while this process does its
own (two cores, half the wait).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.config import Config
from bot.extract import build_extractor
from bot.extract.isolation import Isolation


async def extract(config: Config, args: argparse.Namespace) -> int:
    isolation = Isolation()
    isolation.start()
    try:
        pdf = await asyncio.to_thread(args.file.read_bytes)
        extractor = build_extractor(config.extraction, args.engine, isolation)
        result = await extractor.extract(pdf)
    finally:
        isolation.close(wait=False)  # this process ends now; the zygote follows on its own
    data = result.invoice.model_dump(mode="json")
    data["extraction"] = {
        "engine": result.engine,
        "confidence": result.confidence,
        "warnings": result.warnings,
    }
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0

"""The local engine's whole output for every PDF of a folder, to tell whether a change altered it.

    python bench/snapshot.py DIR OUT.json [--against OLD.json] [--engine local|auto|einvoice]

Runs the engine the way the worker does (in a child of the zygote) on every ``*.pdf`` of DIR and
writes, per file name, the result as JSON (fields, confidences, warnings, pages, positions) or
``{"error": message}``. With ``--against``, prints every document whose result differs from the
older snapshot, field by field, and exits 1 when any does: a speed change must leave the output
identical (or each difference be explained), which ``bench/accuracy.py`` alone cannot show.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import ExtractionConfig  # noqa: E402
from bot.errors import ExtractionError  # noqa: E402
from bot.extract import build_extractor  # noqa: E402


async def snapshot(files: list[Path], engine: str) -> dict[str, Any]:
    """File name -> the engine's result as JSON (or its error)."""
    extractor = build_extractor(ExtractionConfig(engine=engine), engine)
    out: dict[str, Any] = {}
    for path in files:
        try:
            result = await extractor.extract(path.read_bytes())
            out[path.name] = result.model_dump(mode="json")
        except ExtractionError as exc:
            out[path.name] = {"error": str(exc)}
    return out


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One line per (document, top-level key, invoice field) that differs."""
    lines: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        if a is None or b is None:
            lines.append(f"{name}: only in the {'new' if a is None else 'old'} snapshot")
            continue
        for key in sorted(a.keys() | b.keys()):
            x, y = a.get(key), b.get(key)
            if x == y:
                continue
            if key == "invoice" and isinstance(x, dict) and isinstance(y, dict):
                for field in sorted(x.keys() | y.keys()):
                    if x.get(field) != y.get(field):
                        was, now = x.get(field), y.get(field)
                        lines.append(f"{name}: invoice.{field} {was!r} -> {now!r}")
            else:
                lines.append(f"{name}: {key} {x!r} -> {y!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="folder of PDFs")
    parser.add_argument("out", type=Path, help="where the snapshot is written (JSON)")
    parser.add_argument("--against", type=Path, help="an older snapshot to compare with")
    parser.add_argument("--engine", default="local", help="engine name (default: local)")
    args = parser.parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    new = asyncio.run(snapshot(sorted(args.dir.glob("*.pdf")), args.engine))
    args.out.write_text(json.dumps(new, indent=1, sort_keys=True, ensure_ascii=False))
    print(f"{len(new)} documents written to {args.out}")
    if args.against is None:
        return 0
    found = differences(json.loads(args.against.read_text()), new)
    for line in found:
        print(line)
    print(f"{len(found)} differences against {args.against}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())

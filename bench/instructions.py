"""A fixed workload for counting instructions: the local parse (or pypdf's plain text) of every PDF
in a folder, in this process.

Timings on a shared machine spread by more than a few per cent from run to run; instruction counts
under ``valgrind --tool=callgrind`` do not, so a small speed change is compared with them:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/instructions.py parse /tmp/gen

and the same with ``pypdf`` (the reference) and ``none`` (interpreter start-up and reading the
files, to subtract from both).
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from bot.errors import ExtractionError  # noqa: E402
from bot.extract.parse import parse_pdf  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["parse", "pypdf", "none"], help="what to run on each PDF")
    parser.add_argument("dir", type=Path, help="folder of PDFs")
    args = parser.parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pdfs = [path.read_bytes() for path in sorted(args.dir.glob("*.pdf"))]
    for pdf in pdfs:
        if args.mode == "parse":
            try:
                parse_pdf(pdf)
            except ExtractionError:
                pass  # a failed document costs what it costs
        elif args.mode == "pypdf":
            for page in PdfReader(io.BytesIO(pdf)).pages:
                page.extract_text()
    print(f"{args.mode}: {len(pdfs)} PDFs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

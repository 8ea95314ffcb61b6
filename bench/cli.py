"""How fast the command line starts: ``invoicebot --help`` and ``extract`` of a one-page PDF.

    .venv/bin/python bench/cli.py [--runs 10]

Each command runs ``--runs`` times as a fresh process (as a person's shell runs it); the median
and the fastest wall time are printed, with the goal from the issue beside them. The PDF is a
generated one-page invoice (fpdf2, a dev dependency).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each command (default 10)")
    args = parser.parse_args()
    from tests.pdfs import invoice_pdf

    cli = [sys.executable, "-m", "bot.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "one-page.pdf"
        pdf.write_bytes(invoice_pdf())
        cases = [
            ("invoicebot --help", [*cli, "--help"], 0.3),
            ("invoicebot extract one-page.pdf", [*cli, "extract", str(pdf)], 0.5),
        ]
        print(f"{'command':<34} {'median s':>9} {'fastest s':>10} {'goal s':>7}")
        for name, cmd, goal in cases:
            times = timed(cmd, args.runs)
            print(f"{name:<34} {statistics.median(times):>9.3f} {min(times):>10.3f} {goal:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

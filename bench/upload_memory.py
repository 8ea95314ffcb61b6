"""Peak memory of the API process during an upload of hostile PDFs (issue #13).

    .venv/bin/python bench/upload_memory.py --files 16 --size-mb 20
    .venv/bin/python bench/upload_memory.py --root /tmp/before     # another checkout's code

Each file holds one string object of ``--size-mb`` in its page tree (pypdf parses it to count
the pages: ~440 MB for 20 MB); ``--benign`` pads with an embedded stream instead, which
nothing parses. The server is invoicebot's real HTTP app in a process of its own
(``bench/_servers.py``, workers off, SQLite), run from ``--root`` (default: this checkout);
one request carries all files; ``--settle S`` reads the peak again S seconds after the
answer. Printed: the server's RSS when idle and its peak (``VmHWM``)
after the upload, the answer's status and the codes of refused files, and the time taken.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def hostile_pdf(size: int, seed: int, benign: bool = False) -> bytes:
    """A one-page PDF whose page tree holds a ``size``-byte string (or a stream if benign)."""
    junk = bytes([65 + seed % 26]) * size
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Junk (" + junk + b") >>"
    if benign:
        pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Extra 4 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        pages,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    if benign:
        objects.append(b"<< /Length %d >>\nstream\n" % size + junk + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _status(pid: int) -> dict[str, int]:
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) // 1024
    return found


def _cli(root: Path, config: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--config", str(config), *args],
        env=env,
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def run(args: argparse.Namespace) -> None:
    root = Path(args.root).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="invoicebot-mem-"))
    config = tmp / "config.toml"
    config.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp}/db.sqlite"\n'
        f'[storage]\npath = "{tmp}/files"\n'
        "[http]\nrate_limit_per_minute = 0\n"
        "[limits]\nmax_files = 100\nmax_file_size_mb = 25\nmax_request_size_mb = 1024\n"
        "[worker]\nconcurrency = 0\n"
    )
    _cli(root, config, "db", "upgrade")
    _cli(root, config, "outlets", "add", "olt-1", "--name", "Bench")
    client = json.loads(_cli(root, config, "clients", "create", "bench", "--json").strip())
    size = int(args.size_mb * 1024 * 1024)
    files = [hostile_pdf(size, i, args.benign) for i in range(args.files)]
    # the measured checkout's own copy of the server script (it puts its checkout first)
    script = root / "bench" / "_servers.py"
    server = subprocess.Popen(
        [sys.executable, str(script), "invoicebot", "--config", str(config)],
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        ready = server.stdout.readline().split()
        port, pid = int(ready[1]), int(ready[2])
        asyncio.run(upload(args, f"http://127.0.0.1:{port}", pid, client, files, root))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


async def upload(
    args: argparse.Namespace,
    base: str,
    pid: int,
    client: dict[str, str],
    files: list[bytes],
    root: Path,
) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{base}/oauth/token/", data={"grant_type": "client_credentials", **client}
        ) as resp:
            token = (await resp.json())["access_token"]
        await asyncio.sleep(1)
        idle = (await asyncio.to_thread(_status, pid))["VmRSS"]
        form = aiohttp.FormData()
        form.add_field("outlet", "olt-1")
        for i, content in enumerate(files):
            form.add_field(
                f"file[{i}]", content, filename=f"h{i}.pdf", content_type="application/pdf"
            )
        started = time.perf_counter()
        async with http.post(
            f"{base}/api/v2/invoices/bulk_upload/",
            data=form,
            headers={"Authorization": f"Bearer {token}"},
            timeout=aiohttp.ClientTimeout(total=900),
        ) as resp:
            body = await resp.json()
            status = resp.status
        took = time.perf_counter() - started
    if args.settle:
        # checks still running in threads after the answer (the old code) count too
        await asyncio.sleep(args.settle)
    after = await asyncio.to_thread(_status, pid)
    codes = Counter(e["code"] for e in body.get("errors", []))
    print(
        f"root={root} files={args.files} x {args.size_mb} MB "
        f"{'benign' if args.benign else 'hostile'}: status {status}, "
        f"accepted {len(body.get('invoices', []))}, refused {dict(codes)}, {took:.1f} s; "
        f"API RSS idle {idle} MB, peak {after['VmHWM']} MB (+{after['VmHWM'] - idle}), "
        f"after {after['VmRSS']} MB"
    )
    if body.get("errors"):
        print("first refusal:", body["errors"][0]["detail"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=16)
    parser.add_argument("--size-mb", type=float, default=20)
    parser.add_argument("--benign", action="store_true")
    parser.add_argument("--root", default=str(ROOT))
    parser.add_argument("--settle", type=float, default=0, help="seconds to wait, then read")
    run(parser.parse_args())


if __name__ == "__main__":
    main()

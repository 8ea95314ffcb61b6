"""The command line, run as a user would: real processes, a real server, the local engine."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.cli.main import build_parser
from tests.pdfs import invoice_pdf

ROOT = Path(__file__).resolve().parents[1]


def _config(tmp_path: Path, db_url: str, port: int = 0, **extra: str) -> Path:
    path = tmp_path / "invoicebot.toml"
    text = (
        f'[database]\nurl = "{db_url}"\n[storage]\npath = "{tmp_path / "files"}"\n'
        f'[http]\nhost = "127.0.0.1"\nport = {port}\n'
        '[extraction]\nengine = "local"\n'
        "[worker]\nconcurrency = 2\npoll_interval_seconds = 0.1\n"
    )
    for section, body in extra.items():
        text += f"[{section}]\n{body}\n"
    path.write_text(text)
    return path


def run(config: Path | None, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "bot.cli"]
    if config is not None:
        cmd += ["--config", str(config)]
    proc = subprocess.run(
        [*cmd, "--log-level", "WARNING", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def _commands(parser=None, prefix=()):  # type: ignore[no-untyped-def]
    import argparse

    parser = parser or build_parser()
    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    commands = list(_commands())
    assert ("clients", "create") in commands and ("db", "upgrade") in commands
    for command in commands:
        with pytest.raises(SystemExit) as exit_info:
            build_parser().parse_args([*command, "--help"])
        assert exit_info.value.code == 0, command
        assert "usage: invoicebot" in capsys.readouterr().out
    # and the installed entry point answers too
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0 and "import" in proc.stdout


def test_bad_config_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[http]\nport = "eighty"\n')
    proc = run(path, "outlets", "list", check=False)
    assert proc.returncode == 2
    assert "http.port" in proc.stderr
    path.write_text("[worker]\nconcurency = 2\n")
    proc = run(path, "outlets", "list", check=False)
    assert proc.returncode == 2 and "worker.concurency" in proc.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_serve_client_upload_end_to_end(tmp_path: Path, db_url: str) -> None:
    """The issue's "done when": a CLI-made client uploads 3 files, one of them text."""
    port = _free_port()
    config = _config(tmp_path, db_url, port)
    run(config, "db", "upgrade")
    run(config, "outlets", "add", "olt-1", "--name", "Main")
    creds = json.loads(run(config, "clients", "create", "demo", "--json").stdout)
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--config", str(config), "serve"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(100):
                try:
                    async with http.get(f"{base}/healthz") as resp:
                        if resp.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
            else:
                raise AssertionError("server did not start")
            async with http.post(
                f"{base}/oauth/token/", data={"grant_type": "client_credentials", **creds}
            ) as resp:
                token = (await resp.json())["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            form = aiohttp.FormData()
            form.add_field("outlet", "olt-1")
            form.add_field("file[0]", invoice_pdf(), filename="march.pdf")
            form.add_field("file[1]", b"meeting notes\n", filename="notes.pdf")
            form.add_field("file[2]", invoice_pdf(), filename="april.pdf")
            async with http.post(
                f"{base}/api/v2/invoices/bulk_upload/", data=form, headers=auth
            ) as resp:
                assert resp.status == 201
                body = await resp.json()
            assert len(body["invoices"]) == 2
            assert [e["code"] for e in body["errors"]] == ["not_a_pdf"]
            batch = body["bulk_importation_id"]
            for _ in range(300):
                async with http.get(
                    f"{base}/api/v2/invoices/",
                    params={"bulk_importation_id": batch},
                    headers=auth,
                ) as resp:
                    listed = await resp.json()
                statuses = {i["processing_status"] for i in listed["results"]}
                if statuses <= {"PROCESSED", "INCOMPLETE"}:
                    break
                await asyncio.sleep(0.1)
            assert listed["count"] == 2
            assert statuses <= {"PROCESSED", "INCOMPLETE"}, statuses
            assert {i["extraction"]["engine"] for i in listed["results"]} == {"local"}
            assert {i["total_incl_tax"] for i in listed["results"]} == {"121.00"}
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert server.returncode == 0, out.decode()
    # the start block prints config names as they are written, brackets included
    assert "local: as configured in [extraction] engine" in out.decode()
    status = json.loads(run(config, "status", batch, "--json").stdout)
    assert status["done"] and status["errors"][0]["code"] == "not_a_pdf"


def test_import_a_folder_as_one_batch(tmp_path: Path, db_url: str) -> None:
    config = _config(tmp_path, db_url)
    run(config, "outlets", "add", "olt-1", "--name", "Main")
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.pdf").write_bytes(invoice_pdf())
    (folder / "sub" / "b.PDF").write_bytes(invoice_pdf())
    (folder / "c.pdf").write_bytes(b"not a pdf")
    (folder / "readme.txt").write_text("ignored")
    proc = run(config, "import", "--outlet", "olt-1", str(folder), "--json")
    [batch] = json.loads(proc.stdout)["batches"]
    assert batch["channel"] == "cli" and batch["done"]
    assert sorted(i["filename"] for i in batch["invoices"]) == ["a.pdf", "b.PDF"]
    assert {i["processing_status"] for i in batch["invoices"]} <= {"PROCESSED", "INCOMPLETE"}
    assert [e["filename"] for e in batch["errors"]] == ["c.pdf"]
    # an unknown outlet stops before anything is read
    proc = run(config, "import", "--outlet", "nope", str(folder), check=False)
    assert proc.returncode == 2 and "outlet nope does not exist" in proc.stderr


def test_extract_prints_the_contract_fields(tmp_path: Path) -> None:
    pdf = tmp_path / "inv.pdf"
    pdf.write_bytes(invoice_pdf(number="INV-77"))
    proc = run(None, "extract", str(pdf), "--engine", "local")
    data = json.loads(proc.stdout)
    assert data["invoice_number"] == "INV-77"
    assert data["total_incl_tax"] == "121.00"
    assert data["currency"] == "EUR"
    assert data["extraction"]["engine"] == "local"
    proc = run(None, "extract", str(tmp_path / "missing.pdf"), check=False)
    assert proc.returncode != 0


def test_extract_touches_no_database(tmp_path: Path) -> None:
    pdf = tmp_path / "inv.pdf"
    pdf.write_bytes(invoice_pdf())
    db = tmp_path / "never.db"
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n')
    run(config, "extract", str(pdf), "--engine", "local")
    assert not db.exists()


@pytest.mark.parametrize("scopes", [None, "reporting"])
def test_clients_create_list_revoke(tmp_path: Path, db_url: str, scopes: str | None) -> None:
    config = _config(tmp_path, db_url)
    run(config, "outlets", "add", "olt-1", "--name", "Main")
    args = ["clients", "create", "pos", "--outlets", "olt-1", "--json"]
    if scopes:
        args += ["--scopes", scopes]
    creds = json.loads(run(config, *args).stdout)
    assert set(creds) == {"client_id", "client_secret"}
    listing = run(config, "clients", "list").stdout
    assert creds["client_id"] in listing and creds["client_secret"] not in listing
    run(config, "clients", "revoke", creds["client_id"])
    assert "yes" in run(config, "clients", "list").stdout
    proc = run(config, "clients", "create", "x", "--outlets", "nope", check=False)
    assert proc.returncode == 2 and "nope" in proc.stderr


def test_suppliers_and_purchase_orders_from_csv(tmp_path: Path, db_url: str) -> None:
    config = _config(tmp_path, db_url)
    run(config, "outlets", "add", "olt-1", "--name", "Main")
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("id,name,tax_id,aliases\nsup-1,Fresh Greens BV,NL1,FG;Greens\n")
    run(config, "suppliers", "import", str(suppliers))
    assert "Fresh Greens BV" in run(config, "suppliers", "list").stdout
    orders = tmp_path / "po.csv"
    orders.write_text(
        "id,order_number,outlet,supplier,status,ordered_on,total,line_description,line_quantity\n"
        "po-1,PO-1,olt-1,sup-1,ORDERED,2024-02-01,121.00,Tomatoes,10\n"
        "po-1,PO-1,olt-1,sup-1,ORDERED,2024-02-01,121.00,Onions,5\n"
    )
    assert "1 purchase order" in run(config, "purchase-orders", "import", str(orders)).stdout
    listing = run(config, "purchase-orders", "list").stdout
    assert "PO-1" in listing
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,order_number,outlet,status,ordered_on\n"
        "po-2,PO-2,olt-1,ORDERED,2024-02-01\n"
        "po-3,PO-3,olt-1,LOST,2024-02-01\n"
    )
    proc = run(config, "purchase-orders", "import", str(bad), check=False)
    assert proc.returncode == 2 and "line 3" in proc.stderr
    assert "PO-2" not in run(config, "purchase-orders", "list").stdout


def test_import_splits_a_large_folder_into_batches(tmp_path: Path, db_url: str) -> None:
    config = _config(tmp_path, db_url, limits="max_files = 4")
    run(config, "outlets", "add", "olt-1", "--name", "Main")
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(9):
        (folder / f"{i:02d}.pdf").write_bytes(invoice_pdf())
    (folder / "zz.pdf").write_bytes(b"not a pdf")
    proc = run(config, "import", "--outlet", "olt-1", str(folder), "--json")
    data = json.loads(proc.stdout)
    sizes = [b["invoice_count"] + len(b["errors"]) for b in data["batches"]]
    assert sizes == [4, 4, 2]
    assert len({b["id"] for b in data["batches"]}) == 3
    assert sum(data["counts"].values()) == 9 and data["refused"] == 1
    assert all(b["done"] for b in data["batches"])

    more = tmp_path / "more"
    more.mkdir()
    for i in range(5):
        (more / f"{i}.pdf").write_bytes(invoice_pdf())
    proc = run(config, "import", "--outlet", "olt-1", "--batch-size", "2", str(more))
    assert proc.stdout.count("batch ") >= 3 and "3 batches:" in proc.stdout
    assert max(len(line) for line in proc.stdout.splitlines()) <= 80, proc.stdout
    proc = run(config, "import", "--outlet", "olt-1", "--batch-size", "9", str(more), check=False)
    assert proc.returncode == 2 and "--batch-size" in proc.stderr

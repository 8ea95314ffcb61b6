"""Every failure a command meets is one line on stderr and a documented exit code; the
commands are quiet by default. Run through the real command, as an operator would."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.pdfs import invoice_pdf

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def config(
    tmp_path: Path, url: str | None = None, files: Path | None = None, extra: str = ""
) -> str:
    path = tmp_path / "c.toml"
    url = url or f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"
    path.write_text(
        f'[database]\nurl = "{url}"\n[storage]\npath = "{files or tmp_path / "files"}"\n'
        '[extraction]\nengine = "local"\n' + extra
    )
    return str(path)


def one_error_line(proc: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("invoicebot: error: ")
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    one_error_line(run("extract", str(tmp_path / "no.pdf")), 2, "no.pdf", "no such file")


def test_a_broken_config_names_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[http\nport = 1")
    one_error_line(run("--config", str(bad), "outlets", "list"), 2, "not valid TOML")
    bad.write_text("[http]\nport = 'eighty'\n")
    one_error_line(run("--config", str(bad), "outlets", "list"), 2, "http.port")
    one_error_line(run("--config", str(tmp_path / "nope.toml"), "status"), 2, "does not exist")


def test_an_unknown_id_is_a_usage_error(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    one_error_line(run("--config", cfg, "status", "no-such-batch"), 2, "no-such-batch")


def test_a_port_in_use_is_said_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        key = {"INVOICEBOT_SESSION_KEY": "u7b2Wl8kQz1fN3vJ9xPZcT4yH6mR0sDaE5gKiLoBqYw="}
        proc = run(
            "--config", config(tmp_path), "serve", "--port", str(port), "--workers", "0", env=key
        )
    one_error_line(proc, 3, f"127.0.0.1:{port}", "already in use", "--port")


def test_a_missing_postgresql_database(tmp_path: Path) -> None:
    name = f"missing_{uuid.uuid4().hex[:8]}"
    url = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    line = one_error_line(run("--config", config(tmp_path, url), "outlets", "list"), 3)
    assert f"'{name}' does not exist" in line and f"createdb {name}" in line


def test_a_database_that_is_down(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{port}/test"
    proc = run("--config", config(tmp_path, url), "outlets", "list")
    one_error_line(proc, 3, f"127.0.0.1:{port}", "cannot reach the database", "PostgreSQL")


def test_a_schema_from_a_newer_version(tmp_path: Path) -> None:
    import sqlite3

    cfg = config(tmp_path)
    assert run("--config", cfg, "db", "upgrade").returncode == 0
    with sqlite3.connect(tmp_path / "db.sqlite") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    one_error_line(run("--config", cfg, "outlets", "list"), 3, "newer version")


@pytest.fixture
def immutable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write in, not even root (whom file modes do not stop)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    yield folder
    subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_data_folder_that_cannot_be_written(tmp_path: Path, immutable_folder: Path) -> None:
    cfg = config(tmp_path, files=immutable_folder / "files")
    proc = run("--config", cfg, "outlets", "list")
    one_error_line(proc, 3, "permission denied", str(immutable_folder / "files"))


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = run("--debug", "extract", str(tmp_path / "no.pdf"))
    assert proc.returncode == 2 and "Traceback" in proc.stderr
    proc = run("extract", str(tmp_path / "no.pdf"), env={"INVOICEBOT_DEBUG": "1"})
    assert proc.returncode == 2 and "Traceback" in proc.stderr


def test_commands_print_their_result_and_nothing_else(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    proc = run("--config", cfg, "outlets", "add", "olt-1", "--name", "Main")
    assert proc.returncode == 0 and proc.stderr == ""  # no migration chatter
    proc = run("--config", cfg, "outlets", "list")
    assert proc.returncode == 0 and proc.stderr == "" and "olt-1" in proc.stdout
    proc = run("-v", "--config", cfg, "outlets", "list")
    assert "Context impl" not in proc.stderr  # libraries stay at WARNING even with -v


def test_json_logs_carry_the_batch_id(tmp_path: Path) -> None:
    cfg = config(tmp_path, extra='[logging]\nformat = "json"\n')
    assert run("--config", cfg, "outlets", "add", "olt-1", "--name", "Main").returncode == 0
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(invoice_pdf())
    proc = run("-v", "--config", cfg, "import", "--outlet", "olt-1", str(folder), "--json")
    assert proc.returncode == 0, proc.stderr
    batch_id = json.loads(proc.stdout)["batches"][0]["id"]
    lines = [json.loads(line) for line in proc.stderr.splitlines() if line.startswith("{")]
    about = [line for line in lines if batch_id in line["message"]]
    assert about and all(line.get("batch_id") == batch_id for line in about)
    assert {"time", "level", "logger", "message"} <= set(lines[0])

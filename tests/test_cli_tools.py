"""``doctor``, shell completion and a light ``--help``, through the real command."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from tests.test_cli_failures import config, run

ROOT = Path(__file__).resolve().parents[1]
#: rich fits tables to the terminal: wide enough that no message is folded
WIDE = {"COLUMNS": "250", "GEMINI_API_KEY": ""}


def test_doctor_on_a_ready_installation(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    assert run("--config", cfg, "db", "upgrade").returncode == 0
    proc = run("--config", cfg, "doctor")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("config", "database", "schema", "files", "tesseract", "pdftoppm", "engine"):
        assert name in proc.stdout
    assert "0 error(s)" in proc.stdout
    assert "at the latest revision" in proc.stdout


def test_doctor_reports_errors_with_their_fix(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cfg = config(tmp_path, url=f"postgresql+asyncpg://postgres@127.0.0.1:{port}/test")
    Path(cfg).write_text(Path(cfg).read_text().replace('engine = "local"', 'engine = "gemini"'))
    proc = run("--config", cfg, "doctor", env=WIDE)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "cannot reach the database" in proc.stdout
    assert "GEMINI_API_KEY is not set" in proc.stdout
    assert "2 error(s)" in proc.stdout


def test_doctor_on_a_database_behind(tmp_path: Path) -> None:
    proc = run("--config", config(tmp_path), "doctor", env=WIDE)
    assert proc.returncode == 0
    assert "invoicebot db upgrade" in proc.stdout


def test_bash_completion_knows_commands_and_options(tmp_path: Path) -> None:
    proc = run("completion", "bash")
    assert proc.returncode == 0
    script = tmp_path / "complete.sh"
    script.write_text(proc.stdout)

    def complete(*words: str) -> list[str]:
        cword = len(words)
        line = " ".join(f'"{w}"' for w in ("invoicebot", *words))
        shell = (
            f"source {script}; COMP_WORDS=({line}); COMP_CWORD={cword}; _invoicebot; "
            'printf "%s\\n" "${COMPREPLY[@]}"'
        )
        out = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=True)
        return out.stdout.split()

    assert complete("out") == ["outlets"]
    assert set(complete("outlets", "")) >= {"add", "list"}
    assert "--batch-size" in complete("import", "--")
    assert "doctor" in complete("d")
    zsh = run("completion", "zsh").stdout
    assert zsh.startswith("#compdef invoicebot") and "bashcompinit" in zsh


def test_help_imports_no_database_layer() -> None:
    code = (
        "import sys; from bot.cli.main import build_parser; build_parser().format_help(); "
        "heavy = [m for m in ('sqlalchemy', 'aiohttp', 'pypdf', 'rich', 'alembic') "
        "if m in sys.modules]; print(heavy)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == "[]"
    assert run("--help").returncode == 0

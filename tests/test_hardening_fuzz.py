"""schemathesis against the real server on loopback, on SQLite and PostgreSQL: every check
(server errors, status codes and bodies the OpenAPI document does not describe, schema-valid
requests refused, invalid ones accepted) must pass.

A bounded run so CI stays fast; ``bench/fuzz.py --max-time N`` runs the same for longer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ConfigFactory
from tests.live import live_server

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
SETTINGS = Path(__file__).with_name("schemathesis.toml")


def test_schemathesis_finds_no_failure(make_config: ConfigFactory) -> None:
    config = make_config(
        http={"rate_limit_per_minute": 0, "token_rate_limit_per_minute": 0},
        worker={"concurrency": 0},
    )
    with live_server(config) as server:
        run = subprocess.run(
            [
                SCHEMATHESIS,
                "--config-file",
                str(SETTINGS),
                "run",
                f"{server.base}/api/v2/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                "15",
                "--seed",
                "20261129",
                "--workers",
                "1",
                "--suppress-health-check",
                "all",
                "-H",
                f"Authorization: Bearer {server.token}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert "Server error" not in run.stdout
    assert " generated" in run.stdout, run.stdout[-2000:]

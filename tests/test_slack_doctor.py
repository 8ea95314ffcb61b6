"""``doctor`` asks Slack (the fake Web API on loopback) whether it takes the bot token."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from tests.slack_fake import BOT_TOKEN, fake_slack

ROOT = Path(__file__).resolve().parents[1]


async def _doctor(config: Path, token: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SLACK_BOT_TOKEN": token, "COLUMNS": "250"}
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot.cli", "--config", str(config), "doctor"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


async def test_doctor_checks_the_slack_token(tmp_path: Path) -> None:
    async with fake_slack() as fake:
        config = tmp_path / "c.toml"
        config.write_text(
            f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "db.sqlite"}"\n'
            f'[storage]\npath = "{tmp_path / "files"}"\n'
            f'[slack]\nenabled = true\napi_url = "{fake.api_url}"\n'
        )
        good = await _doctor(config, BOT_TOKEN)
        bad = await _doctor(config, "xoxb-not-the-token")
    assert "slack" in good.stdout and "accepted" in good.stdout, good.stdout + good.stderr
    assert bad.returncode == 1
    assert "Slack refused the bot token" in bad.stdout and "SLACK_BOT_TOKEN" in bad.stdout

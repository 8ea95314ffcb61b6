"""The Slack app manifests ask for exactly what the code uses, in both modes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handlers.slack.app import BOT_EVENTS, BOT_SCOPES, COMMAND
from handlers.slack.runtime import EVENTS

FOLDER = Path(__file__).resolve().parents[1] / "handlers" / "slack"


@pytest.mark.parametrize("name", ["manifest.yaml", "manifest-socket.yaml"])
def test_manifest_scopes_events_and_command(name: str) -> None:
    manifest = yaml.safe_load((FOLDER / name).read_text())
    settings = manifest["settings"]
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    assert sorted(settings["event_subscriptions"]["bot_events"]) == sorted(BOT_EVENTS)
    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == COMMAND
    socket = name == "manifest-socket.yaml"
    assert settings["socket_mode_enabled"] is socket
    if socket:
        assert "url" not in command and "request_url" not in settings["event_subscriptions"]
    else:
        assert command["url"].endswith(EVENTS.path)
        assert settings["event_subscriptions"]["request_url"].endswith(EVENTS.path)

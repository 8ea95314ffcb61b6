"""``[slack]``: keys, routes and secrets from the environment; a config that cannot work stops
the start with a message naming what is missing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.app import build_http_app, open_services
from bot.config import SlackRoute, load_config
from bot.errors import ConfigError
from handlers.slack import PLUGIN
from handlers.slack.runtime import EVENTS
from tests.conftest import ConfigFactory

TOML = """
[slack]
enabled = true
gather_seconds = 30

[[slack.routes]]
channel = "C1"
outlet = "olt-1"

[[slack.routes]]
channel = "C2"
outlet = "olt-2"
supplier = "sup-7"
"""


def test_routes_and_secrets(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(TOML)
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    slack = load_config(path, env=env).slack
    assert slack.routes == (SlackRoute("C1", "olt-1"), SlackRoute("C2", "olt-2", "sup-7"))
    assert (slack.bot_token, slack.signing_secret, slack.app_token) == ("xoxb-1", "s", None)
    assert slack.gather_seconds == 30
    assert slack.route("C2") == SlackRoute("C2", "olt-2", "sup-7")
    assert slack.route("C3") is None
    assert PLUGIN.web_paths(load_config(path, env=env)) == [EVENTS]
    # Socket Mode serves no URL; a channel that is off serves none either
    socket = load_config(path, env={**env, "SLACK_APP_TOKEN": "xapp-1"})
    assert socket.slack.socket_mode and PLUGIN.web_paths(socket) == []
    assert PLUGIN.web_paths(load_config(None, env=env)) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[slack]\nbot_token = "x"\n', "slack.bot_token: is a secret: set $SLACK_BOT_TOKEN"),
        ("[[slack.routes]]\nchannel = 'C1'\n", "slack.routes[0].outlet: is required"),
        ("[[slack.routes]]\nchannel = 'C1'\noutlet = 'o'\nteam = 'T'\n", "slack.routes[0].team"),
    ],
)
def test_wrong_keys_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("$", r"\$").replace("[", r"\[")):
        load_config(path, env={})


async def test_missing_secrets_stop_the_start(make_config: ConfigFactory) -> None:
    config = make_config(slack={"enabled": True})
    with pytest.raises(ConfigError, match=r"needs the bot token in \$SLACK_BOT_TOKEN"):
        async with open_services(config):
            pass
    # a worker needs only the bot token; the server in HTTP mode the signing secret too
    with_token = dataclasses.replace(
        config, slack=dataclasses.replace(config.slack, bot_token="xoxb-1")
    )
    async with open_services(with_token) as services:
        assert [runtime.channel for runtime in services.channels] == ["slack"]
    with pytest.raises(ConfigError, match=r"HTTP mode needs \$SLACK_SIGNING_SECRET"):
        build_http_app(with_token)

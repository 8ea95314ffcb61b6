"""The Slack channel: PDFs shared in a linked channel become a batch, answered in the thread.

Modules: ``app`` (the Bolt app, its listeners and error replies), ``shares`` (a file-share
message into a batch), ``files`` (downloads), ``notifier`` and ``blocks`` (the replies),
``command`` (``/invoices``), ``socket`` (Socket Mode), ``client`` (the Web API calls).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.channels import WebPath
from bot.config import Config
from bot.errors import ConfigError

if TYPE_CHECKING:
    from bot.app import Services
    from handlers.slack.runtime import SlackRuntime


class SlackPlugin:
    def web_paths(self, config: Config) -> list[WebPath]:
        from handlers.slack.runtime import EVENTS

        slack = config.slack
        if not slack.enabled or slack.socket_mode:
            return []
        # only the server asks for its paths: worker processes send replies without the secret
        if not slack.signing_secret:
            raise ConfigError(
                "slack.enabled",
                "HTTP mode needs $SLACK_SIGNING_SECRET (or set $SLACK_APP_TOKEN for Socket Mode)",
            )
        return [EVENTS]

    def build(self, config: Config, services: Services) -> SlackRuntime | None:
        slack = config.slack
        if not slack.enabled:
            return None
        if not slack.bot_token:
            raise ConfigError("slack.enabled", "needs the bot token in $SLACK_BOT_TOKEN")
        for i, route in enumerate(slack.routes):
            if not route.channel or not route.outlet:
                raise ConfigError(f"slack.routes[{i}]", "needs a channel id and an outlet")
        from handlers.slack.runtime import SlackRuntime

        return SlackRuntime(slack, services, slack.bot_token)


PLUGIN = SlackPlugin()

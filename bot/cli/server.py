"""The arguments of serve, worker and db upgrade; the commands themselves are in
``bot/cli/server_commands.py``, imported only when one of them runs (a fast ``--help``)."""

from __future__ import annotations

from typing import Any

from bot.cli.lazy import command


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="run the HTTP API (and workers, per [worker] concurrency)",
        description="Run the HTTP API and the channels' listeners (SMTP, IMAP, Slack). "
        "Workers run in the same process, or in [worker] processes of their own that serve "
        "starts and restarts; none with --workers 0 or [worker] concurrency = 0. Upgrades the "
        "database first.",
    )
    p.add_argument("--host", help="override [http] host")
    p.add_argument("--port", type=int, help="override [http] port")
    p.add_argument("--workers", type=int, metavar="N", help="override [worker] concurrency (tasks)")
    p.add_argument(
        "--worker-processes",
        type=int,
        metavar="N",
        help="override [worker] processes (0: the tasks run inside serve)",
    )
    p.set_defaults(run=command("bot.cli.server_commands:serve"), long_running=True)

    p = sub.add_parser(
        "worker",
        help="run workers only (extraction and replies)",
        description="Run workers without the API: more processes or machines "
        "sharing one PostgreSQL queue. They read invoices and send the replies of finished "
        "batches through the channels the config sets up (email, Slack).",
    )
    p.add_argument("--concurrency", type=int, metavar="N", help="override [worker] concurrency")
    p.set_defaults(run=command("bot.cli.server_commands:worker"), long_running=True)

    p = sub.add_parser("db", help="database administration", description="Database administration.")
    dbsub = p.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    up = dbsub.add_parser(
        "upgrade",
        help="apply migrations up to the latest schema",
        description="Apply Alembic migrations up to the latest schema.",
    )
    up.set_defaults(run=command("bot.cli.server_commands:db_upgrade"))

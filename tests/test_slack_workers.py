"""Slack replies sent by ``invoicebot worker`` processes: the channel is built from the TOML
file and the environment's secrets in any process, and each batch is answered once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select

from storage.models import Job
from storage.status import JobKind, ReplyStatus
from tests.conftest import ConfigFactory
from tests.pdfs import invoice_pdf
from tests.processes import start_cli, stop, worker_config
from tests.slack_fake import BOT_TOKEN, fake_slack, file_share
from tests.slack_setup import channel_batches, post_event, slack_config, slack_server

SHARES = 5  # /invoices status and channel_batches show five


async def test_worker_processes_answer_each_batch_once(
    make_config: ConfigFactory, db_url: str, tmp_path: Path
) -> None:
    async with fake_slack() as fake:
        config = slack_config(make_config, fake)
        slack = (
            f'[slack]\nenabled = true\napi_url = "{fake.api_url}"\n'
            '[[slack.routes]]\nchannel = "C1"\noutlet = "olt-1"\n'
        )
        path = worker_config(
            tmp_path / "worker.toml",
            db_url,
            config.storage.path,
            "tests.fakes:steady_extractor",
            30,
            slack,
        )
        env = {"SLACK_BOT_TOKEN": BOT_TOKEN}  # a worker needs no signing secret
        async with slack_server(config, run_workers=False) as api:
            for i in range(SHARES):
                files = [fake.add_file(f"{i}-{n}.pdf", invoice_pdf()) for n in range(2)]
                ts = f"1700000000.{i:06d}"
                assert await post_event(api, file_share("C1", ts, files), f"Ev{i}") == 200
            workers = [start_cli(path, "worker", env=env) for _ in range(2)]
            try:
                for _ in range(1200):
                    reports = [
                        await api.services.invoices.batch(b.id)
                        for b in await channel_batches(api, "C1")
                    ]
                    sent = [r for r in reports if r.reply.status == ReplyStatus.SENT]
                    if len(sent) == SHARES:
                        break
                    assert all(w.poll() is None for w in workers)
                    await asyncio.sleep(0.1)
                else:
                    raise AssertionError(f"replies: {[r.reply for r in reports]}")
                await fake.wait_for(
                    lambda: sum(names == {"warning"} for names in fake.reactions.values()) == SHARES
                )
            finally:
                logs = [stop(w) for w in workers]
            async with api.services.db.read() as session:
                jobs = await session.scalar(
                    select(func.count()).select_from(Job).where(Job.kind == JobKind.BATCH_DONE)
                )

    assert jobs == SHARES, logs
    for report in sent:
        thread = [m for m in fake.posted("C1") if m["thread_ts"] == report.reply_to["thread_ts"]]
        assert len(thread) == 1, thread
        final = fake.messages[report.reply_to["reply_ts"]]["text"]
        assert final.startswith(f"Batch {report.id} for Kitchen olt-1: 2 files, done"), final

"""``doctor`` on the email channel: the relay answers, each mailbox takes its login (real
Dovecot and a real SMTP relay on loopback)."""

from __future__ import annotations

import pytest

from bot.doctor import State, run_checks
from tests.conftest import ConfigFactory
from tests.mailservers import Relay, free_port
from tests.test_email_imap import PASSWORD_ENV, email_section, imap_server, relay  # noqa: F401


async def test_doctor_checks_the_relay_and_the_mailboxes(
    make_config: ConfigFactory,
    imap_server,  # noqa: F811
    relay: Relay,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = make_config(email=email_section(imap_server, relay))
    checks = {c.name: c for c in await run_checks(config, None)}
    assert checks["email relay"].state == State.OK
    [imap] = [c for name, c in checks.items() if name.startswith("IMAP")]
    assert imap.state == State.OK

    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    section = email_section(imap_server, relay)
    section["outbound"]["port"] = free_port()  # nobody listens there
    checks = {c.name: c for c in await run_checks(make_config(email=section), None)}
    assert checks["email relay"].state == State.ERROR and checks["email relay"].fix
    [imap] = [c for name, c in checks.items() if name.startswith("IMAP")]
    assert imap.state == State.ERROR and "cannot log in" in imap.detail

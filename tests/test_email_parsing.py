"""The email channel's reading of mail: forwarded senders, Authentication-Results, routes.

Pure functions on real messages built with the standard library; the servers are in
test_email_smtp.py and test_email_imap.py.
"""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

import pytest

from bot.config import EmailRouteConfig, config_from_dict
from bot.errors import ConfigError
from bot.routing import Routes
from handlers.email import PLUGIN
from handlers.email.authresults import authenticated
from handlers.email.forwarded import inline_senders, original_senders
from tests.mailservers import make_mail

OUTLOOK = """Please book this one.

________________________________
From: Fresh Greens Billing <billing@greens.example>
Sent: Monday, March 4, 2024 9:12 AM
To: Chef <chef@harbour.example>
Subject: Invoice INV-2024-0042
"""

GMAIL = """FYI

---------- Forwarded message ---------
From: North Sea Fish <orders@fish.example>
Date: Tue, 5 Mar 2024 at 10:01
Subject: Rechnung 42
To: <chef@harbour.example>
"""

GERMAN_QUOTED = """> *Von:* Fleischerei Huber [mailto:rechnung@huber.example]
> *Gesendet:* Mittwoch, 6. März 2024 08:00
> *An:* Küche
> *Betreff:* Rechnung März
"""

SIGNATURE_ONLY = """Thanks,
Chef
From: the kitchen, with love
Phone: 555 1234
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (OUTLOOK, ["billing@greens.example"]),
        (GMAIL, ["orders@fish.example"]),
        (GERMAN_QUOTED, ["rechnung@huber.example"]),
        (SIGNATURE_ONLY, []),
    ],
)
def test_inline_forward_blocks(text: str, expected: list[str]) -> None:
    assert inline_senders(text) == expected


def test_a_message_forwarded_as_attachment_names_its_sender() -> None:
    inner = make_mail(sender="Fish <Orders@Fish.example>", to="chef@harbour.example")
    outer = make_mail(text="see attached", attached=[inner])
    parsed = BytesParser(policy=policy.default).parsebytes(outer.as_bytes())
    assert original_senders(parsed) == ["orders@fish.example"]


def _with_results(*values: str, sender: str = "chef@harbour.example") -> object:
    msg = make_mail(sender=sender)
    for value in values:  # the first added is the topmost
        msg["Authentication-Results"] = value
    return BytesParser(policy=policy.default).parsebytes(msg.as_bytes())


@pytest.mark.parametrize(
    ("results", "ok"),
    [
        (["mx.harbour.example; dmarc=pass (p=reject) header.from=harbour.example"], True),
        (["mx.harbour.example; spf=pass smtp.mailfrom=bounce.harbour.example"], True),
        (["mx.harbour.example; dkim=pass header.d=harbour.example header.s=s1"], True),
        (["mx.harbour.example; spf=pass smtp.mailfrom=elsewhere.example; dkim=fail"], False),
        (["mx.harbour.example; dmarc=fail header.from=harbour.example"], False),
        # only the topmost header counts: a forged one lower down does not
        (["mx.harbour.example; dmarc=fail", "forged.example; dmarc=pass"], False),
        ([], False),
    ],
)
def test_authentication_results(results: list[str], ok: bool) -> None:
    msg = _with_results(*results)
    assert authenticated(msg, "chef@harbour.example") is ok  # type: ignore[arg-type]


def test_authentication_results_from_another_server_do_not_count() -> None:
    msg = _with_results("mx.other.example; dmarc=pass header.from=harbour.example")
    assert not authenticated(msg, "chef@harbour.example", ("mx.harbour.example",))  # type: ignore[arg-type]
    assert authenticated(msg, "chef@harbour.example", ("MX.other.example",))  # type: ignore[arg-type]


def test_routes_plus_addressing_fixed_addresses_and_senders() -> None:
    routes = Routes.from_config(
        [
            EmailRouteConfig(recipient="invoices+*@example.com", sender="*@harbour.example"),
            EmailRouteConfig(recipient="quay@example.com", outlet="olt-2", supplier="sup-1"),
            EmailRouteConfig(sender="billing@greens.example", outlet="olt-3"),
        ],
        "email.routes",
    )
    plus = routes.resolve(["Invoices+OLT-9@Example.com"], "chef@harbour.example")
    assert plus is not None and plus.outlet_id == "olt-9"
    assert routes.resolve(["invoices+olt-9@example.com"], "x@elsewhere.example") is None
    fixed = routes.resolve(["quay@example.com"], None)
    assert fixed is not None and (fixed.outlet_id, fixed.supplier_id) == ("olt-2", "sup-1")
    by_sender = routes.resolve(["anything@example.com"], "billing@greens.example")
    assert by_sender is not None and by_sender.outlet_id == "olt-3"
    assert routes.knows("quay@example.com") and routes.knows("invoices+a@example.com")


@pytest.mark.parametrize(
    ("route", "key"),
    [
        (EmailRouteConfig(outlet="olt-1"), "email.routes[0]"),
        (EmailRouteConfig(recipient="invoices@example.com"), "email.routes[0].outlet"),
        (EmailRouteConfig(recipient="nobody", outlet="o"), "email.routes[0].recipient"),
    ],
)
def test_bad_routes_name_the_key(route: EmailRouteConfig, key: str) -> None:
    with pytest.raises(ConfigError) as info:
        Routes.from_config([route], "email.routes")
    assert info.value.key == key


def test_email_on_needs_a_from_address_routes_and_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    route = {"recipient": "invoices@example.com", "outlet": "olt-1"}
    outbound = {"from": "invoices@example.com"}
    imap = {"host": "127.0.0.1", "username": "a@example.com", "password_env": "TEST_IMAP_PW"}
    cases = [
        ({"smtp": {"enabled": True}, "routes": [route]}, "email.outbound.from"),
        ({"smtp": {"enabled": True}, "outbound": outbound}, "email.routes"),
        (
            {"smtp": {"enabled": True}, "routes": [route], "outbound": outbound, "po_pattern": "("},
            "email.po_pattern",
        ),
    ]
    monkeypatch.delenv("TEST_IMAP_PW", raising=False)
    for section, key in cases:
        with pytest.raises(ConfigError) as info:
            PLUGIN.build(config_from_dict({"email": section}), None)  # type: ignore[arg-type]
        assert info.value.key == key
    assert PLUGIN.build(config_from_dict({}), None) is None  # type: ignore[arg-type]
    # a worker only sends replies: the mailboxes' secrets are asked for when they are read
    section = {"imap": [imap], "routes": [route], "outbound": outbound}
    runtime = PLUGIN.build(config_from_dict({"email": section}), None)  # type: ignore[arg-type]
    assert runtime is not None
    with pytest.raises(ConfigError) as info:
        runtime.imap  # noqa: B018 - made on first use, by serve's start
    assert info.value.key == "email.imap[0].password_env"
    monkeypatch.setenv("TEST_IMAP_PW", "secret")
    section = {"imap": [imap], "routes": [route], "outbound": outbound}
    assert PLUGIN.build(config_from_dict({"email": section}), None) is not None  # type: ignore[arg-type]

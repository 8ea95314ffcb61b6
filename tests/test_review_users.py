"""Accounts of the review pages: the CLI as a user runs it, and the core's sign-in rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.errors import Conflict, InvalidRequest, NotAuthenticated, NotFound
from bot.users import Users
from storage.db import Database
from tests.test_cli import ROOT, _config

PASSWORD = "correct horse battery"


def cli(config: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--config", str(config), "--log-level", "WARNING", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_users_add_list_disable_reset_from_the_command_line(tmp_path: Path, db_url: str) -> None:
    config = _config(tmp_path, db_url)
    assert cli(config, "outlets", "add", "olt-1", "--name", "Harbour").returncode == 0
    added = cli(
        config, "users", "add", "Ann@Example.com", "--outlets", "olt-1", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "ann@example.com added (olt-1)" in added.stdout
    admin = cli(config, "users", "add", "boss@example.com", "--admin", "--password-stdin",
                stdin=PASSWORD + "\n")  # fmt: skip
    assert admin.returncode == 0, admin.stderr

    again = cli(config, "users", "add", "ann@example.com", "--outlets", "olt-1",
                "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert again.returncode == 2 and "already exists" in again.stderr
    short = cli(config, "users", "add", "c@example.com", "--admin", "--password-stdin",
                stdin="short\n")  # fmt: skip
    assert short.returncode == 2 and "at least 10 characters" in short.stderr
    no_outlet = cli(config, "users", "add", "d@example.com", "--password-stdin",
                    stdin=PASSWORD + "\n")  # fmt: skip
    assert no_outlet.returncode == 2 and "--outlets" in no_outlet.stderr
    unknown = cli(config, "users", "add", "e@example.com", "--outlets", "nope",
                  "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert unknown.returncode == 2 and "outlet nope does not exist" in unknown.stderr

    listed = cli(config, "users", "list")
    assert listed.returncode == 0
    assert "ann@example.com" in listed.stdout and "boss@example.com" in listed.stdout

    reset = cli(config, "users", "reset-password", "ann@example.com", "--password-stdin",
                stdin="another long password\n")  # fmt: skip
    assert reset.returncode == 0, reset.stderr
    disabled = cli(config, "users", "disable", "ann@example.com")
    assert disabled.returncode == 0, disabled.stderr
    assert cli(config, "users", "disable", "nobody@example.com").returncode == 2
    assert cli(config, "users", "--help").returncode == 0


@pytest.fixture
async def users(db: Database) -> Users:
    from storage import catalog

    async with db.session() as session:
        await catalog.add_outlet(session, "Harbour", "olt-1")
    return Users(db)


async def test_sign_in_checks_the_password_and_the_account(users: Users) -> None:
    ann = await users.add("ann@example.com", PASSWORD, ["olt-1"])
    assert ann.outlets == frozenset({"olt-1"}) and not ann.is_admin
    boss = await users.add("boss@example.com", PASSWORD, admin=True)
    assert boss.outlets is None

    assert (await users.sign_in(" ANN@example.com ", PASSWORD)).id == ann.id
    for email, password in (
        ("ann@example.com", "wrong password!"),
        ("nobody@example.com", PASSWORD),
        ("not an email", PASSWORD),
    ):
        with pytest.raises(NotAuthenticated, match="wrong email or password"):
            await users.sign_in(email, password)
    with pytest.raises(Conflict):
        await users.add("ann@example.com", PASSWORD, ["olt-1"])
    with pytest.raises(NotFound):
        await users.add("x@example.com", PASSWORD, ["olt-9"])
    with pytest.raises(InvalidRequest):
        await users.add("x@example.com", "short", admin=True)


async def test_reset_and_disable_end_the_sessions_signed_in_before(users: Users) -> None:
    ann = await users.add("ann@example.com", PASSWORD, ["olt-1"])
    assert (await users.current(ann.id, ann.session_version)).email == "ann@example.com"

    await users.reset_password("ann@example.com", "a new long password")
    with pytest.raises(NotAuthenticated):
        await users.current(ann.id, ann.session_version)
    with pytest.raises(NotAuthenticated):
        await users.sign_in("ann@example.com", PASSWORD)
    now = await users.sign_in("ann@example.com", "a new long password")
    assert (await users.current(now.id, now.session_version)).id == ann.id

    await users.disable("ann@example.com")
    with pytest.raises(NotAuthenticated):
        await users.current(now.id, now.session_version)
    with pytest.raises(NotAuthenticated, match="disabled"):
        await users.sign_in("ann@example.com", "a new long password")

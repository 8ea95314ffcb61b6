"""Real mail servers on loopback for the email tests: a relay that keeps what it is sent
(aiosmtpd), Dovecot for IMAP, a TCP proxy that can cut a connection, and small mail builders."""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import shutil
import smtplib
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session
from imapclient import IMAPClient

# --- building and sending mail ---------------------------------------------------------------

Part = tuple[str, bytes, str]  # (filename, content, content type)


def make_mail(
    *,
    sender: str = "chef@harbour.example",
    to: str = "invoices+olt-1@example.com",
    subject: str = "Invoices for March",
    text: str = "Please find the invoices attached.",
    parts: Sequence[Part] = (),
    headers: dict[str, str] | None = None,
    message_id: str | None = "auto",
    attached: Sequence[EmailMessage] = (),
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    if message_id == "auto":
        message_id = make_msgid(domain="harbour.example")
    if message_id:
        msg["Message-ID"] = message_id
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(text)
    for filename, content, ctype in parts:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    for inner in attached:
        msg.add_attachment(inner)
    return msg


@dataclass
class SmtpAnswer:
    """Where the dialogue stopped and what the server said there."""

    stage: str
    code: int
    text: str


def smtp_send(
    port: int, msg: EmailMessage | bytes, mail_from: str | None = None, rcpts: Sequence[str] = ()
) -> SmtpAnswer:
    """The whole dialogue with smtplib (blocking: run it in a thread)."""
    data = msg.as_bytes(policy=policy.SMTP) if isinstance(msg, EmailMessage) else msg
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    if mail_from is None:
        mail_from = str(parsed["From"]).split("<")[-1].strip(">")
    rcpts = list(rcpts) or [str(parsed["To"])]
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.ehlo("test.example")
        options = [f"SIZE={len(data)}"] if client.has_extn("size") else []
        code, text = client.mail(mail_from, options)
        if code != 250:
            return SmtpAnswer("mail", code, text.decode())
        for rcpt in rcpts:
            code, text = client.rcpt(rcpt)
            if code not in (250, 251):
                return SmtpAnswer("rcpt", code, text.decode())
        code, text = client.data(data)
        return SmtpAnswer("data", code, text.decode())


async def send(port: int, msg: EmailMessage | bytes, **kw: object) -> SmtpAnswer:
    return await asyncio.to_thread(smtp_send, port, msg, **kw)  # type: ignore[arg-type]


# --- the relay replies go through -------------------------------------------------------------


@dataclass
class Relay:
    """An SMTP server that keeps every message; ``down()`` closes it, ``up()`` reopens it on the
    same port (a relay that goes away and comes back)."""

    port: int = 0
    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    server: asyncio.Server | None = None
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    #: offer STARTTLS with this context, and take mail only over TLS
    tls: ssl.SSLContext | None = None

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(msg, EmailMessage)
        self.received.append(msg)
        self.envelopes.append((envelope.mail_from or "", list(envelope.rcpt_tos)))
        self.arrived.set()
        return "250 2.0.0 relayed"

    async def up(self) -> Relay:
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(
            lambda: SMTP(
                self,
                hostname="relay.test",
                tls_context=self.tls,
                require_starttls=self.tls is not None,
                loop=loop,
            ),
            "127.0.0.1",
            self.port,
        )
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def down(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None

    async def wait_for(self, count: int, seconds: float = 30) -> list[EmailMessage]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while len(self.received) < count:
            self.arrived.clear()
            left = deadline - loop.time()
            if left <= 0:
                raise AssertionError(f"{len(self.received)} of {count} messages relayed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), left)
        return self.received


def text_of(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def html_of(msg: EmailMessage) -> str | None:
    body = msg.get_body(preferencelist=("html",))
    return None if body is None else str(body.get_content())


# --- Dovecot ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Dovecot:
    """A Dovecot of our own (Debian's dovecot-imapd) on a free loopback port, one account."""

    root: Path
    port: int
    user: str = "accounts@example.com"
    password: str = "imap-secret"

    @property
    def config(self) -> Path:
        return self.root / "dovecot.conf"

    def client(self) -> IMAPClient:
        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        client.login(self.user, self.password)
        return client

    def append(self, folder: str, msg: EmailMessage | bytes) -> int:
        """Append a message; its UID (from the APPENDUID answer)."""
        data = msg.as_bytes(policy=policy.SMTP) if isinstance(msg, EmailMessage) else msg
        with self.client() as c:
            answer = c.append(folder, data)
        return int(answer.split(b"APPENDUID ", 1)[1].split()[1].rstrip(b"]"))

    def uids(self, folder: str) -> list[int]:
        client = self.client()
        try:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder)
            return sorted(client.search("ALL"))
        finally:
            client.logout()

    def message_ids(self, folder: str) -> list[str]:
        client = self.client()
        try:
            client.select_folder(folder)
            uids = client.search("ALL")
            fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
            return sorted(
                bytes(v[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"]).decode().split(":", 1)[1].strip()
                for v in fetched.values()
            )
        finally:
            client.logout()

    def doveadm(self, *args: str) -> str:
        out = subprocess.run(
            ["doveadm", "-c", str(self.config), *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def set_uidvalidity(self, folder: str, value: int) -> None:
        self.doveadm("mailbox", "update", "-u", self.user, "--uid-validity", str(value), folder)


_CONF = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
mail_location = maildir:{root}/mail/%u
{users}
{oauth2}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


_OAUTH2 = """\
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf.ext
}}
"""

_OAUTH2_EXT = """\
introspection_mode = post
introspection_url = {url}
username_attribute = username
active_attribute = active
active_value = true
force_introspection = yes
"""


@contextlib.contextmanager
def dovecot(oauth2_introspection: str | None = None) -> Iterator[Dovecot]:
    """Start Dovecot with a config of its own under a short temporary folder (unix socket paths
    have a length limit), wait for its port, stop it by its pid afterwards.

    ``oauth2_introspection``: a URL where Dovecot checks XOAUTH2 tokens (RFC 7662, POST).
    """
    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    if not os.path.exists(binary):
        raise AssertionError("Dovecot is not installed: run `make test` (installs dovecot-imapd)")
    root = Path(tempfile.mkdtemp(prefix="dvc", dir="/tmp"))
    root.chmod(0o755)
    (root / "mail").mkdir()
    if os.getuid() == 0:
        # Dovecot never runs mail processes as root: the mail belongs to nobody
        nobody = pwd.getpwnam("nobody")
        os.chown(root / "mail", nobody.pw_uid, nobody.pw_gid)
        users = "mail_uid = nobody\nmail_gid = nogroup"
    else:
        me = pwd.getpwuid(os.getuid()).pw_name
        users = f"default_internal_user = {me}\ndefault_login_user = {me}"
    server = Dovecot(root, free_port())
    (root / "passwd").write_text(f"{server.user}:{{PLAIN}}{server.password}\n")
    oauth2 = ""
    if oauth2_introspection:
        (root / "oauth2.conf.ext").write_text(_OAUTH2_EXT.format(url=oauth2_introspection))
        oauth2 = _OAUTH2.format(root=root)
    server.config.write_text(_CONF.format(root=root, port=server.port, users=users, oauth2=oauth2))
    subprocess.run([binary, "-c", str(server.config)], check=True)
    try:
        _wait_port(server.port)
        yield server
    finally:
        pid_file = root / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 15)
            for _ in range(100):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        shutil.rmtree(root, ignore_errors=True)


def _wait_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise AssertionError(f"Dovecot did not listen on {port}")


# --- a proxy that can cut the line ------------------------------------------------------------


class CuttingProxy:
    """A TCP proxy to ``target``; ``cut_when(data)`` sees every client chunk and, when it says
    so, the connection is dropped before the chunk reaches the server (once per ``arm()``)."""

    def __init__(self, target: int, cut_when: Callable[[bytes], bool]) -> None:
        self.target = target
        self.cut_when = cut_when
        self.armed = True
        self.cuts = 0
        self.server: asyncio.Server | None = None
        self.port = 0

    async def start(self) -> CuttingProxy:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)

        async def upstream() -> None:
            while data := await reader.read(65536):
                if self.armed and self.cut_when(data):
                    self.armed = False
                    self.cuts += 1
                    break
                up_writer.write(data)
                await up_writer.drain()

        async def downstream() -> None:
            while data := await up_reader.read(65536):
                writer.write(data)
                await writer.drain()

        tasks = [asyncio.ensure_future(upstream()), asyncio.ensure_future(downstream())]
        with contextlib.suppress(ConnectionError):
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        for w in (writer, up_writer):
            w.close()
            with contextlib.suppress(ConnectionError):
                await w.wait_closed()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, ConnectionError):
                await task


# --- TLS --------------------------------------------------------------------------------------


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, and its key (PEM files)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path

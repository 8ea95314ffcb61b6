"""A real server with the review pages, two outlets, their people and read invoices.

Shared by the server-side tests (aiohttp's client) and the browser tests (selenium). Invoices go
through the real pipeline: uploaded over HTTP, read by the local engine, linked.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from cryptography.fernet import Fernet
from fpdf import FPDF

from bot.config import Config
from tests.harness import Api, serve

PASSWORD = "correct horse battery"


def no_total_pdf(supplier: str = "Fresh Greens BV", number: str = "R-1") -> bytes:
    """An invoice that prints no total: the local engine reads it as INCOMPLETE."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for line in (
        supplier,
        "VAT: NL123456789B01",
        "",
        "INVOICE",
        f"Invoice number: {number}",
        "Invoice date: 2024-03-01",
        "",
        "Tomatoes, 10 kg, delivered Friday",
    ):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def priced_pdf(order_number: str) -> bytes:
    """An invoice for 10 kg of tomatoes at 2.50, citing an order: its line is compared."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    for line in (
        "Fresh Greens BV",
        "VAT: NL123456789B01",
        "",
        "INVOICE",
        "Invoice number: G-77",
        "Invoice date: 2024-03-01",
        f"Purchase order: {order_number}",
        "",
    ):
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    widths = (80, 25, 20, 30, 30)
    for row in (
        ("Description", "Quantity", "Unit", "Unit price", "Amount"),
        ("Tomatoes", "10", "kg", "2.50", "25.00"),
    ):
        for width, cell in zip(widths, row, strict=True):
            pdf.cell(width, 7, cell)
        pdf.ln(7)
    for line in ("", "Subtotal: EUR 25.00", "VAT 0%: EUR 0.00", "Total: EUR 25.00"):
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Site:
    api: Api
    token: str
    #: invoice ids: "a_incomplete" (outlet A, no total printed), "b_incomplete" (outlet B),
    #: "a_hostile" (outlet A, <script> in file and supplier name)
    invoices: dict[str, str]
    batches: dict[str, str]

    @property
    def base(self) -> str:
        return self.api.base

    async def upload(self, outlet: str, filename: str, pdf: bytes) -> tuple[str, str]:
        # the file name as is (aiohttp would percent-encode it), as a browser or mailer sends it
        form = aiohttp.FormData(quote_fields=False)
        form.add_field("outlet", outlet)
        form.add_field("file[0]", pdf, filename=filename, content_type="application/pdf")
        async with self.api.http.post(
            f"{self.base}/api/v2/invoices/bulk_upload/",
            data=form,
            headers=self.api.auth(self.token),
        ) as resp:
            status, body = resp.status, await resp.json()
        assert status == 201, body
        await self.api.wait_done(self.token, body["bulk_importation_id"])
        return body["invoices"][0]["id"], body["bulk_importation_id"]


def review_config(config: Config, tmp_path: Path, **review: Any) -> Config:
    """The test's config with a session key and the page cache in the test's folder."""
    section = dataclasses.replace(
        config.review,
        session_key=Fernet.generate_key().decode(),
        page_cache_path=tmp_path / "pages",
        **review,
    )
    return dataclasses.replace(config, review=section)


@asynccontextmanager
async def review_site(config: Config) -> AsyncIterator[Site]:
    async with serve(config, run_workers=True) as api:
        await api.outlet("olt-a", "Harbour Kitchen")
        await api.outlet("olt-b", "Hilltop Bistro")
        users = api.services.users
        await users.add("ann@example.com", PASSWORD, ["olt-a"])
        await users.add("bob@example.com", PASSWORD, ["olt-b"])
        await users.add("boss@example.com", PASSWORD, admin=True)
        token = await api.token()
        site = Site(api, token, {}, {})
        for key, outlet, name, pdf in (
            ("a_incomplete", "olt-a", "march.pdf", no_total_pdf(number="R-1")),
            ("b_incomplete", "olt-b", "bistro.pdf", no_total_pdf(number="R-2")),
            (
                "a_hostile",
                "olt-a",
                "<img src=x onerror=alert('file')>.pdf",
                no_total_pdf("<script>alert('supplier')</script> Foods", "R-3"),
            ),
        ):
            site.invoices[key], site.batches[key] = await site.upload(outlet, name, pdf)
        yield site


class Browser:
    """A person's HTTP client: its own cookies, follows no redirect by itself."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def close(self) -> None:
        await self.http.close()

    async def get(self, path: str, **params: str) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.http.get(
            f"{self.base}{path}", params=params, allow_redirects=False
        ) as resp:
            return resp.status, (await resp.read()).decode("utf-8", "replace"), resp

    async def fetch(self, path: str) -> tuple[int, bytes, aiohttp.ClientResponse]:
        async with self.http.get(f"{self.base}{path}", allow_redirects=False) as resp:
            return resp.status, await resp.read(), resp

    async def csrf(self, path: str) -> str:
        status, html, _ = await self.get(path)
        assert status == 200, html
        found = CSRF.search(html)
        assert found, html
        return found.group(1)

    async def post(
        self, path: str, data: dict[str, str], csrf_from: str | None = None
    ) -> tuple[int, str, aiohttp.ClientResponse]:
        if csrf_from is not None:
            data = {"csrf": await self.csrf(csrf_from), **data}
        async with self.http.post(f"{self.base}{path}", data=data, allow_redirects=False) as resp:
            return resp.status, await resp.text(), resp

    async def sign_in(self, email: str, password: str = PASSWORD) -> tuple[int, str, Any]:
        return await self.post(
            "/review/sign-in", {"email": email, "password": password}, "/review/sign-in"
        )

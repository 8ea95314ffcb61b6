"""The review pages over loopback with aiohttp's client: sign-in, sessions, CSRF, headers,
who sees what, the inbox, corrections and approvals through the same core as PATCH."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from markupsafe import escape

from tests.conftest import ConfigFactory
from tests.review_site import PASSWORD, Browser, Site, priced_pdf, review_config, review_site


@pytest.fixture
async def site(make_config: ConfigFactory, tmp_path: Path) -> AsyncIterator[Site]:
    async with review_site(review_config(make_config(), tmp_path)) as found:
        yield found


@pytest.fixture
async def ann(site: Site) -> AsyncIterator[Browser]:
    browser = Browser(site.base)
    status, body, _ = await browser.sign_in("ann@example.com")
    assert status == 303, body
    yield browser
    await browser.close()


async def test_sign_in_sets_a_safe_cookie_and_a_wrong_password_is_refused(site: Site) -> None:
    browser = Browser(site.base)
    try:
        status, _, resp = await browser.get("/review/")
        assert status == 303
        assert unquote(resp.headers["Location"]) == "/review/sign-in?next=/review/"

        status, body, _ = await browser.sign_in("ann@example.com", "not the password")
        assert status == 401
        assert "wrong email or password" in body
        status, body, resp = await browser.sign_in("Ann@Example.com")
        assert status == 303 and resp.headers["Location"] == "/review/"
        cookie = next(v for k, v in resp.headers.items() if k == "Set-Cookie")
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/review/" in cookie
        assert "Secure" not in cookie  # public_url is not https here

        status, body, resp = await browser.get("/review/")
        assert status == 200, body
        assert "ann@example.com" in body
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert resp.headers["X-Frame-Options"] == "DENY"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert "<script>" not in body.replace('<script src="/review/static/review.js" defer>', "")

        status, body, resp = await browser.get("/review/no-such-page")
        assert status == 404 and "<h1>Not Found</h1>" in body
        assert resp.headers["X-Frame-Options"] == "DENY"
        status, _, resp = await browser.get("/review")
        assert status == 301 and resp.headers["Location"] == "/review/"

        status, _, resp = await browser.post("/review/sign-out", {}, "/review/")
        assert status == 303
        status, _, _ = await browser.get("/review/")
        assert status == 303
    finally:
        await browser.close()


async def test_a_form_without_its_csrf_token_is_refused(site: Site, ann: Browser) -> None:
    invoice = site.invoices["a_incomplete"]
    for data in ({"decision": "approve"}, {"decision": "approve", "csrf": "forged"}):
        status, body, _ = await ann.post(f"/review/invoices/{invoice}/decision", data)
        assert status == 403, body
        assert "did not come from this site" in body
    _, view = await site.api.get(site.token, f"/api/v2/invoices/{invoice}/")
    assert view["approval_status"] == "RECEIVED"
    # and sign-in itself needs the token of the sign-in page
    other = Browser(site.base)
    try:
        status, _, _ = await other.post(
            "/review/sign-in", {"email": "ann@example.com", "password": PASSWORD}
        )
        assert status == 403
    finally:
        await other.close()


async def test_sign_in_attempts_are_rate_limited(
    make_config: ConfigFactory, tmp_path: Path
) -> None:
    config = review_config(make_config(), tmp_path, sign_in_attempts_per_minute=3)
    async with review_site(config) as site:
        browser = Browser(site.base)
        try:
            for _ in range(3):
                status, _, _ = await browser.sign_in("ann@example.com", "wrong password!")
                assert status == 401
            status, body, resp = await browser.sign_in("ann@example.com")
            assert status == 429, body
            assert int(resp.headers["Retry-After"]) >= 1
            assert "Too many attempts" in body
        finally:
            await browser.close()


async def test_the_inbox_lists_what_needs_a_person_with_the_reason(
    site: Site, ann: Browser
) -> None:
    status, body, _ = await ann.get("/review/")
    assert status == 200, body
    assert "march.pdf" in body
    assert "missing fields" in body and "no supplier" in body
    assert "bistro.pdf" not in body  # outlet B is not Ann's
    assert 'data-reason="missing">missing fields <b>2</b>' in body

    status, body, _ = await ann.get("/review/", reason="variance")
    assert status == 200 and "march.pdf" not in body and "Nothing here needs a person" in body
    status, body, _ = await ann.get("/review/", ordering="-total_incl_tax", outlet="olt-a")
    assert status == 200 and "march.pdf" in body
    status, body, _ = await ann.get("/review/", reason="nonsense")
    assert status == 400 and "reason must be one of" in body
    status, body, _ = await ann.get("/review/", outlet="olt-b")
    assert status == 200 and "bistro.pdf" not in body


async def test_a_user_gets_404_for_another_outlets_invoice_image_and_batch(
    site: Site, ann: Browser
) -> None:
    theirs = site.invoices["b_incomplete"]
    for path in (
        f"/review/invoices/{theirs}",
        f"/review/invoices/{theirs}/pages/1.png",
        f"/review/invoices/{theirs}/file",
        f"/review/batches/{site.batches['b_incomplete']}",
    ):
        status, body, resp = await ann.get(path)
        assert status == 404, (path, body)
        assert resp.headers["X-Frame-Options"] == "DENY"
    status, body, _ = await ann.post(
        f"/review/invoices/{theirs}/decision", {"decision": "approve"}, "/review/"
    )
    assert status == 404
    _, view = await site.api.get(site.token, f"/api/v2/invoices/{theirs}/")
    assert view["approval_status"] == "RECEIVED"

    admin = Browser(site.base)
    try:
        await admin.sign_in("boss@example.com")
        status, body, _ = await admin.get(f"/review/invoices/{theirs}")
        assert status == 200 and "bistro.pdf" in body
    finally:
        await admin.close()


async def test_fix_the_total_and_supplier_approve_and_the_history_keeps_it(
    site: Site, ann: Browser
) -> None:
    invoice = site.invoices["a_incomplete"]
    page = f"/review/invoices/{invoice}"
    status, body, _ = await ann.get(page)
    assert status == 200, body
    assert f'src="/review/invoices/{invoice}/pages/1.png"' in body
    assert 'name="total_incl_tax" value=""' in body
    assert "no total including tax found" in body

    status, image, resp = await ann.fetch(f"{page}/pages/1.png")
    assert status == 200 and resp.headers["Content-Type"] == "image/png"
    assert image.startswith(b"\x89PNG") and len(image) > 5000
    assert resp.headers["Cache-Control"].startswith("private")
    status, _, _ = await ann.get(f"{page}/pages/2.png")
    assert status == 404

    status, body, _ = await ann.post(page, {"total_incl_tax": "abc"}, page)
    assert status == 400 and "total_incl_tax must be a decimal number" in body
    status, _, resp = await ann.post(page, {"total_incl_tax": "121.00"}, page)
    assert status == 303 and resp.headers["Location"].startswith(page)

    await site.api.send(
        "POST", site.token, "/api/v2/suppliers/", {"id": "sup-1", "name": "Fresh Greens BV"}
    )
    status, body, _ = await ann.get(page, q="greens")
    assert status == 200 and "Use Fresh Greens BV" in body
    status, _, _ = await ann.post(f"{page}/supplier", {"supplier": "sup-1"}, page)
    assert status == 303

    _, view = await site.api.get(site.token, f"/api/v2/invoices/{invoice}/")
    assert view["total_incl_tax"] == "121.00" and view["extracted"]["total_incl_tax"] is None
    assert view["supplier"] == "sup-1"

    status, _, resp = await ann.post(f"{page}/decision", {"decision": "approve"}, page)
    assert status == 303
    # on to the next invoice of the inbox
    assert (
        resp.headers["Location"].startswith(f"/review/invoices/{site.invoices['a_hostile']}")
        or resp.headers["Location"] == "/review/"
    )
    _, view = await site.api.get(site.token, f"/api/v2/invoices/{invoice}/")
    assert view["approval_status"] == "APPROVED"
    status, body, _ = await ann.get("/review/")
    assert "march.pdf" not in body

    status, body, _ = await ann.get(page)
    assert status == 200
    history = body[body.index('id="history"') :]
    for text in ("user:ann@example.com", "total_incl_tax", "121.00", "supplier", "sup-1"):
        assert text in history
    assert "APPROVED" in history


async def test_markup_in_a_file_name_or_supplier_name_shows_as_text(
    site: Site, ann: Browser
) -> None:
    hostile = site.invoices["a_hostile"]
    for path in (
        "/review/",
        f"/review/invoices/{hostile}",
        f"/review/batches/{site.batches['a_hostile']}",
    ):
        status, body, _ = await ann.get(path)
        assert status == 200, body
        assert "<script>alert" not in body and "<img src=x" not in body
        assert str(escape("<img src=x onerror=alert('file')>.pdf")) in body
        if "batches" not in path:
            assert str(escape("<script>alert('supplier')</script> Foods")) in body


async def test_a_disabled_user_is_signed_out(site: Site, ann: Browser) -> None:
    status, _, _ = await ann.get("/review/")
    assert status == 200
    await site.api.services.users.disable("ann@example.com")
    status, _, resp = await ann.get("/review/")
    assert status == 303
    assert "ended=1" in resp.headers["Location"]
    status, body, _ = await ann.sign_in("ann@example.com")
    assert status == 401 and "disabled" in body


async def test_replies_link_to_the_review_pages(make_config: ConfigFactory, tmp_path: Path) -> None:
    """A reply's links open the invoice and batch pages, after signing in when needed."""
    config = review_config(
        make_config(http={"public_url": "https://invoices.example.com"}), tmp_path
    )
    async with review_site(config) as site:
        invoice = site.invoices["a_incomplete"]
        report = await site.api.services.invoices.batch(site.batches["a_incomplete"])
        assert report.url == f"https://invoices.example.com/review/batches/{report.id}"
        assert report.invoices[0].url == f"https://invoices.example.com/review/invoices/{invoice}"
        browser = Browser(site.base)
        try:
            status, _, resp = await browser.get(f"/review/invoices/{invoice}")
            assert status == 303
            assert unquote(resp.headers["Location"]).endswith(f"next=/review/invoices/{invoice}")
            # behind https the session cookie is sent over https only
            status, _, resp = await browser.get("/review/sign-in")
            assert status == 200
            cookie = resp.headers["Set-Cookie"]
            assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        finally:
            await browser.close()


async def test_history_over_the_api_names_clients_and_people(site: Site, ann: Browser) -> None:
    invoice = site.invoices["a_incomplete"]
    status, body = await site.api.send(
        "PATCH", site.token, f"/api/v2/invoices/{invoice}/", {"invoice_number": "R-1b"}
    )
    assert status == 200, body
    page = f"/review/invoices/{invoice}"
    status, _, _ = await ann.post(page, {"invoice_number": "R-1c", "currency": "EUR"}, page)
    assert status == 303
    # the same value again is no change
    await site.api.send(
        "PATCH", site.token, f"/api/v2/invoices/{invoice}/", {"invoice_number": "R-1c"}
    )
    status, history = await site.api.get(site.token, f"/api/v2/invoices/{invoice}/history/")
    assert status == 200
    changes = [(h["field"], h["from"], h["to"], h["by"].split(":")[0]) for h in history["results"]]
    assert changes == [
        ("invoice_number", "R-1", "R-1b", "client"),
        ("invoice_number", "R-1b", "R-1c", "user"),
    ]
    assert history["results"][1]["by"] == "user:ann@example.com"

    limited = await site.api.token(outlets=["olt-b"])
    status, _ = await site.api.get(limited, f"/api/v2/invoices/{invoice}/history/")
    assert status == 404


async def test_variances_against_the_order_are_marked_on_the_lines(
    site: Site, ann: Browser
) -> None:
    token = site.token
    await site.api.send(
        "POST",
        token,
        "/api/v2/suppliers/",
        {"id": "sup-g", "name": "Fresh Greens BV", "tax_id": "NL123456789B01"},
    )
    status, body = await site.api.send(
        "POST",
        token,
        "/api/v2/procurement/purchase_orders/",
        {
            "order_number": "PO-9001",
            "outlet": "olt-a",
            "supplier": "sup-g",
            "ordered_on": "2024-02-25",
            "total": "20.00",
            "lines": [
                {"description": "Tomatoes", "quantity": "10", "unit": "kg",
                 "unit_price": "2.00", "total": "20.00"},
            ],
        },
    )  # fmt: skip
    assert status == 201, body
    invoice, _ = await site.upload("olt-a", "priced.pdf", priced_pdf("PO-9001"))
    _, view = await site.api.get(token, f"/api/v2/invoices/{invoice}/")
    assert view["variances"], (view["line_items"], view["purchase_orders"], view["extraction"])
    status, body, _ = await ann.get("/review/", reason="variance")
    assert status == 200 and "priced.pdf" in body
    status, body, _ = await ann.get(f"/review/invoices/{invoice}")
    assert status == 200
    assert "unit price invoiced 2.50, ordered 2.00 on PO-9001" in body
    assert '<tr class="variance"' in body


async def test_not_a_duplicate_clears_the_mark_for_good(site: Site, ann: Browser) -> None:
    from tests.pdfs import invoice_pdf

    first, _ = await site.upload("olt-a", "first.pdf", invoice_pdf(number="D-1"))
    again, _ = await site.upload(
        "olt-a", "again.pdf", invoice_pdf(number="D-1", extra_lines=("(copy)",))
    )
    _, view = await site.api.get(site.token, f"/api/v2/invoices/{again}/")
    assert view["extraction"]["duplicate_of"] == first
    assert view["approval_status"] == "FLAGGED"
    status, body, _ = await ann.get("/review/", reason="duplicate")
    assert "again.pdf" in body and "first.pdf" not in body

    page = f"/review/invoices/{again}"
    status, body, _ = await ann.get(page)
    assert 'id="not-duplicate"' in body and f'href="/review/invoices/{first}"' in body
    status, _, _ = await ann.post(f"{page}/not-duplicate", {}, page)
    assert status == 303
    _, view = await site.api.get(site.token, f"/api/v2/invoices/{again}/")
    assert "duplicate_of" not in view["extraction"]
    assert view["approval_status"] == "RECEIVED"
    status, body, _ = await ann.get("/review/", reason="duplicate")
    assert "again.pdf" not in body
    # linking again (a correction of a linked field) does not bring the mark back
    await site.api.send("PATCH", site.token, f"/api/v2/invoices/{again}/", {"currency": "EUR"})
    await site.api.send(
        "PATCH", site.token, f"/api/v2/invoices/{again}/", {"invoice_number": "D-1"}
    )
    _, view = await site.api.get(site.token, f"/api/v2/invoices/{again}/")
    assert "duplicate_of" not in view["extraction"]
    status, body, _ = await ann.get(page)
    history = body[body.index('id="history"') :]
    assert "duplicate_of" in history and first in history
    status, _, _ = await ann.post(f"{page}/not-duplicate", {}, page)
    assert status == 400


async def test_orders_are_linked_and_unlinked_by_hand(site: Site, ann: Browser) -> None:
    token = site.token
    await site.api.send(
        "POST",
        token,
        "/api/v2/suppliers/",
        {"id": "sup-g", "name": "Fresh Greens BV", "tax_id": "NL123456789B01"},
    )
    ids = {}
    for number, outlet, total in (("PO-1", "olt-a", "25.00"), ("PO-2", "olt-a", "90.00"),
                                  ("PO-B", "olt-b", "25.00")):  # fmt: skip
        status, body = await site.api.send(
            "POST",
            token,
            "/api/v2/procurement/purchase_orders/",
            {"order_number": number, "outlet": outlet, "supplier": "sup-g",
             "ordered_on": "2024-02-25", "total": total,
             "lines": [{"description": "Tomatoes", "quantity": "10", "unit": "kg",
                        "unit_price": "2.50", "total": "25.00"}]},
        )  # fmt: skip
        assert status == 201, body
        ids[number] = body["id"]
    invoice, _ = await site.upload("olt-a", "priced.pdf", priced_pdf("PO-1"))
    page = f"/review/invoices/{invoice}"
    status, body, _ = await ann.get(page)
    orders = body[body.index('id="orders"') :]
    # the linked order first, then the outlet's other open order; never another outlet's
    assert orders.index("PO-1") < orders.index("PO-2") and "PO-B" not in orders

    status, _, _ = await ann.post(
        f"{page}/orders", {"order": ids["PO-1"], "action": "unlink"}, page
    )
    assert status == 303
    _, view = await site.api.get(token, f"/api/v2/invoices/{invoice}/")
    assert view["purchase_orders"] == []
    # linking again after a correction does not bring it back
    await site.api.send("PATCH", token, f"/api/v2/invoices/{invoice}/", {"po_references": ["PO-1"]})
    _, view = await site.api.get(token, f"/api/v2/invoices/{invoice}/")
    assert view["purchase_orders"] == []

    status, _, _ = await ann.post(f"{page}/orders", {"order": ids["PO-2"], "action": "link"}, page)
    assert status == 303
    _, view = await site.api.get(token, f"/api/v2/invoices/{invoice}/")
    assert [(o["order_number"], o["link"]) for o in view["purchase_orders"]] == [
        ("PO-2", "requested")
    ]
    status, body, _ = await ann.post(
        f"{page}/orders", {"order": ids["PO-B"], "action": "link"}, page
    )
    assert status == 404
    status, body, _ = await ann.get(page)
    history = body[body.index('id="history"') :]
    assert "purchase_orders" in history and "PO-2" in history


async def test_the_batch_page_shows_files_statuses_and_refused_files(
    site: Site, ann: Browser
) -> None:
    status, body = await site.api.upload(
        site.token,
        [("file[0]", "good.pdf", priced_pdf("PO-X")), ("file[1]", "notes.txt", b"not a pdf")],
        outlet="olt-a",
    )
    assert status == 201, body
    batch = body["bulk_importation_id"]
    await site.api.wait_done(site.token, batch)
    status, page, _ = await ann.get(f"/review/batches/{batch}")
    assert status == 200
    assert "good.pdf" in page and "PROCESSED" in page
    assert "Refused files" in page and "notes.txt" in page
    status, file, resp = await ann.fetch(f"/review/invoices/{body['invoices'][0]['id']}/file")
    assert status == 200 and file.startswith(b"%PDF")
    assert resp.headers["Content-Disposition"].startswith("attachment")


def test_the_session_key_comes_from_the_environment_and_must_be_a_fernet_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from cryptography.fernet import Fernet

    from bot.config import config_from_dict
    from bot.errors import ConfigError
    from handlers.web import session_key

    key = Fernet.generate_key().decode()
    assert session_key(config_from_dict({}, env={"INVOICEBOT_SESSION_KEY": key})) == key
    with pytest.raises(ConfigError, match="must be a Fernet key"):
        session_key(config_from_dict({}, env={"INVOICEBOT_SESSION_KEY": "too short"}))
    with pytest.raises(ConfigError, match="is a secret"):
        config_from_dict({"review": {"session_key": key}})
    random_one = session_key(config_from_dict({}))
    assert random_one != session_key(config_from_dict({}))
    assert "sessions end when the server restarts" in caplog.text

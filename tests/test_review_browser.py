"""The review pages in a real browser: Debian's chromium, headless, driven by selenium.

The server runs on the test's event loop; the browser is driven from a thread
(``asyncio.to_thread``) so the server answers while selenium waits. Every page visited is saved
as a screenshot under the test's folder (and under ``$INVOICEBOT_SCREENSHOTS`` when set, which
is how docs/screenshots/ is made).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.conftest import ConfigFactory
from tests.review_site import PASSWORD, Site, review_config, review_site

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


class Screens:
    """Screenshots of the pages a test visits, numbered in order."""

    def __init__(self, driver: WebDriver, folder: Path, prefix: str) -> None:
        self.driver = driver
        self.folder = folder
        self.prefix = prefix
        self.count = 0
        self.folder.mkdir(parents=True, exist_ok=True)
        self.copy_to = os.environ.get("INVOICEBOT_SCREENSHOTS")

    def take(self, name: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.prefix}-{self.count:02d}-{name}.png"
        assert self.driver.save_screenshot(str(path)), path
        assert path.stat().st_size > 5000, f"{path} looks empty"
        if self.copy_to:
            Path(self.copy_to).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(self.copy_to) / f"{self.prefix}-{name}.png")
        return path


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[WebDriver]:
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and chromedriver, "install Debian's chromium and chromium-driver (make test)"
    options = Options()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    browser = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    browser.set_page_load_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture
async def site(make_config: ConfigFactory, tmp_path: Path) -> AsyncIterator[Site]:
    async with review_site(review_config(make_config(), tmp_path)) as found:
        yield found


def wait(driver: WebDriver, seconds: float = 20) -> WebDriverWait[WebDriver]:
    """Generous: the machine running the tests may be busy with other work. A condition that
    looks at the page while it is being replaced (a form just sent) can meet an element of the
    old page ("stale", or Chromium's "Node with given id does not belong to the document"): it
    is asked again, as it would be if the new page were not there yet."""
    return WebDriverWait(driver, seconds, ignored_exceptions=(WebDriverException,))


def text(driver: WebDriver) -> str:
    return str(driver.find_element(By.TAG_NAME, "body").text)


def sign_in(driver: WebDriver, base: str, email: str, password: str = PASSWORD) -> None:
    driver.get(f"{base}/review/sign-in")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password + Keys.ENTER)


def no_alert(driver: WebDriver) -> bool:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return alert is None


def image_loaded(driver: WebDriver) -> bool:
    return bool(
        driver.execute_script(
            "const img = document.querySelector('.document img');"
            "return img !== null && img.complete && img.naturalWidth > 300;"
        )
    )


async def test_clear_an_incomplete_invoice_with_the_keyboard(
    site: Site, driver: WebDriver, tmp_path: Path, db_url: str
) -> None:
    """Sign in (a wrong password first), find the invoice in the inbox, fix its total and
    supplier, approve it with "a"; it leaves the inbox and its history shows the changes."""
    # a name the linker cannot match to "Fresh Greens BV": only a person can tell
    await site.api.send(
        "POST", site.token, "/api/v2/suppliers/", {"id": "sup-1", "name": "Greenhouse Wholesale"}
    )
    march = site.invoices["a_incomplete"]
    screens = Screens(driver, tmp_path / "screens", "review")
    shots = db_url.startswith("sqlite")  # the same pages on both databases: save them once

    def sign_in_and_open() -> None:
        driver.get(f"{site.base}/review/")
        wait(driver).until(ec.presence_of_element_located((By.ID, "password")))
        assert "/review/sign-in" in driver.current_url
        if shots:
            screens.take("sign-in")
        sign_in(driver, site.base, "ann@example.com", "not the password")
        error = wait(driver).until(ec.presence_of_element_located((By.ID, "sign-in-error")))
        assert "wrong email or password" in error.text
        if shots:
            screens.take("wrong-password")
        driver.find_element(By.ID, "password").send_keys(PASSWORD + Keys.ENTER)
        wait(driver).until(ec.presence_of_element_located((By.ID, "inbox")))
        body = text(driver)
        assert "march.pdf" in body and "missing fields" in body
        assert "bistro.pdf" not in body
        if shots:
            screens.take("inbox")

        # j selects the first row, Enter opens it
        driver.find_element(By.TAG_NAME, "body").send_keys("j")
        selected = driver.find_element(By.CSS_SELECTOR, "tr.selected")
        name = selected.find_element(By.TAG_NAME, "a").text
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait(driver).until(ec.presence_of_element_located((By.ID, "fields")))
        assert driver.find_element(By.ID, "filename").text == name
        if name != "march.pdf":
            driver.get(f"{site.base}/review/invoices/{march}")
        wait(driver).until(image_loaded)
        assert "no total including tax found" in text(driver)
        if shots:
            screens.take("invoice")

    def correct_and_approve() -> None:
        # e goes to the first doubtful field; the total is fixed where it is
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys("e")
        assert driver.switch_to.active_element.get_attribute("name") in {
            "due_date",
            "total_excl_tax",
            "tax_amount",
            "total_incl_tax",
            "currency",
        }
        total = driver.find_element(By.ID, "f-total_incl_tax")
        total.send_keys("12,1")
        total.send_keys(Keys.ENTER)
        error = wait(driver).until(ec.presence_of_element_located((By.ID, "field-error")))
        assert "total_incl_tax" in error.text
        total = driver.find_element(By.ID, "f-total_incl_tax")
        total.clear()
        total.send_keys("121.00" + Keys.ENTER)
        wait(driver).until(ec.presence_of_element_located((By.ID, "saved")))
        assert driver.find_element(By.ID, "f-total_incl_tax").get_attribute("value") == "121.00"

        # / searches suppliers and aliases
        driver.find_element(By.TAG_NAME, "body").send_keys("/")
        assert driver.switch_to.active_element.get_attribute("id") == "supplier-search"
        driver.switch_to.active_element.send_keys("greenhouse" + Keys.ENTER)
        use = wait(driver).until(
            ec.element_to_be_clickable((By.XPATH, "//button[text()='Use Greenhouse Wholesale']"))
        )
        if shots:
            screens.take("supplier-search")
        use.click()
        wait(driver).until(ec.text_to_be_present_in_element((By.ID, "supplier"), "Greenhouse"))
        wait(driver).until(image_loaded)
        if shots:
            screens.take("corrected")
        # a approves and goes on to the next invoice that needs a person
        driver.find_element(By.TAG_NAME, "body").send_keys("a")
        wait(driver).until(lambda d: f"/invoices/{march}" not in d.current_url)

    def gone_from_the_inbox() -> None:
        driver.get(f"{site.base}/review/")
        wait(driver).until(ec.presence_of_element_located((By.ID, "inbox")))
        assert "march.pdf" not in text(driver)
        driver.get(f"{site.base}/review/invoices/{march}")
        table = wait(driver).until(ec.presence_of_element_located((By.ID, "history")))
        for expected in ("ann@example.com", "total_incl_tax", "121.00", "supplier", "APPROVED"):
            assert expected in table.text, table.text
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", table)
        if shots:
            screens.take("history")

    await asyncio.to_thread(sign_in_and_open)
    await asyncio.to_thread(correct_and_approve)
    status, view = await site.api.get(site.token, f"/api/v2/invoices/{march}/")
    assert status == 200
    assert view["approval_status"] == "APPROVED"
    assert view["total_incl_tax"] == "121.00" and view["supplier"] == "sup-1"
    # ann may see some outlets only: suppliers are shared by every outlet, so her choice sets
    # this invoice's supplier and teaches the supplier no alias
    _, suppliers = await site.api.get(site.token, "/api/v2/suppliers/")
    assert suppliers["results"][0]["aliases"] == []
    await asyncio.to_thread(gone_from_the_inbox)
    assert not shots or len(list((tmp_path / "screens").glob("*.png"))) == 7


async def test_markup_shows_as_text_and_other_outlets_are_not_found(
    site: Site, driver: WebDriver, tmp_path: Path
) -> None:
    hostile, theirs = site.invoices["a_hostile"], site.invoices["b_incomplete"]
    screens = Screens(driver, tmp_path / "screens", "safety")

    def check() -> None:
        sign_in(driver, site.base, "ann@example.com")
        wait(driver).until(ec.presence_of_element_located((By.ID, "inbox")))
        assert "<img src=x onerror=alert('file')>.pdf" in text(driver)
        assert "<script>alert('supplier')</script> Foods" in text(driver)
        assert no_alert(driver)
        assert driver.execute_script("return document.querySelectorAll('img[src=x]').length") == 0
        driver.get(f"{site.base}/review/invoices/{hostile}")
        wait(driver).until(ec.presence_of_element_located((By.ID, "fields")))
        shown = driver.find_element(By.ID, "filename").text
        assert shown == "<img src=x onerror=alert('file')>.pdf"
        assert no_alert(driver)
        screens.take("markup-as-text")

        for path in (
            f"/review/invoices/{theirs}",
            f"/review/invoices/{theirs}/pages/1.png",
            f"/review/batches/{site.batches['b_incomplete']}",
        ):
            driver.get(f"{site.base}{path}")
            assert "Not found" in text(driver), path
        screens.take("other-outlet-not-found")

        # a form whose CSRF token was taken out is refused
        driver.get(f"{site.base}/review/invoices/{hostile}")
        driver.execute_script(
            "document.querySelectorAll('#approve input[name=csrf]').forEach(e => e.remove());"
            "document.getElementById('approve').submit();"
        )
        wait(driver).until(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Refused"))
        assert "did not come from this site" in text(driver)
        screens.take("csrf-refused")

    await asyncio.to_thread(check)
    _, view = await site.api.get(site.token, f"/api/v2/invoices/{hostile}/")
    assert view["approval_status"] == "RECEIVED"


async def test_a_disabled_user_is_signed_out(site: Site, driver: WebDriver) -> None:
    def signed_in() -> None:
        sign_in(driver, site.base, "ann@example.com")
        wait(driver).until(ec.presence_of_element_located((By.ID, "inbox")))

    def signed_out() -> None:
        driver.get(f"{site.base}/review/")
        wait(driver).until(ec.presence_of_element_located((By.ID, "password")))
        assert "Your session has ended" in text(driver)

    await asyncio.to_thread(signed_in)
    await site.api.services.users.disable("ann@example.com")
    await asyncio.to_thread(signed_out)

"""The lookup page in a real headless Chromium (Debian's chromium and chromium-driver, which
`.ci/run` installs), against a real `tm serve` process."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator

import pytest

from tm.memory import open_memory
from tm.model import Term
from tm.terms.workflow import add_term

from .conftest import HOSTILE_TERM

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    profile = tempfile.mkdtemp(prefix="tm-chromium-")
    for flag in (
        "--headless=new",
        "--no-sandbox",  # the tests may run as root, where Chromium's sandbox cannot start
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait_done(driver: object) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(  # type: ignore[arg-type]
        lambda d: d.find_element("tag name", "body").get_attribute("data-state") == "done"
    )


def test_typing_a_term_shows_it_approved_and_its_segments(serve, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    server = serve("--public-read")
    browser.get(server.url + "/")
    box = browser.switch_to.active_element  # the search box has the focus: keyboard first
    assert box.get_attribute("id") == "q"
    box.send_keys("绿电交通", Keys.ENTER)
    _wait_done(browser)
    terms = browser.find_element("id", "terms").text
    assert "green-power transportation" in terms
    assert "approved" in terms
    assert browser.find_elements("css selector", "#concordance mark")  # hits highlighted
    assert "q=%E7%BB%BF%E7%94%B5%E4%BA%A4%E9%80%9A" in browser.current_url  # a link to share


def test_a_shared_link_opens_with_its_query_and_markup_stays_text(  # type: ignore[no-untyped-def]
    memory, serve, browser
) -> None:
    with open_memory(memory, write=True) as store:
        add_term(store, Term("恶意脚本", HOSTILE_TERM, "zh-Hans", "en", "forbidden", "never"))
        add_term(store, Term("恶意脚本", "malicious script", "zh-Hans", "en", "approved"))
    server = serve("--public-read")
    browser.get(server.url + "/?q=恶意脚本")
    _wait_done(browser)
    forbidden = browser.find_element("css selector", "#terms li.forbidden")
    assert HOSTILE_TERM in forbidden.text  # shown as text ...
    assert "FORBIDDEN" in forbidden.text
    assert "Use instead: malicious script" in forbidden.text
    assert not browser.find_elements("css selector", "#terms script")  # ... never as markup
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018


def test_without_public_read_the_page_asks_for_a_token(serve, browser, tokens) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    server = serve()
    browser.get(server.url + "/?q=绿电交通")
    _wait_done(browser)
    assert "needs an access token" in browser.find_element("id", "message").text
    browser.find_element("id", "token").send_keys(tokens["translator"], Keys.ENTER)
    _wait_done(browser)
    assert "green-power transportation" in browser.find_element("id", "terms").text

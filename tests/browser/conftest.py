"""Playwright in Chromium against pytest-django's live_server."""

import os

import pytest

# Playwright's sync API runs an event loop in the test's thread; Django would
# otherwise refuse database access from it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]

#: WCAG 2.1 A and AA, the level of RGAA 4.1.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def chromium(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def reader_page(chromium):
    """A French-speaking reader's tab."""
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page and fail with its report on any WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


def log_in(browser, live_server, user, **context_options):
    """A staff member's tab in a context of its own (its own session), logged in to the admin in French."""
    from playwright.sync_api import expect

    from tests.factories import PASSWORD

    page = browser.new_context(locale="fr-FR", **context_options).new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("OIM France")
    return page

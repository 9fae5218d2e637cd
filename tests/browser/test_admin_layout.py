"""The admin on a communications officer's laptop (1366×768, navigation sidebar open), in Chromium.

Lists and forms fit the window, the buttons above them do not cover the
heading, and leaving a form with unsaved changes asks first.
"""

import os

import pytest

from editorial.roles import roles_setup
from tests import factories
from tests.factories import PASSWORD, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
LONG = "Organisation pour la sécurité et la coopération en Europe, conférence ministérielle annuelle"


@pytest.fixture
def publisher_page(live_server, chromium):
    roles_setup()  # transactional tests flush the groups made by post_migrate
    user = UserFactory(groups=["Publication"])
    context = chromium.new_context(locale="fr-FR", viewport=LAPTOP)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    yield page
    context.close()


@pytest.fixture
def content():
    partners = [factories.PartnerFactory(name_fr=f"{LONG} {n}", acronym_fr=f"OSCE{n}",
                                         headquarters_city_fr="Vienne (Autriche)") for n in range(3)]
    releases = [factories.NewsReleaseFactory(title_fr=f"{LONG} — communiqué {n}", dateline_fr="Paris, le 12 mai")
                for n in range(3)]
    return {"partner": partners[0], "release": releases[0]}


def fits(page):
    """Nothing scrolls sideways: not the page, not the list's own box."""
    width = page.evaluate("document.documentElement.scrollWidth")
    results = page.evaluate("(() => { const r = document.querySelector('#changelist .results');"
                            " return r ? r.scrollWidth - r.clientWidth : 0; })()")
    return width, results


def overlaps(a, b):
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.mark.parametrize("path", ["/admin/news/newsrelease/", "/admin/partners/partner/"])
def test_changelists_fit_a_laptop_and_buttons_leave_the_heading_alone(live_server, publisher_page, content, path):
    page = publisher_page
    page.goto(f"{live_server.url}{path}")
    assert page.locator("#result_list tbody tr").count() == 3
    width, results_overflow = fits(page)
    assert width <= LAPTOP["width"]
    assert results_overflow <= 0
    heading = page.locator("#content h1").bounding_box()
    tools = page.locator("#content .object-tools").bounding_box()
    assert not overlaps(heading, tools), (heading, tools)


@pytest.mark.parametrize("kind", ["release", "partner"])
def test_change_form_fits_a_laptop(live_server, publisher_page, content, kind):
    obj = content[kind]
    opts = obj._meta
    page = publisher_page
    page.goto(f"{live_server.url}/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/")
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    heading = page.locator("#content h1").bounding_box()
    tools = page.locator("#content .object-tools").bounding_box()
    assert not overlaps(heading, tools), (heading, tools)


def _dialogs(page):
    seen = []

    def answer(dialog):
        seen.append(dialog.type)
        dialog.dismiss()  # "stay on the page"

    page.on("dialog", answer)
    return seen


def test_leaving_a_typed_change_form_asks_first(live_server, publisher_page, content):
    page = publisher_page
    change_url = f"{live_server.url}/admin/news/newsrelease/{content['release'].pk}/change/"
    page.goto(change_url)
    seen = _dialogs(page)
    page.fill("#id_title_fr", "Un titre retouché")
    page.click("#site-name a")
    assert seen == ["beforeunload"]
    assert page.url == change_url  # the editor chose to stay: the text is still there
    assert page.input_value("#id_title_fr") == "Un titre retouché"


def test_leaving_after_typing_in_the_rich_text_editor_asks_first(live_server, publisher_page, content):
    page = publisher_page
    change_url = f"{live_server.url}/admin/news/newsrelease/{content['release'].pk}/change/"
    page.goto(change_url)
    page.wait_for_selector("#cke_id_body_fr iframe.cke_wysiwyg_frame")
    seen = _dialogs(page)
    body = page.frame_locator("#cke_id_body_fr iframe").locator("body")
    body.click()
    body.type("Une phrase ajoutée.")
    page.click("#site-name a")
    assert seen == ["beforeunload"]
    assert page.url == change_url


def test_leaving_an_untouched_form_or_saving_does_not_ask(live_server, publisher_page, content):
    page = publisher_page
    page.goto(f"{live_server.url}/admin/news/newsrelease/{content['release'].pk}/change/")
    seen = _dialogs(page)
    page.click("#site-name a")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/news/newsrelease/{content['release'].pk}/change/")
    page.fill("#id_title_fr", "Un titre retouché")
    page.click('input[name="_continue"]')
    page.wait_for_selector(".messagelist")
    assert seen == []

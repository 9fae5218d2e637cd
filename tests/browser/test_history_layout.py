"""The comparison of two versions fits a 1280 px window, however long the texts and addresses (issue 11)."""

import pytest
from reversion import revisions
from reversion.models import Version

from editorial.drafts import serialize_graph
from editorial.workflow import draft_save
from tests import factories
from tests.browser.conftest import log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_URL = "https://www.iom.int/fr/actualites/" + "journee-mondiale-des-refugies-" * 12 + "paris"
LONG_WORD = "anticonstitutionnellement" * 8


def long_body(words):
    paragraph = " ".join(words for _ in range(60))
    return f'<p>{paragraph} {LONG_WORD}</p><p><a href="{LONG_URL}">{LONG_URL}</a></p>'


def logged_in_page(chromium, live_server, user):
    return log_in(chromium, live_server, user, viewport={"width": 1280, "height": 800})


def assert_fits(page):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 1280, f"the page is {scroll_width} px wide in a 1280 px window"
    widths = page.evaluate("""() => {
        const table = document.querySelector('table.history-diff');
        const header = [...table.querySelectorAll('thead th')].find(th => th.textContent.trim() === 'Différence');
        return {diff: header.getBoundingClientRect().width, table: table.getBoundingClientRect().right};
    }""")
    assert widths["diff"] > 300, widths
    assert widths["table"] <= 1280, widths


@pytest.fixture
def release():
    with revisions.create_revision():
        release = factories.NewsReleaseFactory(
            title_fr="Journée mondiale des réfugiés " * 6, lead_fr="Chapeau " * 80,
            body_fr=long_body("migration sûre, ordonnée et régulière"), body_en=long_body("safe orderly migration"))
        factories.RelatedLinkFactory(release=release, label_fr="Rapport " * 30, url=LONG_URL)
    with revisions.create_revision():
        release.title_fr = "Journée mondiale des réfugiés à Paris " * 6
        release.lead_fr = "Chapeau revu " * 80
        release.body_fr = long_body("migrations humaines et dignes pour tous")
        release.body_en = long_body("humane and dignified migration for all") + f"<p>{LONG_URL}x</p>"
        release.save()
        link = release.links.get()
        link.label_fr, link.url = "Rapport annuel " * 19, LONG_URL + "-2026"  # within the 300 characters of a label
        link.save()
    return release


def test_compare_page_fits_1280_pixels_with_long_texts(live_server, chromium, release):
    from playwright.sync_api import expect

    page = logged_in_page(chromium, live_server, UserFactory(groups=["Publication"]))
    older, newer = Version.objects.get_for_object(release).order_by("pk")
    page.goto(f"{live_server.url}/admin/news/newsrelease/{release.pk}/history/compare/?a={older.pk}&b={newer.pk}")
    assert page.locator("table.history-diff tbody tr").count() >= 5
    assert page.locator("table.history-diff ins").count() > 0 and page.locator("table.history-diff del").count() > 0
    assert_fits(page)

    # The HTML source, opened, wraps too.
    source = page.locator("#diff-body_en details")
    source.locator("summary").click()
    expect(source.locator("pre").first).to_be_visible()
    assert_fits(page)


def test_history_and_draft_comparison_fit_1280_pixels(live_server, chromium, release):
    publisher = UserFactory(groups=["Publication"])
    graph = serialize_graph(release)
    graph["object"]["fields"]["title_en"] = LONG_WORD
    graph["object"]["fields"]["body_en"] = long_body("draft text for the English readers")
    draft_save(obj=release, graph=graph, user=publisher)
    page = logged_in_page(chromium, live_server, publisher)

    page.goto(f"{live_server.url}/admin/news/newsrelease/{release.pk}/history/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert "Contenu (anglais)" in page.locator("#change-history").inner_text()

    page.get_by_role("link", name="Comparer la version en ligne et le brouillon en attente").click()
    page.wait_for_url(f"**/newsrelease/{release.pk}/draft/compare/")
    assert page.locator("table.history-diff tbody tr").count() >= 2
    assert_fits(page)

"""The editorial workflow in Chromium, as the communications team lives it.

An editor of "Rédaction" writes a draft, previews it and shares a link; a
reviewer without an account opens the link; a member of "Publication"
publishes the release; an edit of the live release is a draft, and so is a
restored earlier version.
"""

import os

import pytest

from core.models import Status
from editorial.roles import roles_setup
from news.models import NewsRelease
from tests.browser.conftest import CHROMIUM_ARGS, log_in
from tests.factories import UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_draft_preview_share_review_publish_restore(live_server, chromium_path):
    from playwright.sync_api import expect, sync_playwright

    roles_setup()  # transactional tests flush the groups made by post_migrate
    editor = UserFactory(groups=["Rédaction"])
    publisher = UserFactory(groups=["Publication"])

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)

        # 1. The editor writes a draft: no status field to change, it saves as a draft.
        page = log_in(browser, live_server, editor)
        page.goto(f"{live_server.url}/admin/news/newsrelease/add/")
        page.fill("#id_title_fr", "Journée mondiale des réfugiés à Paris")
        page.fill("#id_lead_fr", "L’OIM France s’associe à la journée.")
        page.click('a[href="#tab_id_title_en"]')
        page.fill("#id_title_en", "World Refugee Day in Paris")
        expect(page.locator("#id_status")).to_have_count(0)
        page.click('input[name="_continue"]')
        expect(page.locator(".messagelist")).to_contain_text("est enregistré")
        release = NewsRelease.objects.get(title_fr="Journée mondiale des réfugiés à Paris")
        assert release.status == Status.DRAFT

        # 2. "Prévisualiser" posts the form to a new window: the public template in a frame, with the banner.
        with page.context.expect_page() as preview_info:
            page.get_by_role("button", name="Prévisualiser", exact=True).click()
        preview = preview_info.value
        preview.wait_for_load_state()
        frame = preview.frame_locator("iframe.form-preview__frame")
        expect(frame.locator("h1")).to_contain_text("Journée mondiale des réfugiés à Paris")
        expect(frame.locator(".preview-banner")).to_contain_text("Prévisualisation")
        preview.close()

        # 3. "Partager un lien de prévisualisation" makes a link to copy.
        page.get_by_role("link", name="Partager un lien de prévisualisation").click()
        page.get_by_role("button", name="Créer un nouveau lien").click()
        expect(page.locator(".messagelist")).to_contain_text("valable 7 jours")
        shared_url = page.locator('input.preview-url[data-lang="fr"]').first.input_value()
        assert "/fr/preview/" in shared_url

        # 4. A reviewer without an account opens it: that release, marked as a preview, not indexable.
        reviewer = browser.new_context(locale="fr-FR").new_page()
        response = reviewer.goto(shared_url)
        assert response.status == 200
        assert response.headers["x-robots-tag"].startswith("noindex")
        expect(reviewer.locator("h1")).to_contain_text("Journée mondiale des réfugiés à Paris")
        expect(reviewer.locator(".preview-banner")).to_be_visible()
        expect(reviewer.locator('meta[name="robots"]')).to_have_attribute("content", "noindex, nofollow")
        # The public address of the draft still gives nothing.
        assert reviewer.goto(f"{live_server.url}{release.get_absolute_url_in('fr')}").status == 404

        # 5. A member of "Publication" publishes it from the list.
        publisher_page = log_in(browser, live_server, publisher)
        publisher_page.goto(f"{live_server.url}/admin/news/newsrelease/")
        publisher_page.check(f'input[name="_selected_action"][value="{release.pk}"]')
        publisher_page.select_option('select[name="action"]', "publish")
        publisher_page.click('button[name="index"]')
        expect(publisher_page.locator(".messagelist")).to_contain_text("1 communiqué publié.")
        assert reviewer.goto(f"{live_server.url}{release.get_absolute_url_in('fr')}").status == 200

        # 6. The publisher rewrites the title: a draft; the public page keeps the published text.
        publisher_page.goto(f"{live_server.url}/admin/news/newsrelease/{release.pk}/change/")
        publisher_page.fill("#id_title_fr", "Titre modifié par erreur")
        publisher_page.click('a[href="#tab_id_title_en"]')
        publisher_page.fill("#id_title_en", "Title changed by mistake")
        publisher_page.click('input[name="_continue"]')
        expect(publisher_page.locator(".messagelist")).to_contain_text("La version en ligne n’a pas changé")
        expect(publisher_page.locator("#id_title_fr")).to_have_value("Titre modifié par erreur")  # the draft
        reviewer.goto(f"{live_server.url}{release.get_absolute_url_in('fr')}")
        expect(reviewer.locator("h1")).to_contain_text("Journée mondiale des réfugiés à Paris")

        # 7. The history lists what went live; restoring the first version makes the draft, not a live change.
        publisher_page.get_by_role("link", name="Historique").first.click()
        history = publisher_page.locator("#change-history tbody tr")
        expect(history).to_have_count(2)  # added (editor), published (publisher)
        expect(history.first).to_contain_text("Publié")
        expect(history.first).to_contain_text(publisher.username)
        expect(history.last).to_contain_text(editor.username)
        history.last.locator("th a").click()
        expect(publisher_page.locator("#id_title_fr")).to_have_value("Journée mondiale des réfugiés à Paris")
        publisher_page.click('input[name="_save"]')
        expect(publisher_page.locator(".messagelist")).to_contain_text("est devenue son brouillon")
        browser.close()

    release.refresh_from_db()
    assert release.title_fr == "Journée mondiale des réfugiés à Paris"
    assert release.title_en == "World Refugee Day in Paris"
    assert release.is_published  # restoring the text of the draft version did not unpublish
    from editorial.drafts import draft_for

    assert draft_for(release).data["object"]["fields"]["title_en"] == "World Refugee Day in Paris"

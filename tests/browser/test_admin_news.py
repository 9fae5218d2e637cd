"""An editor logs into the admin and writes a release in French and English with an image."""

import pytest

from news.models import NewsRelease
from tests.conftest import make_image_bytes
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_publisher_creates_a_bilingual_release_with_an_image(live_server, chromium, tmp_path):
    from playwright.sync_api import expect

    user = UserFactory(groups=["Publication"])
    picture = tmp_path / "camp.jpg"
    picture.write_bytes(make_image_bytes("JPEG", size=(800, 600)))

    page = chromium.new_context(locale="fr-FR").new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("OIM France")

    page.goto(f"{live_server.url}/admin/news/newsrelease/add/")
    page.fill("#id_title_fr", "Sommet de Gaborone sur les processus consultatifs")
    page.fill("#id_dateline_fr", "Gaborone")
    page.fill("#id_lead_fr", "Les processus consultatifs régionaux se réunissent.")
    # Each translated field has FR/EN tabs: open the English one before typing.
    page.click('a[href="#tab_id_title_en"]')
    page.fill("#id_title_en", "Gaborone summit on consultative processes")
    page.click('a[href="#tab_id_lead_en"]')
    page.fill("#id_lead_en", "Regional consultative processes meet.")
    editor = page.frame_locator("#cke_id_body_fr iframe").locator("body")
    editor.click()
    editor.type("Le Botswana accueille la réunion mondiale.")
    page.set_input_files("#id_image", str(picture))
    page.fill("#id_image_alt_fr", "Délégués réunis à Gaborone")
    page.select_option("#id_status", "published")
    page.click('input[name="_save"]')

    expect(page.locator(".messagelist")).to_contain_text("est enregistré")
    expect(page.locator("#result_list")).to_contain_text("Sommet de Gaborone")

    release = NewsRelease.objects.get(title_fr="Sommet de Gaborone sur les processus consultatifs")
    assert release.title_en == "Gaborone summit on consultative processes"
    assert release.lead_en == "Regional consultative processes meet."
    assert "Le Botswana accueille la réunion mondiale." in release.body_fr
    assert release.slug_fr == "sommet-de-gaborone-sur-les-processus-consultatifs"
    assert release.slug_en == "gaborone-summit-on-consultative-processes"
    assert release.image.name.endswith(".jpg") and "camp" not in release.image.name
    assert release.image.width == 800
    assert release.is_published

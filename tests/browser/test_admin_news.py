"""An editor logs into the admin and writes a release in French and English with an image.

The image is uploaded into the media library from the release's chooser (the
"+" beside "Choisir une image"), in a pop-up, and comes back chosen.
"""

import pytest

from library.models import Image
from news.models import NewsRelease
from tests.conftest import make_image_bytes
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_publisher_creates_a_bilingual_release_with_an_image(live_server, chromium, tmp_path, settings):
    from playwright.sync_api import expect

    settings.SERVE_MEDIA = True  # the chooser's thumbnail comes from /media/

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
    with page.expect_popup() as popup_info:
        page.click("#add_id_image")
    popup = popup_info.value
    popup.set_input_files("#id_file", str(picture))
    with popup.expect_event("close"):
        popup.click('input[name="_save"]')
    expect(page.locator(".field-image .library-chooser__title")).to_have_text("camp")
    expect(page.locator(".field-image img.library-chooser__thumbnail")).to_be_visible()
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
    assert release.image == Image.objects.get()
    assert release.image.file.name.endswith(".jpg") and "camp" not in release.image.file.name
    assert (release.image.width, release.image.height) == (800, 600)
    assert release.image.uploaded_by == user and release.image.title == "camp"
    assert release.image_alt_fr == "Délégués réunis à Gaborone"
    assert release.is_published

"""Preview in the real public template, and links for reviewers without an account."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import Status
from editorial.models import PreviewLink
from news.models import NewsRelease
from tests import factories

from .conftest import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return factories.NewsReleaseFactory(
        status=Status.DRAFT, title_fr="Brouillon confidentiel", title_en="Confidential draft",
        body_fr="<p>Texte en cours de relecture.</p>", body_en="<p>Text under review.</p>",
    )


def assert_private_preview(response):
    assert response["X-Robots-Tag"].startswith("noindex")
    assert {"no-store", "private"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    content = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert 'class="preview-banner"' in content
    assert "<strong>Prévisualisation</strong>" in content or "<strong>Preview</strong>" in content


def test_draft_is_not_public(client, draft):
    assert client.get(draft.get_absolute_url_in("fr")).status_code == 404


def test_staff_preview_uses_the_public_template(editor_client, draft):
    response = editor_client.get(admin_url(draft, "preview"), {"lang": "fr"})
    assert response.status_code == 200
    assert "news/newsrelease_detail.html" in [t.name for t in response.templates]
    assert_private_preview(response)
    content = response.content.decode()
    assert "Brouillon confidentiel" in content and "Texte en cours de relecture." in content
    assert '<html lang="fr">' in content


def test_staff_preview_in_english(editor_client, draft):
    content = editor_client.get(admin_url(draft, "preview"), {"lang": "en"}).content.decode()
    assert "Confidential draft" in content and '<html lang="en">' in content


def test_scheduled_item_can_be_previewed(editor_client):
    scheduled = factories.NewsReleaseFactory(title_fr="Programmé demain",
                                             publication_date=timezone.now() + timedelta(days=1))
    response = editor_client.get(admin_url(scheduled, "preview"))
    assert response.status_code == 200 and "Programmé demain" in response.content.decode()


def test_preview_needs_change_permission(client, draft):
    viewer = factories.UserFactory()  # staff, no permission
    client.force_login(viewer)
    assert client.get(admin_url(draft, "preview")).status_code == 403
    client.logout()
    response = client.get(admin_url(draft, "preview"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_change_form_offers_preview_and_share(editor_client, draft):
    content = editor_client.get(admin_url(draft, "change")).content.decode()
    # "Prévisualiser" posts the form as it is (tests/editorial/test_drafts.py); share links show the saved draft.
    assert f'formaction="{admin_url(draft, "preview_form")}?lang=fr"' in content and "Prévisualiser" in content
    assert admin_url(draft, "share") in content and "Partager un lien de prévisualisation" in content


def test_editor_shares_a_link_valid_seven_days(editor_client, editor, draft):
    response = editor_client.post(admin_url(draft, "share"), {"create": "1"}, follow=True)
    link = PreviewLink.objects.get()
    assert (link.content_object, link.created_by) == (draft, editor)
    assert timedelta(days=6, hours=23) < link.expires_at - timezone.now() <= timedelta(days=7)
    assert len(link.token) >= 40
    content = response.content.decode()
    assert f"http://testserver/fr/preview/{link.token}/" in content
    assert f"http://testserver/en/preview/{link.token}/" in content


def test_reviewer_without_account_sees_exactly_that_item(client, draft):
    other = factories.NewsReleaseFactory(status=Status.DRAFT, title_fr="Autre brouillon")
    link = PreviewLink.objects.create(content_object=draft)
    response = client.get(f"/fr/preview/{link.token}/")
    assert response.status_code == 200
    assert_private_preview(response)
    content = response.content.decode()
    assert "Brouillon confidentiel" in content and "Autre brouillon" not in content
    english = client.get(f"/en/preview/{link.token}/").content.decode()
    assert "Confidential draft" in english
    # The link opens nothing else: not the draft's public address, not the other draft.
    assert client.get(draft.get_absolute_url_in("fr")).status_code == 404
    assert client.get(other.get_absolute_url_in("fr")).status_code == 404


def test_preview_shows_the_latest_saved_text(client, draft):
    link = PreviewLink.objects.create(content_object=draft)
    NewsRelease.objects.filter(pk=draft.pk).update(title_fr="Titre corrigé")
    assert "Titre corrigé" in client.get(f"/fr/preview/{link.token}/").content.decode()


def test_tampered_link_is_a_clear_404(client, draft):
    link = PreviewLink.objects.create(content_object=draft)
    tampered = link.token[:-1] + ("A" if link.token[-1] != "A" else "B")
    response = client.get(f"/fr/preview/{tampered}/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Ce lien de prévisualisation n’existe pas" in content
    assert "Brouillon confidentiel" not in content
    assert response["Cache-Control"] == "no-store, private"


def test_expired_link_is_a_clear_403(client, draft):
    link = PreviewLink.objects.create(content_object=draft, expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(f"/fr/preview/{link.token}/")
    assert response.status_code == 403
    assert "a expiré" in response.content.decode()
    assert "Brouillon confidentiel" not in response.content.decode()
    assert "has expired" in client.get(f"/en/preview/{link.token}/").content.decode()


def test_revoked_link_stops_working(editor_client, client, draft):
    editor_client.post(admin_url(draft, "share"), {"create": "1"})
    link = PreviewLink.objects.get()
    assert client.get(f"/fr/preview/{link.token}/").status_code == 200
    editor_client.post(admin_url(draft, "share"), {"revoke": link.pk})
    link.refresh_from_db()
    assert link.revoked_at is not None
    response = client.get(f"/fr/preview/{link.token}/")
    assert response.status_code == 403 and "a été révoqué" in response.content.decode()


def test_link_of_a_deleted_item_is_a_404(client, draft):
    link = PreviewLink.objects.create(content_object=draft)
    draft.delete()
    assert client.get(f"/fr/preview/{link.token}/").status_code == 404


def test_cannot_revoke_another_items_link(editor_client, draft):
    other = factories.NewsReleaseFactory(status=Status.DRAFT)
    link = PreviewLink.objects.create(content_object=other)
    assert editor_client.post(admin_url(draft, "share"), {"revoke": link.pk}).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


@pytest.mark.parametrize("factory", ["PageFactory", "PartnerFactory", "ProgrammeAreaFactory", "OfficeFactory"])
def test_every_content_type_can_be_previewed(client, factory):
    obj = getattr(factories, factory)(status=Status.DRAFT)
    link = PreviewLink.objects.create(content_object=obj)
    response = client.get(f"/fr/preview/{link.token}/")
    assert response.status_code == 200
    assert str(obj).split(" (")[0] in response.content.decode()


def test_section_page_preview_shows_the_page_itself(editor_client):
    page = factories.PageFactory(status=Status.DRAFT, section="news:list", title_fr="Rubrique actualités",
                                 body_fr="<p>Introduction de la rubrique.</p>")
    response = editor_client.get(admin_url(page, "preview"))
    assert response.status_code == 200 and "Introduction de la rubrique." in response.content.decode()


def test_preview_link_url_is_language_prefixed():
    link = PreviewLink(token="abc")
    assert link.get_absolute_url() in {"/fr/preview/abc/", "/en/preview/abc/"}
    assert reverse("editorial:preview_link", kwargs={"token": "abc"}).endswith("/preview/abc/")

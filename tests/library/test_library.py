"""The media library: uses, guarded changes and deletions, chooser, focal point, body images, editor browser."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import Status
from library.models import Document, Image, normalise_tags
from library.usage import usages
from tests import factories
from tests.conftest import make_image_bytes
from tests.security.forms import admin_form_data

pytestmark = pytest.mark.django_db


def image(title="Photo", size=(900, 600), **kwargs):
    return factories.LibraryImageFactory(
        file=SimpleUploadedFile(f"{title}.png", make_image_bytes("PNG", size), content_type="image/png"),
        title=title, **kwargs)


def change_url(obj):
    return reverse(f"admin:library_{obj._meta.model_name}_change", args=[obj.pk])


def delete_url(obj):
    return reverse(f"admin:library_{obj._meta.model_name}_delete", args=[obj.pk])


# --- where an item is used ----------------------------------------------------------------------------------------


def test_uses_are_found_by_key_in_rich_text_and_in_drafts(publisher_client):
    photo = image("Forum")
    release = factories.NewsReleaseFactory(image=photo)
    page = factories.PageFactory(body_fr=f'<p>Vu <img src="{photo.file.url}" alt="Le forum"></p>')
    partner = factories.PartnerFactory(status=Status.DRAFT)
    found = {(type(u.obj).__name__, u.obj.pk, u.by_key) for u in usages(photo)}
    assert found == {("NewsRelease", release.pk, True), ("Page", page.pk, False)}
    assert all(u.is_live for u in usages(photo))

    # A draft of a published partner choosing the image: not live, but a use.
    published = factories.PartnerFactory()
    url = reverse("admin:partners_partner_change", args=[published.pk])
    response = publisher_client.post(url, admin_form_data(publisher_client, url, logo=str(photo.pk), _save="1"))
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.logo is None  # the live row is untouched until the draft is published
    drafts = [u for u in usages(photo) if u.where == "brouillon"]
    assert [d.obj for d in drafts] == [published] and not drafts[0].is_live
    assert partner not in [u.obj for u in usages(photo)]


def test_a_used_image_cannot_be_deleted_and_the_page_says_where(publisher_client):
    photo = image("Forum")
    release = factories.NewsReleaseFactory(image=photo, title_fr="Forum de Bruxelles")
    factories.PageFactory(title_fr="À propos", body_fr=f'<p><img src="{photo.file.url}" alt="x"></p>')
    page = publisher_client.get(delete_url(photo)).content.decode()
    assert "Forum de Bruxelles" in page and "À propos" in page and "dans le texte" in page
    assert 'type="submit"' not in page.split('id="content"', 1)[1]  # no confirm button
    response = publisher_client.post(delete_url(photo), {"post": "yes"})
    assert Image.objects.filter(pk=photo.pk).exists()
    assert response.status_code in (200, 403)
    # The bulk action refuses too.
    publisher_client.post(reverse("admin:library_image_changelist"),
                          {"action": "delete_selected", "_selected_action": [photo.pk], "post": "yes"})
    assert Image.objects.filter(pk=photo.pk).exists()
    release.delete()
    factories.PageFactory._meta.model.objects.all().delete()
    assert publisher_client.post(delete_url(photo), {"post": "yes"}).status_code == 302
    assert not Image.objects.filter(pk=photo.pk).exists()


def test_the_database_refuses_too():
    from django.db.models import ProtectedError

    photo = image()
    factories.NewsReleaseFactory(image=photo)
    with pytest.raises(ProtectedError):
        photo.delete()


def test_the_change_form_lists_the_uses_with_links(publisher_client):
    photo = image()
    release = factories.NewsReleaseFactory(image=photo, title_fr="Forum de Bruxelles")
    page = publisher_client.get(change_url(photo)).content.decode()
    assert reverse("admin:news_newsrelease_change", args=[release.pk]) in page and "Forum de Bruxelles" in page
    unused = image("Seule")
    assert "Nulle part pour l’instant" in publisher_client.get(change_url(unused)).content.decode()


# --- who may change what the public sees -------------------------------------------------------------------------


def test_redaction_cannot_change_an_image_the_public_sees_but_publication_can(client, editor, publisher):
    live = image("En ligne", alt_text_fr="Avant")
    factories.NewsReleaseFactory(image=live)
    waiting = image("En attente", alt_text_fr="Avant")
    factories.NewsReleaseFactory(image=waiting, status=Status.DRAFT)
    form = {"title": "T", "alt_text_fr": "Après", "alt_text_en": "", "credit_fr": "", "credit_en": "", "tags": ""}

    client.force_login(editor)
    page = client.get(change_url(live)).content.decode()
    assert 'name="alt_text_fr"' not in page  # read only
    client.post(change_url(live), form)
    live.refresh_from_db()
    assert live.alt_text_fr == "Avant"
    assert client.post(change_url(waiting), form).status_code == 302
    waiting.refresh_from_db()
    assert waiting.alt_text_fr == "Après"

    client.force_login(publisher)
    assert client.post(change_url(live), form).status_code == 302
    live.refresh_from_db()
    assert live.alt_text_fr == "Après"


def test_redaction_may_upload_and_view_but_not_delete(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("marseille.png", make_image_bytes("PNG", (800, 600)), content_type="image/png")
    response = client.post(reverse("admin:library_image_add"), {"file": upload, "title": "", "alt_text_fr": "Le port"})
    assert response.status_code == 302
    photo = Image.objects.get()
    assert photo.title == "marseille" and photo.uploaded_by == editor and photo.width == 800
    assert client.post(delete_url(photo), {"post": "yes"}).status_code == 403


def test_the_file_of_an_item_is_never_replaced(publisher_client):
    photo = image()
    name = photo.file.name
    other = SimpleUploadedFile("autre.png", make_image_bytes("PNG", (700, 500)), content_type="image/png")
    publisher_client.post(change_url(photo), {"file": other, "title": "T", "alt_text_fr": "", "tags": ""})
    photo.refresh_from_db()
    assert photo.file.name == name


# --- the chooser ----------------------------------------------------------------------------------------------------


def test_release_form_has_the_chooser_with_thumbnail_lookup_and_upload_in_place(publisher_client):
    photo = image("Forum de Bruxelles")
    release = factories.NewsReleaseFactory(image=photo)
    page = publisher_client.get(reverse("admin:news_newsrelease_change", args=[release.pk])).content.decode()
    chooser = page[page.index('class="library-chooser"'):]
    chooser = chooser[:chooser.index("</fieldset>")]
    assert f'name="image" value="{photo.pk}"' in chooser and 'type="hidden"' in chooser
    assert "/media/renditions/" in chooser and "Forum de Bruxelles" in chooser
    assert 'id="lookup_id_image"' in chooser and "/admin/library/image/?_to_field=id" in chooser
    assert 'id="add_id_image"' in page  # the admin's own "+": upload in a pop-up
    assert "library/chooser.js" in page


def test_the_preview_answer_is_for_staff_who_may_see_the_library(client, editor, png_upload):
    photo = image("Forum", alt_text_fr="Le forum")
    url = reverse("admin:library_image_preview", args=[photo.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(editor)
    data = client.get(url).json()
    assert data["label"] == "Forum" and data["alt"] == "Le forum" and data["thumbnail"].startswith("/media/renditions/")
    assert client.get(reverse("admin:library_image_preview", args=[999999])).status_code == 404
    nobody = factories.UserFactory()
    client.force_login(nobody)
    assert client.get(url).status_code == 403


def test_the_library_list_is_a_chooser_with_thumbnails_searchable_by_title_and_keyword(publisher_client):
    image("Forum de Bruxelles", tags="Dialogue, Bruxelles")
    image("Atelier CIFORM", tags="marseille")
    listing = reverse("admin:library_image_changelist")
    page = publisher_client.get(listing + "?_to_field=id&_popup=1").content.decode()
    assert page.count('class="library-thumbnail"') == 2 and "data-popup-opener" in page
    found = publisher_client.get(listing, {"q": "marseille"}).content.decode()
    assert "Atelier CIFORM" in found and "Forum de Bruxelles" not in found
    found = publisher_client.get(listing, {"q": "bruxelles"}).content.decode()
    assert "Forum de Bruxelles" in found and "Atelier CIFORM" not in found


def test_keywords_are_normalised():
    assert normalise_tags(" Marseille, CIFORM ,marseille,, ") == "marseille, ciform"
    assert image(tags="A, b, a").tags == "a, b"


def test_changelist_queries_do_not_grow_with_rows(publisher_client, django_assert_max_num_queries):
    for n in range(3):
        image(f"I{n}")
    listing = reverse("admin:library_image_changelist")
    publisher_client.get(listing)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        publisher_client.get(listing)
    for n in range(10):
        image(f"J{n}")
    publisher_client.get(listing)
    with CaptureQueriesContext(connection) as many:
        publisher_client.get(listing)
    assert len(many) == len(few)


# --- the focal point ------------------------------------------------------------------------------------------------


def test_the_focal_point_is_saved_from_the_form_and_checked(publisher_client):
    photo = image()
    form = {"title": "T", "alt_text_fr": "", "tags": ""}
    assert publisher_client.post(change_url(photo), {**form, "focal_point": "0.8000,0.2500"}).status_code == 302
    photo.refresh_from_db()
    assert photo.focal_point == (0.8, 0.25)
    for bad, message in (("2,3", "doit être sur l’image"), ("abc", "illisible"), ("nan,nan", "doit être sur")):
        response = publisher_client.post(change_url(photo), {**form, "focal_point": bad})
        assert response.status_code == 200 and message in response.content.decode(), bad
    photo.refresh_from_db()
    assert photo.focal_point == (0.8, 0.25)
    assert publisher_client.post(change_url(photo), {**form, "focal_point": ""}).status_code == 302
    photo.refresh_from_db()
    assert photo.focal_point is None


# --- body images on public pages ------------------------------------------------------------------------------------


def test_a_body_image_is_a_rendition_with_the_library_alt_in_the_page_language(client):
    from django.utils import translation

    photo = image("Forum", size=(1600, 1000), alt_text_fr="Les délégués", alt_text_en="The delegates")
    release = factories.NewsReleaseFactory(
        body_fr=(f'<p>Texte</p><p><img src="{photo.file.url}"></p>'
                 f'<p><img src="{photo.file.url}" alt="Propre texte"></p>'),
        body_en=f'<p>Text</p><p><img src="{photo.file.url}"></p>')
    html = client.get(release.get_absolute_url()).content.decode()
    body = html[html.index('class="rich-text"'):]
    assert photo.file.url not in body  # never the original
    images = re.findall(r"<img [^>]*>", body)
    assert len(images) >= 2
    first, second = images[:2]
    assert 'alt="Les délégués"' in first and 'alt="Propre texte"' in second
    for tag in (first, second):
        assert "srcset=" in tag and "/media/renditions/" in tag and 'width="' in tag and 'height="' in tag
    with translation.override("en"):
        english = client.get(release.get_absolute_url_in("en")).content.decode()
    assert 'alt="The delegates"' in english


def test_odd_or_foreign_body_images_stay_as_they_are(client):
    release = factories.NewsReleaseFactory(body_fr=(
        '<p><img src="/media/library/images/absent.png" alt="a"><img src="https://example.org/x.png" alt="b">'
        '<img src="/media/library/images/../../etc/passwd" alt="c">'
        '<img src="/media/library/images/%00.png" alt="d"></p>'))
    response = client.get(release.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert 'src="/media/library/images/absent.png"' in body and 'src="https://example.org/x.png"' in body


def test_body_images_cost_one_query_whatever_their_number(client, django_assert_num_queries):
    from core.registry import registry

    photos = [image(f"P{n}") for n in range(4)]
    html = "".join(f'<p><img src="{p.file.url}" alt="x"></p>' for p in photos)
    registry.process_html(html)  # renditions made once
    with django_assert_num_queries(1):
        out = registry.process_html(html)
    assert out.count("<picture>") + out.count("srcset") >= 4


# --- the editor's browser ("Parcourir le serveur") -----------------------------------------------------------------


def test_the_editor_browser_is_french_with_thumbnails_titles_and_search(client, editor):
    image("Forum de Bruxelles", alt_text_fr="Les délégués", tags="dialogue")
    image("Atelier CIFORM")
    browse = reverse("ckeditor_browse")
    assert client.get(browse).status_code == 302
    client.force_login(editor)
    page = client.get(browse, {"CKEditor": "id_body_fr", "CKEditorFuncNum": "3", "langCode": "fr"}).content.decode()
    assert "Choisir une image" in page and "Forum de Bruxelles" in page and "Atelier CIFORM" in page
    assert page.count("/media/renditions/") == 2 and 'data-alt="Les délégués"' in page and 'data-func-num="3"' in page
    assert "Browse for the image" not in page and "_thumb" not in page
    found = client.get(browse, {"q": "dialogue", "CKEditorFuncNum": "3"}).content.decode()
    assert "Forum de Bruxelles" in found and "Atelier CIFORM" not in found
    empty = client.get(browse, {"q": "zzz"}).content.decode()
    assert "Rien ne correspond" in empty
    hostile = client.get(browse, {"CKEditorFuncNum": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in hostile


def test_the_editor_upload_and_browser_need_library_rights(client):
    nobody = factories.UserFactory()
    client.force_login(nobody)
    assert client.get(reverse("ckeditor_browse")).status_code == 403
    upload = SimpleUploadedFile("x.png", make_image_bytes("PNG", (100, 100)), content_type="image/png")
    assert client.post(reverse("ckeditor_upload"), {"upload": upload}).status_code == 403
    assert not Image.objects.exists()


def test_documents_from_the_link_dialog_go_to_the_library(client, editor):
    client.force_login(editor)
    response = client.post(reverse("ckeditor_upload_document"), {"upload": factories.pdf_upload("Rapport annuel.pdf")})
    data = response.json()
    document = Document.objects.get()
    assert data["uploaded"] == 1 and data["url"] == document.file.url and document.kind == "pdf"
    assert document.title == "Rapport annuel" and document.uploaded_by == editor
    assert re.fullmatch(r"library/documents/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", document.file.name)
    html = SimpleUploadedFile("rapport.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    refused = client.post(reverse("ckeditor_upload_document"), {"upload": html}).json()
    assert refused["uploaded"] == 0 and refused["error"]["message"]
    assert Document.objects.count() == 1
    page = client.get(reverse("ckeditor_browse_documents")).content.decode()
    assert "Choisir un document" in page and "Rapport annuel" in page and "PDF" in page

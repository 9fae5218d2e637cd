"""Only Publication edits the site's identity, on one change page; every page shows the change at once."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from editorial.roles import roles_setup
from identity.models import SiteIdentity
from tests import factories
from tests.identity.conftest import identity_form
from tests.public_html import html, meta

pytestmark = pytest.mark.django_db

CHANGE = "admin:identity_siteidentity_change"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(identity):
    return reverse(CHANGE, args=[identity.pk])


def test_only_publication_holds_the_identity_right():
    roles_setup()
    for name, expected in (("Publication", True), ("Rédaction", False)):
        codenames = set(Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename"))
        assert (("identity", "change_siteidentity") in codenames) is expected, name
    # Nothing else exists to be given: no add, delete or view right on the identity.
    assert set(SiteIdentity._meta.default_permissions) == {"change"}


def test_publication_changes_the_name_and_every_page_shows_it_on_the_next_request(
        publisher, site_identity, settings, png_upload):
    settings.PAGE_CACHE_SECONDS = 600
    reader = Client()
    pages = ["/en/", "/en/news/", "/fr/", "/fr/actualites/"]
    for url in pages:
        reader.get(url)
    assert reader.get("/en/")["X-Cache"] == "HIT"

    new_emblem = factories.LibraryImageFactory(file=png_upload("nouvel-embleme.png", size=(200, 200)))
    response = logged_in(publisher).post(change_url(site_identity), identity_form(
        site_identity, name_fr="OIM France (Paris)", name_en="IOM France (Paris)",
        tagline_en="UN Migration in France", emblem=str(new_emblem.pk)))
    assert response.status_code == 302 and response["Location"] == change_url(site_identity)

    for url in pages:
        response = reader.get(url)
        assert response["X-Cache"] == "MISS", url
        page = html(response)
        expected = "IOM France (Paris)" if url.startswith("/en/") else "OIM France (Paris)"
        assert meta(page, "og:site_name") == expected, url
        assert f"– {expected}</title>" in page or f"<title>{expected}</title>" in page, url
    assert new_emblem.file.url in html(reader.get("/en/"))  # the JSON-LD logo
    site_identity.refresh_from_db()
    assert site_identity.tagline_en == "UN Migration in France"


def test_publication_sees_one_change_page_and_can_neither_add_nor_delete(publisher, site_identity):
    client = logged_in(publisher)
    changelist = client.get(reverse("admin:identity_siteidentity_changelist"))
    assert changelist.status_code == 302 and changelist["Location"] == change_url(site_identity)
    page = client.get(change_url(site_identity))
    assert page.status_code == 200
    content = page.content.decode()
    assert 'name="name_en"' in content and 'name="_addanother"' not in content
    assert 'class="deletelink"' not in content
    assert "<h1>Identité du site</h1>" in content  # not "Modification de identité du site"
    assert client.get(reverse("admin:identity_siteidentity_add")).status_code == 403
    assert client.get(reverse("admin:identity_siteidentity_delete", args=[site_identity.pk])).status_code == 403
    assert client.post(reverse("admin:identity_siteidentity_delete", args=[site_identity.pk]),
                       {"post": "yes"}).status_code == 403
    assert SiteIdentity.objects.count() == 1


def test_publication_makes_the_identity_the_first_time_only(publisher):
    client = logged_in(publisher)
    add = reverse("admin:identity_siteidentity_add")
    assert client.get(reverse("admin:identity_siteidentity_changelist"))["Location"] == add
    data = identity_form(SiteIdentity(name_fr="OIM France", parent_name_fr="Organisation internationale pour les "
                                                                             "migrations"))
    assert client.post(add, data).status_code == 302
    assert SiteIdentity.objects.get().pk == SiteIdentity.SINGLE_PK
    assert client.get(add).status_code == 403


def test_the_admin_index_lists_the_identity_for_publication_only(publisher, editor, site_identity):
    url = reverse("admin:identity_siteidentity_changelist")
    assert url in logged_in(publisher).get(reverse("admin:index")).content.decode()
    assert url not in logged_in(editor).get(reverse("admin:index")).content.decode()


def test_redaction_gets_403_everywhere_and_cannot_change_the_identity_by_post(editor, site_identity):
    client = logged_in(editor)
    for url in (reverse("admin:identity_siteidentity_changelist"), reverse("admin:identity_siteidentity_add"),
                change_url(site_identity), reverse("admin:identity_siteidentity_history", args=[site_identity.pk]),
                reverse("admin:identity_siteidentity_delete", args=[site_identity.pk])):
        assert client.get(url).status_code == 403, url
    before = list(SiteIdentity.objects.values())
    assert client.post(change_url(site_identity), identity_form(site_identity, name_en="Hacked")).status_code == 403
    assert client.post(reverse("admin:identity_siteidentity_add"), identity_form(
        site_identity, name_fr="Autre")).status_code == 403
    assert client.post(reverse("admin:identity_siteidentity_delete", args=[site_identity.pk]),
                       {"post": "yes"}).status_code == 403
    assert list(SiteIdentity.objects.values()) == before


def test_the_emblem_is_live_so_only_publication_may_change_its_library_image(editor, publisher, site_identity):
    from django.contrib import admin
    from django.test import RequestFactory

    from library.models import Image
    from library.usage import is_live

    assert is_live(site_identity.emblem)
    model_admin = admin.site._registry[Image]
    request = RequestFactory().get("/admin/")
    for user, expected in ((editor, False), (publisher, True)):
        request.user = user
        assert model_admin.has_change_permission(request, site_identity.emblem) is expected


def test_the_database_holds_one_identity_only(site_identity):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        SiteIdentity(name_fr="Deux", parent_name_fr="Deux").save()  # its key is always 1: taken
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteIdentity.objects.bulk_create([SiteIdentity(id=2, name_fr="Deux", parent_name_fr="Deux")])
    assert SiteIdentity.objects.count() == 1

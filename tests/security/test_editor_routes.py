"""No route lets "Rédaction" change what the public sees (issue 11).

Every way an editor of Rédaction can send a change, enumerated like the
access matrix, on a published item of every publishable type: the change
form (fields, status, dates, inlines), the workflow buttons, the bulk
actions, the list's editable columns, the history's restore, a child's own
page, the preview, redirects, and the services called directly. After each,
the public snapshot of the item (its live row, its children and its
relations, as editorial.drafts serialises them) is what it was.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from reversion import revisions
from reversion.models import Version

from editorial.drafts import serialize_graph
from editorial.models import Redirect
from editorial.workflow import content_expire, content_publish, content_unpublish, draft_reject
from tests import factories
from tests.oim_site import test_admin as forms

pytestmark = pytest.mark.django_db

CASES = {
    "page": (factories.PageFactory, forms.page_data),
    "office": (factories.OfficeFactory, forms.office_data),
    "person": (factories.PersonFactory, forms.person_data),
    "partner": (factories.PartnerFactory, forms.partner_data),
    "area": (factories.ProgrammeAreaFactory, forms.area_data),
    "release": (factories.NewsReleaseFactory, forms.release_data),
}
ROUTES = ["form", "status_and_dates", "publish", "schedule", "unpublish", "expire", "reject", "bulk_publish",
          "bulk_unpublish", "restore", "preview"]


def snapshot(obj):
    """What the public sees of obj: its live row, its children and its relations."""
    obj = type(obj)._default_manager.get(pk=obj.pk)
    graph = serialize_graph(obj)
    for record in [graph["object"], *(r for records in graph["children"].values() for r in records)]:
        for name in ("updated_at", "fr_updated_at", "en_updated_at"):
            record["fields"].pop(name, None)
    return graph


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args or [obj.pk])


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def _send(route, client, obj, data):
    payload = {**data, "status": "draft", "publication_date_0": "2099-01-01", "publication_date_1": "10:00:00",
               "expiry_date_0": "2000-01-01", "expiry_date_1": "10:00:00"}
    if route == "form":
        return client.post(admin_url(obj, "change"), data)
    if route == "status_and_dates":
        return client.post(admin_url(obj, "change"), payload)
    if route in {"publish", "schedule", "unpublish", "expire", "reject"}:
        extra = {"editorial_go_live_at": "2030-01-01T10:00", "editorial_expire_at": "2030-01-01T10:00",
                 "editorial_comment": "non"}
        return client.post(admin_url(obj, "change"), {**data, f"_{route}": "1", **extra})
    if route in {"bulk_publish", "bulk_unpublish"}:
        changelist = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_changelist")
        return client.post(changelist, {"action": route.split("_")[1], "_selected_action": [obj.pk]})
    if route == "restore":
        with revisions.create_revision():
            obj.save()
        version = Version.objects.get_for_object(obj).first()
        return client.post(admin_url(obj, "revision", obj.pk, version.pk), {**data, "status": "draft"})
    if route == "preview":
        return client.post(admin_url(obj, "preview_form") + "?lang=fr", data)
    raise AssertionError(route)


# People have no page of their own, hence no preview.
CELLS = [(kind, route) for kind in CASES for route in ROUTES if (kind, route) != ("person", "preview")]


@pytest.mark.parametrize(("kind", "route"), CELLS, ids=[f"{kind}-{route}" for kind, route in CELLS])
def test_no_route_lets_an_editor_change_what_the_public_sees(editor_client, kind, route):
    factory, data = CASES[kind]
    obj = factory()
    payload = data(7)
    for key in ("slug_fr", "slug_en"):
        if key in payload:
            payload[key] = getattr(obj, key)  # the same addresses: only the contents differ
    before = snapshot(obj)

    response = _send(route, editor_client, obj, payload)

    assert response.status_code in {200, 302, 403}, (kind, route, response.status_code)
    assert snapshot(obj) == before, (kind, route)


def test_a_new_child_or_inline_under_a_published_parent_is_not_public(editor_client, client):
    area = factories.ProgrammeAreaFactory()
    office = factories.OfficeFactory()
    before = (snapshot(area), snapshot(office))
    editor_client.post(reverse("admin:programmes_project_add"), {"area": str(area.pk), "name_fr": "Caché",
                                                                  "order": "1"})
    editor_client.post(reverse("admin:programmes_publication_add"), {
        "area": str(area.pk), "title_fr": "Caché", "language": "fr", "url": "https://www.iom.int/", "order": "1"})
    editor_client.post(reverse("admin:offices_activitydomain_add"), {"office": str(office.pk),
                                                                      "title_fr": "Caché", "order": "1"})
    editor_client.post(reverse("admin:offices_person_add"), {"name": "Caché", "office": str(office.pk),
                                                              "order": "1", "show_on_team_page": "on",
                                                              "publication_date_0": "2024-01-01",
                                                              "publication_date_1": "10:00:00"})
    assert (snapshot(area), snapshot(office)) == before
    for url in (area.get_absolute_url(), office.get_absolute_url(), "/fr/bureaux/equipe/"):
        assert "Caché" not in client.get(url).content.decode(), url


def test_the_lists_editable_columns_are_refused_to_editors(editor_client):
    page = factories.PageFactory(order=1)
    editor_client.post(reverse("admin:pages_page_changelist"), {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(page.pk), "form-0-order": "9",
        "_save": "Enregistrer"})
    page.refresh_from_db()
    assert page.order == 1


def test_redirects_an_editor_makes_cannot_leave_the_site_or_hide_a_live_page(editor_client):
    release = factories.NewsReleaseFactory()
    for old_path, new_path in (("/x/", "https://evil.example/"), ("/x/", "//evil.example/"),
                               (release.get_absolute_url(), "/fr/")):
        editor_client.post(reverse("admin:editorial_redirect_add"), {"old_path": old_path, "new_path": new_path})
    assert not Redirect.objects.exists()


@pytest.mark.parametrize("service", ["publish", "schedule", "unpublish", "expire", "reject"])
def test_the_services_refuse_an_editor_whatever_calls_them(editor, service):
    from datetime import timedelta

    from django.utils import timezone

    release = factories.NewsReleaseFactory()
    before = snapshot(release)
    at = timezone.now() + timedelta(days=1)
    call = {
        "publish": lambda: content_publish(obj=release, user=editor),
        "schedule": lambda: content_publish(obj=release, user=editor, at=at),
        "unpublish": lambda: content_unpublish(obj=release, user=editor),
        "expire": lambda: content_expire(obj=release, user=editor, at=at),
        "reject": lambda: draft_reject(obj=release, user=editor, comment="non"),
    }[service]
    with pytest.raises(PermissionDenied):
        call()
    assert snapshot(release) == before

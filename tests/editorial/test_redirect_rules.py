"""Redirects made in the admin follow the rules of import_redirects, and the rights are held in the service.

The old path is a path of this site that is not a live page; the target is a
path of this site, or an https:// address for Publication only. Never
``//host``, ``javascript:`` or ``data:``.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from editorial.models import Redirect
from editorial.services import redirect_problems, redirect_save
from tests import factories

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/editorial/redirect/add/"


def _post(client, old_path, new_path):
    return client.post(ADD_URL, {"old_path": old_path, "new_path": new_path})


@pytest.mark.parametrize(("old_path", "new_path", "field"), [
    ("/x/", "//evil.example/phish", "new_path"),
    ("/x/", "/\\evil.example/", "new_path"),
    ("/x/", "javascript:alert(1)", "new_path"),
    ("/x/", "data:text/html,<script>alert(1)</script>", "new_path"),
    ("/x/", "http://evil.example/", "new_path"),
    ("ancien-chemin/", "/fr/", "old_path"),
    ("//evil.example/", "/fr/", "old_path"),
    ("/x/", "/x/", "new_path"),
    ("/a b/", "/fr/", "old_path"),
])
def test_bad_redirects_are_refused_with_a_french_message_and_nothing_is_stored(editor_client, old_path, new_path,
                                                                             field):
    response = _post(editor_client, old_path, new_path)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors and errors[field][0][0].isupper()
    assert Redirect.objects.count() == 0


def test_a_redirect_from_the_address_of_a_live_page_is_refused(publisher_client):
    release = factories.NewsReleaseFactory(slug_fr="en-ligne")
    response = _post(publisher_client, release.get_absolute_url(), "/fr/")
    assert "page en ligne" in response.context["adminform"].form.errors["old_path"][0]
    response = _post(publisher_client, "/fr/actualites/", "/fr/")
    assert "old_path" in response.context["adminform"].form.errors
    assert Redirect.objects.count() == 0


def test_a_redirect_from_a_page_that_is_gone_is_accepted(editor_client, client):
    factories.NewsReleaseFactory(slug_fr="retiree", status="draft")
    response = _post(editor_client, "/fr/actualites/retiree/", "/fr/actualites/")
    assert response.status_code == 302
    assert client.get("/fr/actualites/retiree/")["Location"] == "/fr/actualites/"


def test_only_publication_may_redirect_to_another_site(editor, publisher):
    editor_client, publisher_client = Client(), Client()
    editor_client.force_login(editor)
    publisher_client.force_login(publisher)
    response = _post(editor_client, "/ancien/", "https://www.iom.int/")
    assert "droit de publier" in response.context["adminform"].form.errors["new_path"][0]
    with pytest.raises(ValidationError):
        redirect_save(old_path="/ancien/", new_path="https://www.iom.int/", user=editor)
    assert Redirect.objects.count() == 0
    assert _post(publisher_client, "/ancien/", "https://www.iom.int/").status_code == 302
    assert Redirect.objects.get().new_path == "https://www.iom.int/"


def test_the_service_refuses_a_user_without_the_right(django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x" * 16, is_staff=True)
    with pytest.raises(PermissionDenied):
        redirect_save(old_path="/ancien/", new_path="/fr/", user=nobody)


def test_a_stored_unsafe_target_is_never_answered(client):
    Redirect.objects.create(old_path="/piege/", new_path="//evil.example/phish")
    assert client.get("/piege/").status_code == 404


def test_import_and_admin_share_one_rule():
    assert redirect_problems(old_path="/x/", new_path="//evil.example/", allow_external=True)
    assert redirect_problems(old_path="/x/", new_path="https://www.iom.int/", allow_external=True) == {}

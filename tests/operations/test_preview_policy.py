"""Previews are public templates: the public Content-Security-Policy, even under /admin/ (issue 14)."""

import pytest
from django.urls import reverse

from core.models import Status
from editorial.models import PreviewLink
from tests import factories

pytestmark = pytest.mark.django_db


def directives(response):
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


@pytest.fixture
def draft():
    return factories.NewsReleaseFactory(status=Status.DRAFT, title_fr="Brouillon à relire")


def test_admin_preview_is_served_under_the_public_policy(client, editor, draft):
    client.force_login(editor)
    response = client.get(reverse("admin:news_newsrelease_preview", args=[draft.pk]), {"lang": "fr"})
    assert response.status_code == 200 and "Brouillon à relire" in response.content.decode()
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_admin_itself_keeps_its_policy_for_ckeditor(client, editor, draft):
    client.force_login(editor)
    response = client.get(reverse("admin:news_newsrelease_change", args=[draft.pk]))
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response)["script-src"]


def test_reviewer_preview_link_is_served_under_the_public_policy(client, draft):
    link = PreviewLink.objects.create(content_object=draft)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200 and "Brouillon à relire" in response.content.decode()
    assert directives(response)["script-src"] == ["'self'"]

"""The admin home answers "what needs me today": to review, my drafts, scheduled, leaving soon, published lately."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion import revisions

from core.models import Status
from core.registry import registry
from editorial.drafts import serialize_graph
from editorial.workflow import content_publish, draft_reject, draft_save, draft_submit
from news.models import NewsRelease
from pages.models import Page
from tests import factories

from .conftest import admin_url

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def section(content, name):
    """The HTML of one dashboard section, or None when the page has none of that name."""
    start = content.find(f'id="dashboard-{name}"')
    if start == -1:
        return None
    return content[start:content.index("</section>", start)]


def edited_by(user, factory, **fields):
    """An item whose latest revision (django-reversion) is ``user``'s."""
    with revisions.create_revision():
        obj = factory(**fields)
        revisions.set_user(user)
    return obj


def test_publication_sees_what_waits_for_review_with_author_date_and_message(editor, publisher):
    release = factories.NewsReleaseFactory(title_fr="Journée mondiale des réfugiés")
    draft_save(obj=release, graph=serialize_graph(release), user=editor)
    draft_submit(obj=release, user=editor, message="Chiffres vérifiés avec le siège.")
    factories.NewsReleaseFactory(title_fr="Communiqué sans demande")

    board = section(logged_in(publisher).get(HOME).content.decode(), "to-review")
    assert "Journée mondiale des réfugiés" in board and f'href="{admin_url(release, "change")}"' in board
    assert editor.get_username() in board and "Chiffres vérifiés avec le siège." in board
    assert "<time datetime=" in board
    assert "Communiqué sans demande" not in board
    assert section(logged_in(editor).get(HOME).content.decode(), "to-review") is None


def test_my_drafts_are_pending_changes_and_never_published_items_i_edited_last(editor, publisher):
    live = factories.PageFactory(title_fr="Page en ligne modifiée")
    draft_save(obj=live, graph=serialize_graph(live), user=editor)
    new = edited_by(editor, factories.PageFactory, title_fr="Page jamais publiée", status=Status.DRAFT)
    edited_by(publisher, factories.PageFactory, title_fr="Brouillon de quelqu’un d’autre", status=Status.DRAFT)
    sent_back = factories.PartnerFactory(name_fr="Partenaire renvoyé", acronym="")
    draft_submit(obj=sent_back, user=editor)
    draft_reject(obj=sent_back, user=publisher, comment="Ajoutez le logo.")

    board = section(logged_in(editor).get(HOME).content.decode(), "my-drafts")
    assert "Page en ligne modifiée" in board and "modifications en attente" in board
    assert "Page jamais publiée" in board and f'href="{admin_url(new, "change")}"' in board
    assert "Partenaire renvoyé" in board and "Ajoutez le logo." in board
    assert "Brouillon de quelqu’un d’autre" not in board
    assert board.count("<li>") == 3


def test_scheduled_publications_of_the_next_seven_days_with_their_time(editor, publisher):
    soon = timezone.now() + timedelta(days=2)
    factories.PageFactory(title_fr="Page programmée", publication_date=soon)
    factories.PageFactory(title_fr="Page dans deux semaines", publication_date=timezone.now() + timedelta(days=14))
    release = factories.NewsReleaseFactory(title_fr="Communiqué modifié programmé")
    draft_save(obj=release, graph=serialize_graph(release), user=editor)
    assert content_publish(obj=release, user=publisher, at=timezone.now() + timedelta(days=3)) == []

    board = section(logged_in(editor).get(HOME).content.decode(), "scheduled")
    assert "Page programmée" in board and "Communiqué modifié programmé" in board
    assert "Page dans deux semaines" not in board
    assert board.index("Page programmée") < board.index("Communiqué modifié programmé")
    assert timezone.localtime(soon).strftime("%H:%M") in board


def test_items_leaving_the_site_soon_when_the_publishing_base_has_an_expiry_date(editor):
    if not hasattr(Page, "expiry_date"):
        assert section(logged_in(editor).get(HOME).content.decode(), "expiring") is None
        return
    factories.PageFactory(title_fr="Page qui expire", expiry_date=timezone.now() + timedelta(days=1))
    factories.PageFactory(title_fr="Page qui reste", expiry_date=timezone.now() + timedelta(days=30))
    board = section(logged_in(editor).get(HOME).content.decode(), "expiring")
    assert "Page qui expire" in board and "Page qui reste" not in board


def test_recently_published_lists_the_last_ten_live_items_newest_first(editor):
    now = timezone.now()
    for day in range(12):
        factories.NewsReleaseFactory(title_fr=f"Communiqué J-{day + 1:02d}",
                                     publication_date=now - timedelta(days=day + 1))
    factories.PageFactory(title_fr="Page d’hier soir", publication_date=now - timedelta(hours=3))
    factories.PageFactory(title_fr="Page pas encore en ligne", publication_date=now + timedelta(days=1))

    board = section(logged_in(editor).get(HOME).content.decode(), "recent")
    assert board.count("<li>") == 10
    assert board.index("Page d’hier soir") < board.index("Communiqué J-01") < board.index("Communiqué J-09")
    assert "Communiqué J-10" not in board and "Page pas encore en ligne" not in board


def test_only_what_the_user_may_view_is_shown(client):
    factories.PageFactory(title_fr="Page récente")
    factories.PartnerFactory(name_fr="Partenaire récent", acronym="")
    reader = factories.UserFactory()
    reader.user_permissions.add(Permission.objects.get(codename="view_partner"))
    content = logged_in(reader).get(HOME).content.decode()
    board = section(content, "recent")
    assert "Partenaire récent" in board and "Page récente" not in board
    assert section(content, "to-review") is None

    client.force_login(factories.UserFactory())
    assert 'id="editorial-dashboard"' not in client.get(HOME).content.decode()


def fill(editor, publisher, n):
    """``n`` items of each kind the dashboard lists, over several content types."""
    now = timezone.now()
    for i in range(n):
        release = factories.NewsReleaseFactory(publication_date=now - timedelta(days=i + 1))
        draft_save(obj=release, graph=serialize_graph(release), user=editor)
        draft_submit(obj=release, user=editor, message=f"Message {i}")
        factories.PageFactory(publication_date=now + timedelta(days=1, hours=i))
        factories.PartnerFactory(publication_date=now - timedelta(hours=i + 1))
        edited_by(editor, factories.PageFactory, status=Status.DRAFT)
        edited_by(editor, factories.OfficeFactory, status=Status.DRAFT)
        page = factories.PageFactory()
        draft_save(obj=page, graph=serialize_graph(page), user=editor)
        if hasattr(Page, "expiry_date"):
            factories.PartnerFactory(expiry_date=now + timedelta(days=2))


def home_queries(user):
    client = logged_in(user)
    client.get(HOME)  # content types and permissions cached, as in a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("who", ["editor", "publisher"])
def test_the_home_page_query_count_does_not_grow_with_the_content(who, editor, publisher,
                                                                  django_assert_max_num_queries):
    user = {"editor": editor, "publisher": publisher}[who]
    fill(editor, publisher, 2)
    few, _ = home_queries(user)
    fill(editor, publisher, 8)
    many, content = home_queries(user)
    assert many == few
    if user == publisher:
        assert section(content, "to-review").count("<li>") == 10
    else:
        # 10 submitted releases, 10 pages with pending changes, 10 new pages and 10 new offices
        assert section(content, "my-drafts").count("<li>") == 40
    assert section(content, "scheduled").count("<li>") == 10
    assert section(content, "recent").count("<li>") == 10
    assert NewsRelease.objects.count() == 10
    client = logged_in(user)
    # Session, user, permissions; the drafts and their items (one per type); two per content type for the
    # dashboard, one for the translation counts; the recent actions. Never one per item.
    types = len(registry.publishable_models())
    with django_assert_max_num_queries(4 + 1 + types + 2 * types + types + 1):
        client.get(HOME)


def test_the_translation_table_has_its_own_layout_from_a_static_file(publisher):
    factories.PageFactory(title_en="")
    content = logged_in(publisher).get(HOME).content.decode()
    assert 'href="/static/editorial/dashboard.css"' in content
    summary = content[content.index('id="translation-status-summary"'):]
    assert '<table class="editorial-counts">' in summary
    dashboard = content[content.index('id="editorial-dashboard"'):content.index("translation-status-summary")]
    assert "style=" not in dashboard and "style=" not in summary[:summary.index("</table>")]

"""A history people can read (issue 11): what changed, who, when to the second; comparisons in visible text."""

import datetime
import re

import pytest
from reversion import revisions
from reversion.models import Revision, Version

from core.models import Status
from editorial.diff import field_label
from editorial.drafts import serialize_graph
from editorial.workflow import content_unpublish, draft_save
from tests import factories
from tests.oim_site.test_admin import CASES, IDS

from .conftest import add_page, admin_url, page_form

pytestmark = pytest.mark.django_db



def entries(client, obj):
    """The history's entries, latest first."""
    response = client.get(admin_url(obj, "history"))
    assert response.status_code == 200
    return response, response.context["action_list"]


def row_html(content, name):
    return re.search(rf'<tr id="diff-{re.escape(name)}">(.*?)</tr>', content, re.S).group(1)


def test_an_entry_names_exactly_the_fields_that_changed_with_their_language(publisher_client):
    page = add_page(publisher_client)
    publisher_client.post(admin_url(page, "change"), page_form(title_en="About us", summary_fr="Qui nous sommes"))
    response, (latest, first) = entries(publisher_client, page)
    assert latest["changes"] == ["Titre (anglais)", "Résumé (français)"]
    assert first["changes"] == [] and first["comment"] == "Création"
    content = response.content.decode()
    assert "Titre (anglais)" in content and "Résumé (français)" in content
    # The admin's blanket "Modification de … Contenu [fr] et Contenu [en]" is gone.
    assert "Modification de" not in content and "[fr]" not in content and "[en]" not in content


def test_a_status_only_change_names_only_the_status_and_keeps_its_comment(publisher_client, publisher):
    with revisions.create_revision():
        release = factories.NewsReleaseFactory()
        factories.RelatedLinkFactory(release=release)
    content_unpublish(obj=release, user=publisher)
    response, (latest, _first) = entries(publisher_client, release)
    assert latest["comment"] == "Dépublié"
    assert latest["changes"] == ["Statut"]
    assert latest["revision"].user == publisher


def test_an_entry_names_changes_to_children_by_kind_and_field(publisher_client):
    with revisions.create_revision():
        link = factories.RelatedLinkFactory(label_fr="Rapport annuel", label_en="Annual report")
    release = link.release
    with revisions.create_revision():
        link.label_en = "Yearly report"
        link.save()
        release.lead_fr = "Nouveau chapeau."
        release.save()
    with revisions.create_revision():
        factories.RelatedLinkFactory(release=release, label_fr="Nouveau lien")
        release.save()
    _response, (added, changed, _first) = entries(publisher_client, release)
    assert changed["changes"] == ["Chapeau (français)", "Lien associé : libellé (anglais)"]
    assert added["changes"] == ["Lien associé : ajout"]


def test_an_entry_shows_its_time_to_the_second(publisher_client, publisher):
    page = add_page(publisher_client)
    # 20:04:37 UTC is 21:04:37 in Paris in December.
    Revision.objects.filter(version__object_id=str(page.pk)).update(
        date_created=datetime.datetime(2026, 12, 1, 20, 4, 37, tzinfo=datetime.UTC))
    response, _entries = entries(publisher_client, page)
    assert "1 décembre 2026 à 21:04:37" in response.content.decode()


def test_the_compare_radios_of_the_history_open_the_comparison(publisher_client):
    page = add_page(publisher_client)
    publisher_client.post(admin_url(page, "change"), page_form(title_fr="À propos de nous"))
    content = publisher_client.get(admin_url(page, "history")).content.decode()
    checked = dict(re.findall(r'name="(a|b)"[^>]*value="(\d+)"\s+checked', content))
    assert set(checked) == {"a", "b"} and checked["a"] != checked["b"]
    response = publisher_client.get(admin_url(page, "history_compare"), checked)
    assert response.status_code == 200
    assert [row["name"] for row in response.context["rows"]] == ["title_fr"]


@pytest.fixture
def rich_versions(publisher_client):
    page = add_page(publisher_client, body_fr="<p>Texte <strong>français</strong></p>")
    publisher_client.post(admin_url(page, "change"), page_form(
        title_fr="À propos de l’OIM",
        body_fr='<p>Texte <strong>revu</strong></p><p>Voir <a href="https://www.iom.int/">le site</a></p>'))
    older, newer = Version.objects.get_for_object(page).order_by("pk")
    response = publisher_client.get(admin_url(page, "history_compare"), {"a": older.pk, "b": newer.pk})
    assert response.status_code == 200
    return response


def test_compare_shows_the_visible_text_with_words_added_and_removed(rich_versions):
    row = {row["name"]: row for row in rich_versions.context["rows"]}["body_fr"]
    assert (row["old"], row["new"]) == ("Texte français", "Texte revu\nVoir le site")
    visible = row_html(rich_versions.content.decode(), "body_fr").split("<details")[0]
    assert "&lt;" not in visible and "<strong>" not in visible and "<p>" not in visible
    assert "Texte <del>français</del><ins>revu\nVoir le site</ins>" in visible


def test_compare_gives_the_html_on_demand_escaped(rich_versions):
    html = row_html(rich_versions.content.decode(), "body_fr")
    details = re.search(r"<details[^>]*>(.*?)</details>", html, re.S).group(1)
    assert "<summary>" in details
    assert "&lt;p&gt;Texte &lt;strong&gt;français&lt;/strong&gt;&lt;/p&gt;" in details
    assert "&lt;a href=&quot;https://www.iom.int/&quot;" in details and "le site&lt;/a&gt;&lt;/p&gt;" in details
    assert "<strong>" not in details and "<a href" not in details


def test_compare_names_fields_with_their_language_and_plain_text_has_no_source(rich_versions):
    content = rich_versions.content.decode()
    assert [row["label"] for row in rich_versions.context["rows"]] == ["Titre (français)", "Contenu (français)"]
    assert "<details" not in row_html(content, "title_fr")
    assert "À propos<ins> de l’OIM</ins>" in row_html(content, "title_fr")
    assert "/static/editorial/history.css" in content and "<style" not in content


@pytest.fixture
def live_release_with_draft(publisher):
    with revisions.create_revision():
        release = factories.NewsReleaseFactory(title_en="Live title", status=Status.PUBLISHED)
        factories.RelatedLinkFactory(release=release, label_fr="Site de l’OIM", label_en="IOM website")
    graph = serialize_graph(release)
    graph["object"]["fields"]["title_en"] = "Draft title"
    graph["object"]["fields"]["body_fr"] = "<p>Texte <em>réécrit</em>.</p>"
    graph["children"]["links"][0]["fields"]["label_en"] = "IOM's website"
    draft_save(obj=release, graph=graph, user=publisher)
    return release


def test_the_live_version_compares_with_the_draft(publisher_client, live_release_with_draft):
    release = live_release_with_draft
    response = publisher_client.get(admin_url(release, "draft_compare"))
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.context["rows"]}
    assert (rows["title_en"]["old"], rows["title_en"]["new"]) == ("Live title", "Draft title")
    assert rows["body_fr"]["new"] == "Texte réécrit."
    link_rows = [row for name, row in rows.items() if name.startswith("child-")]
    assert [(r["label"], r["old"], r["new"]) for r in link_rows] == [
        ("Lien associé « Site de l’OIM » : libellé (anglais)", "IOM website", "IOM's website")]
    assert set(rows) == {"title_en", "body_fr", link_rows[0]["name"]}
    content = response.content.decode()
    assert "<del>Live</del><ins>Draft</ins> title" in content
    # The same page through the history's own address.
    again = publisher_client.get(admin_url(release, "history_compare"), {"draft": "1"})
    assert again.status_code == 200 and [r["name"] for r in again.context["rows"]] == list(rows)
    # Looking compares; the live row stays as it was.
    release.refresh_from_db()
    assert release.title_en == "Live title"


def test_an_editor_can_compare_the_live_version_with_the_draft(client, editor, live_release_with_draft):
    client.force_login(editor)
    assert client.get(admin_url(live_release_with_draft, "draft_compare")).status_code == 200


def test_the_history_links_to_the_draft_comparison_when_there_is_a_draft(publisher_client, live_release_with_draft):
    content = publisher_client.get(admin_url(live_release_with_draft, "history")).content.decode()
    assert admin_url(live_release_with_draft, "draft_compare") in content


def test_no_draft_no_draft_comparison(publisher_client):
    release = factories.NewsReleaseFactory()
    assert publisher_client.get(admin_url(release, "draft_compare")).status_code == 404
    assert publisher_client.get(admin_url(release, "history_compare"), {"draft": "1"}).status_code == 404
    history = publisher_client.get(admin_url(release, "history")).content.decode()
    assert admin_url(release, "draft_compare") not in history


def test_the_history_query_count_does_not_grow_with_its_versions(publisher_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cache import content_state

    def history_queries(versions):
        with revisions.create_revision():
            release = factories.NewsReleaseFactory(status=Status.DRAFT)
            factories.RelatedLinkFactory(release=release)
        for n in range(versions):
            with revisions.create_revision():
                release.lead_fr = f"Chapeau {n}"
                release.save()
                link = release.links.get()
                link.label_fr = f"Lien {n}"
                link.save()
        content_state()  # the page cache's epoch is known in both measurements (saves no longer renew it)
        with CaptureQueriesContext(connection) as queries:
            _response, listed = entries(publisher_client, release)
        assert len(listed) == versions + 1
        assert listed[0]["changes"] == ["Chapeau (français)", "Lien associé : libellé (français)"]
        return len(queries)

    assert history_queries(12) == history_queries(2)


@pytest.mark.parametrize(("model", "factory", "title_field"), [(c[0], c[1], c[3]) for c in CASES], ids=IDS)
def test_every_content_type_lists_and_compares_its_changes(publisher_client, model, factory, title_field):
    with revisions.create_revision():
        obj = factory()
    with revisions.create_revision():
        setattr(obj, title_field, "Nouveau nom")
        obj.save()
    _response, (latest, _first) = entries(publisher_client, obj)
    assert latest["changes"] == [field_label(model._meta.get_field(title_field))]
    assert "[" not in latest["changes"][0] and (title_field == "name" or "(français)" in latest["changes"][0])
    older, newer = Version.objects.get_for_object(obj).order_by("pk")
    response = publisher_client.get(admin_url(obj, "history_compare"), {"a": older.pk, "b": newer.pk})
    assert [row["new"] for row in response.context["rows"]] == ["Nouveau nom"]

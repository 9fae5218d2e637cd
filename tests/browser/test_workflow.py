"""Relecture et publication in Chromium: drafts of live items, submit, send back, schedule, preview.

"Rédaction" edits a published release: the public page does not change
until "Publication" publishes. The editor submits with a message; the
publisher finds it under "À relire" on the admin home, previews it and sends
it back with a comment; once fixed and submitted again it is scheduled and
goes live by itself on the first request after its time. Two people saving
the same item: the later save is refused and keeps what was typed. The
preview shows what is in the form, unsaved. A refused publication keeps the
uploaded image.

The service- and admin-level tests of the same features are in
tests/editorial/test_drafts.py.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from editorial.drafts import draft_for, materialized, serialize_graph
from editorial.models import DraftState
from editorial.roles import roles_setup
from editorial.workflow import draft_reject, draft_save, draft_submit
from news.models import NewsRelease
from tests.browser.conftest import log_in
from tests.factories import NewsReleaseFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE_TITLE = "Titre en ligne du communiqué"


@pytest.fixture
def people():
    """(editor of "Rédaction", publisher of "Publication"); transactional tests flush the groups of post_migrate."""
    roles_setup()
    return UserFactory(groups=["Rédaction"]), UserFactory(groups=["Publication"])


@pytest.fixture
def release():
    return NewsReleaseFactory(title_fr=LIVE_TITLE, title_en="Live title of the release")


def anonymous(browser):
    """A reader of the public site, without an account: a context of its own, no session cookie."""
    return browser.new_context(locale="fr-FR").new_page()


def change_url(live_server, obj):
    return f"{live_server.url}/admin/news/newsrelease/{obj.pk}/change/"


def public_url(live_server, obj):
    return f"{live_server.url}{obj.get_absolute_url_in('fr')}"


def open_preview(page, button="Prévisualiser"):
    """Click a "Prévisualiser" button of the object tools: the form is posted to a new window."""
    with page.context.expect_page() as preview_info:
        page.get_by_role("button", name=button, exact=True).click()
    preview = preview_info.value
    preview.wait_for_load_state()
    return preview


def test_an_editor_edit_of_a_live_release_leaves_the_public_page_unchanged(live_server, chromium, people, release):
    from playwright.sync_api import expect

    editor, _publisher = people
    reader = anonymous(chromium)
    assert reader.goto(public_url(live_server, release)).status == 200
    expect(reader.locator("h1")).to_have_text(LIVE_TITLE)

    page = log_in(chromium, live_server, editor)
    page.goto(change_url(live_server, release))
    expect(page.locator(".workflow-banner")).to_have_count(0)  # no draft yet
    page.fill("#id_title_fr", "Titre révisé par la rédaction")
    page.fill("#id_dateline_fr", "Lyon")
    page.click('input[name="_continue"]')

    expect(page.locator(".messagelist")).to_contain_text("La version en ligne n’a pas changé")
    expect(page.locator("#id_title_fr")).to_have_value("Titre révisé par la rédaction")  # the form shows the draft
    banner = page.locator(".workflow-banner").first
    expect(banner).to_contain_text("Modifications non publiées depuis le")
    expect(banner).to_contain_text(f"par {editor.username}")

    assert reader.goto(public_url(live_server, release)).status == 200
    expect(reader.locator("h1")).to_have_text(LIVE_TITLE)
    expect(reader.locator("body")).not_to_contain_text("Titre révisé par la rédaction")
    expect(reader.locator("body")).not_to_contain_text("Lyon")
    release.refresh_from_db()
    assert (release.title_fr, release.dateline_fr) == (LIVE_TITLE, "Genève")
    assert draft_for(release).data["object"]["fields"]["title_fr"] == "Titre révisé par la rédaction"


def test_submitted_then_previewed_and_sent_back_with_a_comment(live_server, chromium, people, release):
    from playwright.sync_api import expect

    editor, publisher = people
    page = log_in(chromium, live_server, editor)
    page.goto(change_url(live_server, release))
    expect(page.locator('button[name="_publish"]')).to_have_count(0)  # Rédaction does not publish
    page.fill("#id_title_fr", "Titre soumis à la relecture")
    page.fill("#id_editorial_message", "À relire avant jeudi, merci.")
    page.get_by_role("button", name="Soumettre pour publication").click()
    expect(page.locator(".messagelist")).to_contain_text("est soumis pour publication")
    assert draft_for(release).state == DraftState.SUBMITTED

    # Publication finds it on the admin home, under "À relire".
    reviewer = log_in(chromium, live_server, publisher)
    to_review = reviewer.locator("#dashboard-to-review")
    expect(to_review.locator("h2")).to_contain_text("À relire (1)")
    expect(to_review).to_contain_text("À relire avant jeudi, merci.")
    to_review.get_by_role("link", name=LIVE_TITLE).click()
    expect(reviewer).to_have_url(re.compile(rf"/admin/news/newsrelease/{release.pk}/change/$"))
    expect(reviewer.locator(".workflow-banner--submitted")).to_contain_text(
        f"Soumis pour publication par {editor.username}")
    expect(reviewer.locator(".workflow-banner--submitted")).to_contain_text("À relire avant jeudi, merci.")
    expect(reviewer.locator("#id_title_fr")).to_have_value("Titre soumis à la relecture")

    # The preview shows the submitted text in the public template.
    preview = open_preview(reviewer)
    expect(preview.frame_locator("iframe.form-preview__frame").locator("h1")).to_have_text(
        "Titre soumis à la relecture")
    preview.close()

    reviewer.fill("#id_editorial_comment", "Le titre est trop long : raccourcissez-le.")
    reviewer.get_by_role("button", name="Renvoyer en rédaction").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("est renvoyé en rédaction")
    draft = draft_for(release)
    assert (draft.state, draft.review_comment) == (DraftState.DRAFT, "Le titre est trop long : raccourcissez-le.")

    # The editor sees the comment on the item.
    page.goto(change_url(live_server, release))
    returned = page.locator(".workflow-banner--returned")
    expect(returned).to_contain_text("Renvoyé en rédaction")
    expect(returned).to_contain_text("Le titre est trop long : raccourcissez-le.")
    release.refresh_from_db()
    assert release.title_fr == LIVE_TITLE


def test_fixed_resubmitted_and_scheduled_it_goes_live_on_the_first_request_after_its_time(
        live_server, chromium, people, release, settings):
    from playwright.sync_api import expect

    settings.PAGE_CACHE_SECONDS = 600  # the page cache's content state applies what comes due
    editor, publisher = people
    # Where the previous flow left it: submitted, then sent back with a comment.
    with materialized(release):
        release.title_fr = "Titre beaucoup trop long soumis à la relecture"
        release.save()
        graph = serialize_graph(release)
    draft_save(obj=release, graph=graph, user=editor)
    draft_submit(obj=release, user=editor, message="À relire")
    draft_reject(obj=release, user=publisher, comment="Raccourcissez le titre.")

    page = log_in(chromium, live_server, editor)
    page.goto(change_url(live_server, release))
    expect(page.locator(".workflow-banner--returned")).to_contain_text("Raccourcissez le titre.")
    page.fill("#id_title_fr", "Titre raccourci")
    page.fill("#id_editorial_message", "C’est corrigé.")
    page.get_by_role("button", name="Soumettre pour publication").click()
    expect(page.locator(".messagelist")).to_contain_text("est soumis pour publication")

    reviewer = log_in(chromium, live_server, publisher)
    reviewer.goto(change_url(live_server, release))
    expect(reviewer.locator(".workflow-banner--submitted")).to_contain_text("C’est corrigé.")
    # Two minutes ahead, rounded up to the minute the datetime-local input takes.
    at = timezone.localtime(timezone.now() + timedelta(minutes=3)).replace(second=0, microsecond=0)
    reviewer.fill("#id_editorial_go_live_at", at.strftime("%Y-%m-%dT%H:%M"))
    reviewer.get_by_role("button", name="Programmer", exact=True).click()
    expect(reviewer.locator(".messagelist")).to_contain_text("sera publié le")
    draft = draft_for(release)
    assert draft.state == DraftState.SCHEDULED and draft.go_live_at == at

    reader = anonymous(chromium)
    assert reader.goto(public_url(live_server, release)).status == 200
    expect(reader.locator("h1")).to_have_text(LIVE_TITLE)

    with time_machine.travel(at + timedelta(seconds=5), tick=True):
        response = reader.goto(public_url(live_server, release))  # a new slug redirects from the old address
        assert response.status == 200
        expect(reader.locator("h1")).to_have_text("Titre raccourci")
    release.refresh_from_db()
    assert release.title_fr == "Titre raccourci" and release.is_published
    assert draft_for(release) is None


def test_the_later_of_two_saves_is_refused_and_keeps_what_was_typed(live_server, chromium, people, release):
    from playwright.sync_api import expect

    editor, publisher = people
    first = log_in(chromium, live_server, editor)
    second = log_in(chromium, live_server, publisher)
    first.goto(change_url(live_server, release))
    second.goto(change_url(live_server, release))

    first.fill("#id_dateline_fr", "Lyon")
    first.click('input[name="_continue"]')
    expect(first.locator(".messagelist")).to_contain_text("La version en ligne n’a pas changé")

    second.fill("#id_dateline_fr", "Strasbourg")
    second.click('input[name="_continue"]')
    refusal = second.locator(".errornote, .errorlist").filter(has_text="pendant que vous le modifiiez")
    expect(refusal.first).to_contain_text(editor.username)
    expect(refusal.first).to_contain_text("Vos modifications ne sont pas enregistrées")
    expect(second.locator("#id_dateline_fr")).to_have_value("Strasbourg")  # what was typed is still there

    assert draft_for(release).data["object"]["fields"]["dateline_fr"] == "Lyon"
    release.refresh_from_db()
    assert release.dateline_fr == "Genève"


def test_the_preview_shows_unsaved_edits_at_phone_and_desktop_width_and_saves_nothing(
        live_server, chromium, people, release):
    from playwright.sync_api import expect

    editor, _publisher = people
    page = log_in(chromium, live_server, editor)
    page.goto(change_url(live_server, release))
    page.fill("#id_title_fr", "Titre pas encore enregistré")

    preview = open_preview(page)
    expect(preview.locator(".form-preview__note")).to_contain_text("rien n’est enregistré")
    frame = preview.locator("iframe.form-preview__frame")
    expect(preview.frame_locator("iframe.form-preview__frame").locator("h1")).to_have_text(
        "Titre pas encore enregistré")
    expect(preview.locator("aside.form-preview__checks")).to_contain_text("Vérifications d’accessibilité")
    expect(frame).to_have_class(re.compile(r"form-preview__frame--desktop"))

    preview.get_by_role("link", name="Français, téléphone").click()
    expect(frame).to_have_class(re.compile(r"form-preview__frame--phone"))
    expect(preview.frame_locator("iframe.form-preview__frame").locator("h1")).to_have_text(
        "Titre pas encore enregistré")
    # The public page inside is laid out 375 px wide; the box adds the frame's 1 px border on each side.
    assert frame.evaluate("element => element.clientWidth") == 375
    assert 375 <= frame.bounding_box()["width"] <= 377

    preview.get_by_role("link", name="Français, ordinateur").click()
    expect(frame).to_have_class(re.compile(r"form-preview__frame--desktop"))
    assert frame.bounding_box()["width"] > 600
    preview.close()

    # The form still has the unsaved text; the database and the public page have nothing of it.
    expect(page.locator("#id_title_fr")).to_have_value("Titre pas encore enregistré")
    release.refresh_from_db()
    assert release.title_fr == LIVE_TITLE and draft_for(release) is None
    reader = anonymous(chromium)
    assert reader.goto(public_url(live_server, release)).status == 200
    expect(reader.locator("h1")).to_have_text(LIVE_TITLE)


def test_a_refused_publication_keeps_the_chosen_image(live_server, chromium, people, release, png_upload):
    from playwright.sync_api import expect

    from tests.factories import LibraryImageFactory

    _editor, publisher = people
    chosen = LibraryImageFactory(file=png_upload("camp.png", size=(120, 80)), title="Camp")  # no alt text

    page = log_in(chromium, live_server, publisher)
    page.goto(change_url(live_server, release))
    chooser = page.locator(".field-image .library-chooser")
    expect(chooser).to_contain_text("Aucune image choisie.")
    with page.expect_popup() as popup_info:
        chooser.get_by_role("link", name="Choisir une image").click()
    popup = popup_info.value
    with popup.expect_event("close"):
        popup.locator("#result_list").get_by_role("link", name="Camp").click()
    expect(chooser.locator(".library-chooser__title")).to_have_text("Camp")
    page.get_by_role("button", name="Publier", exact=True).click()

    expect(page.locator(".messagelist .error")).to_contain_text("n’est pas publié")
    expect(page.locator(".messagelist .error")).to_contain_text("texte alternatif")
    release.refresh_from_db()
    assert release.image is None  # nothing went live
    assert draft_for(release).data["object"]["fields"]["image"] == chosen.pk

    page.goto(change_url(live_server, release))  # the draft still holds the choice
    expect(chooser.locator(".library-chooser__title")).to_have_text("Camp")
    expect(chooser.locator("img.library-chooser__thumbnail")).to_be_visible()
    assert NewsRelease.objects.get(pk=release.pk).image is None

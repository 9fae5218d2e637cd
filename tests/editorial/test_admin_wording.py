"""The admin in French that a communications officer reads without stumbling: articles, genders, agreement."""

import re

import pytest
from django.urls import reverse

from core.models import Status
from news.models import NewsRelease
from pages.models import Page
from tests import factories

from .conftest import admin_url

pytestmark = pytest.mark.django_db


def text(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


CASES = [
    (factories.NewsReleaseFactory, "Choisissez le communiqué à modifier", "Ajouter un communiqué",
     "Modifier le communiqué", "Supprimer les communiqués sélectionnés", "Récupérer des communiqués supprimés"),
    (factories.PageFactory, "Choisissez la page à modifier", "Ajouter une page",
     "Modifier la page", "Supprimer les pages sélectionnées", "Récupérer des pages supprimées"),
    (factories.PartnerFactory, "Choisissez le partenaire à modifier", "Ajouter un partenaire",
     "Modifier le partenaire", "Supprimer les partenaires sélectionnés", "Récupérer des partenaires supprimés"),
    (factories.ProgrammeAreaFactory, "Choisissez le domaine de programme à modifier",
     "Ajouter un domaine de programme", "Modifier le domaine de programme",
     "Supprimer les domaines de programme sélectionnés", "Récupérer des domaines de programme supprimés"),
    (factories.PublicationFactory, "Choisissez la publication à modifier", "Ajouter une publication",
     "Modifier la publication", "Supprimer les publications sélectionnées",
     "Récupérer des publications supprimées"),
    (factories.OfficeFactory, "Choisissez le bureau à modifier", "Ajouter un bureau", "Modifier le bureau",
     "Supprimer les bureaux sélectionnés", "Récupérer des bureaux supprimés"),
]


@pytest.mark.parametrize(("factory", "choose", "add", "change", "delete", "recover"), CASES)
def test_titles_and_buttons_name_the_content_with_its_article_and_gender(
        publisher_client, factory, choose, add, change, delete, recover):
    obj = factory()
    listing = text(publisher_client.get(admin_url(obj, "changelist")))
    assert f"<title>{choose} |" in publisher_client.get(admin_url(obj, "changelist")).content.decode()
    assert choose in listing and add in listing and recover in listing and delete in listing
    assert "l’objet" not in listing and "Sélectionnez" not in listing
    assert add in text(publisher_client.get(admin_url(obj, "add")))
    changing = text(publisher_client.get(admin_url(obj, "change")))
    assert change in changing and "Modification de" not in changing
    assert recover in text(publisher_client.get(admin_url(obj, "recoverlist")))


def test_person_list_agrees_in_the_feminine(publisher_client):
    person = factories.PersonFactory()
    listing = text(publisher_client.get(admin_url(person, "changelist")))
    assert "Supprimer les personnes sélectionnées" in listing
    assert "Choisissez la personne à modifier" in listing


def test_filters_have_their_own_titles(publisher_client):
    factories.PageFactory()
    listing = text(publisher_client.get(admin_url(Page, "changelist")))
    assert "Dans le menu" in listing and "Étape" in listing
    assert "Par dans le menu" not in listing and "Par statut" not in listing
    factories.NewsReleaseFactory()
    html = publisher_client.get(admin_url(NewsRelease, "changelist")).content.decode()
    titles = [title.strip() for title in re.findall(r"<summary>(.*?)</summary>", html, re.S)]
    assert "Date de publication" in titles and "Traduction" in titles
    assert not [title for title in titles if title.startswith("Par ")]


def test_english_admin_gets_english_titles(publisher_client):
    factories.NewsReleaseFactory()
    listing = text(publisher_client.get(admin_url(NewsRelease, "changelist"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Choose the release to change" in listing and "Add a release" in listing


def messages_of(response):
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_bulk_publish_counts_with_the_models_noun_and_agreement(publisher_client):
    releases = [factories.NewsReleaseFactory(status=Status.DRAFT) for _ in range(3)]
    response = publisher_client.post(admin_url(NewsRelease, "changelist"), {
        "action": "publish", "_selected_action": [r.pk for r in releases]}, follow=True)
    assert messages_of(response) == [("success", "3 communiqués publiés.")]
    assert NewsRelease.objects.filter(status=Status.PUBLISHED).count() == 3

    page = factories.PageFactory(status=Status.DRAFT)
    response = publisher_client.post(admin_url(Page, "changelist"), {
        "action": "publish", "_selected_action": [page.pk]}, follow=True)
    assert messages_of(response) == [("success", "1 page publiée.")]
    response = publisher_client.post(admin_url(Page, "changelist"), {
        "action": "unpublish", "_selected_action": [page.pk]}, follow=True)
    assert messages_of(response) == [("success", "1 page dépubliée.")]


def test_bulk_publish_that_publishes_nothing_warns_with_the_reasons(publisher_client, png_upload):
    bad = factories.NewsReleaseFactory(status=Status.DRAFT, image=png_upload(), image_alt_fr="")
    response = publisher_client.post(admin_url(NewsRelease, "changelist"), {
        "action": "publish", "_selected_action": [bad.pk]}, follow=True)
    [(level, message)] = messages_of(response)
    assert level == "warning"
    assert message.startswith("Aucun communiqué n’a été publié :")
    assert bad.title_fr in message and "n’est pas publié" in message
    assert "0 élément" not in message
    bad.refresh_from_db()
    assert bad.status == Status.DRAFT

    page = factories.PageFactory(status=Status.PUBLISHED)
    response = publisher_client.post(admin_url(Page, "changelist"), {
        "action": "publish", "_selected_action": [page.pk]}, follow=True)
    [(level, message)] = messages_of(response)
    assert level == "warning" and message.startswith("Aucune page n’a été publiée :")
    assert "déjà en ligne" in message


def test_publishing_from_the_form_does_not_also_say_changed_successfully(publisher_client):
    from .conftest import page_form

    page = factories.PageFactory(status=Status.DRAFT, title_fr="À propos", slug_fr="a-propos", slug_en="about")
    response = publisher_client.post(admin_url(page, "change"), {**page_form(), "_publish": "1"}, follow=True)
    said = " ".join(message for _, message in messages_of(response))
    assert "est publié" in said
    assert "avec succès" not in said


def test_a_plain_save_says_what_was_saved_with_agreement_not_django_s_generic_sentence(admin_client):
    from tests.oim_site.test_admin import page_data, publishing

    response = admin_client.post(reverse("admin:pages_page_add"), {**page_data(3), **publishing("draft")},
                                 follow=True)
    html = response.content.decode()
    assert "La page « À propos 3 » est enregistrée." in html
    assert "avec succès" not in html and "L’objet" not in html

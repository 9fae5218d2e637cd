"""The workflow's e-mails: Publication hears of a submission, the author of a decision; a dead server loses nothing."""

import os
import smtplib
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.utils import timezone

from editorial.drafts import draft_for, serialize_graph
from editorial.models import Draft, DraftState
from editorial.roles import roles_setup
from editorial.workflow import content_publish, draft_reject, draft_save, draft_submit, publish_due_drafts
from pages.models import Page
from tests import factories

from .conftest import admin_url, page_form

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses everything."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("serveur injoignable")


FAILING = f"{__name__}.FailingBackend"


@pytest.fixture
def release():
    return factories.NewsReleaseFactory(title_fr="Accueil des réfugiés à Marseille")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a real transaction would (the test's own never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_submission_mails_every_active_publisher_with_an_address(
    editor, publisher, release, mailoutbox, run_on_commit, settings,
):
    settings.SITE_URL = "https://www.oim.example"
    other = factories.UserFactory(groups=["Publication"])
    factories.UserFactory(groups=["Publication"], is_active=False)
    factories.UserFactory(groups=["Publication"], email="")
    factories.UserFactory(groups=["Rédaction"])
    with run_on_commit():
        draft_submit(obj=release, user=editor, message="À relire avant jeudi, merci.")

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert sorted(mail.to) == sorted([publisher.email, other.email])
    assert mail.subject == "[OIM France] À relire : « Accueil des réfugiés à Marseille » (communiqué de presse)"
    assert editor.get_username() in mail.body and "À relire avant jeudi, merci." in mail.body
    assert f"https://www.oim.example{admin_url(release, 'change')}" in mail.body


def test_nothing_is_mailed_before_the_change_is_committed(editor, publisher, release, mailoutbox,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        draft_submit(obj=release, user=editor)
    assert mailoutbox == [] and len(waiting) == 1


def test_publishing_mails_the_author_with_the_link(editor, publisher, release, mailoutbox, run_on_commit):
    draft_save(obj=release, graph=serialize_graph(release), user=editor)
    draft_submit(obj=release, user=editor)
    with run_on_commit():
        assert content_publish(obj=release, user=publisher) == []

    assert [mail.to for mail in mailoutbox] == [[editor.email]]
    mail = mailoutbox[0]
    assert mail.subject.startswith("[OIM France] Publié : « Accueil des réfugiés à Marseille »")
    assert publisher.get_username() in mail.body and "en ligne" in mail.body
    assert f"http://127.0.0.1:8000{admin_url(release, 'change')}" in mail.body


def test_sending_back_mails_the_author_with_the_comment(editor, publisher, release, mailoutbox, run_on_commit):
    draft_submit(obj=release, user=editor)
    with run_on_commit():
        draft_reject(obj=release, user=publisher, comment="Le chapeau est trop long.")

    assert [mail.to for mail in mailoutbox] == [[editor.email]]
    assert "Renvoyé en rédaction" in mailoutbox[0].subject
    assert "Le chapeau est trop long." in mailoutbox[0].body
    assert admin_url(release, "change") in mailoutbox[0].body


def test_a_scheduled_draft_mails_its_author_when_scheduled_and_when_it_goes_live(
    editor, publisher, release, mailoutbox, run_on_commit,
):
    draft_save(obj=release, graph=serialize_graph(release), user=editor)
    draft_submit(obj=release, user=editor)
    at = timezone.now() + timedelta(days=2)
    with run_on_commit():
        assert content_publish(obj=release, user=publisher, at=at) == []
    assert draft_for(release).state == DraftState.SCHEDULED
    assert "Programmé" in mailoutbox[0].subject and mailoutbox[0].to == [editor.email]
    assert timezone.localtime(at).strftime("%H:%M") in mailoutbox[0].body

    Draft.objects.update(go_live_at=timezone.now() - timedelta(minutes=1))
    with run_on_commit():
        assert publish_due_drafts() == 1
    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == [editor.email] and "Publié" in mailoutbox[1].subject


def test_nobody_is_mailed_about_their_own_decision(publisher, release, mailoutbox, run_on_commit):
    with run_on_commit():
        draft_submit(obj=release, user=publisher)  # the only publisher: nobody else to ask
        content_publish(obj=release, user=publisher)
    assert mailoutbox == []


def test_a_refused_mail_keeps_the_change_and_reports_it(editor, publisher, release, run_on_commit, settings,
                                                        caplog):
    settings.EMAIL_BACKEND = FAILING
    reported = []
    with run_on_commit():
        draft_submit(obj=release, user=editor, message="Urgent", on_mail_failure=reported.append)
    assert draft_for(release).state == DraftState.SUBMITTED
    assert reported == ["Le courriel au groupe Publication n’a pas pu être envoyé : serveur injoignable"]
    assert "serveur injoignable" in caplog.text


@pytest.fixture
def committed_users(transactional_db):
    roles_setup()  # a transactional test starts from a flushed database
    return factories.UserFactory(groups=["Rédaction"]), factories.UserFactory(groups=["Publication"])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def warnings_of(response):
    return [str(message) for message in response.context["messages"] if message.level_tag == "warning"]


@pytest.mark.django_db(transaction=True)
def test_the_admin_says_the_mail_was_not_sent_and_the_submission_stands(committed_users, settings, caplog):
    editor, _publisher = committed_users
    settings.EMAIL_BACKEND = FAILING
    response = logged_in(editor).post(admin_url(Page, "add"), {**page_form(), "_submit": "1",
                                                               "editorial_message": "Pour lundi"}, follow=True)
    assert response.status_code == 200
    page = Page.objects.get()
    draft = draft_for(page)
    assert (draft.state, draft.message) == (DraftState.SUBMITTED, "Pour lundi")
    assert warnings_of(response) == [
        "Le courriel au groupe Publication n’a pas pu être envoyé : serveur injoignable"]
    assert "est soumis pour publication" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_admin_publishes_even_if_the_author_cannot_be_told(committed_users, settings, mailoutbox):
    editor, publisher = committed_users
    logged_in(editor).post(admin_url(Page, "add"), {**page_form(), "_submit": "1"})
    page = Page.objects.get()
    assert [mail.to for mail in mailoutbox] == [[publisher.email]]

    settings.EMAIL_BACKEND = FAILING
    response = logged_in(publisher).post(admin_url(page, "change"), {**page_form(), "_publish": "1"}, follow=True)
    page.refresh_from_db()
    assert page.is_published
    assert warnings_of(response) == [
        f"Le courriel à l’auteur ({editor.get_username()}) n’a pas pu être envoyé : serveur injoignable"]


def _mail_settings(**environ):
    env = {key: value for key, value in os.environ.items() if not key.startswith("EMAIL_")}
    env.update({"DJANGO_DEBUG": "1", **environ})
    code = ("from oim_site import settings as s; print(s.EMAIL_BACKEND, getattr(s, 'EMAIL_PORT', '-'), "
            "getattr(s, 'EMAIL_USE_TLS', '-'), getattr(s, 'EMAIL_USE_SSL', '-'), s.EMAIL_TIMEOUT, s.SITE_URL)")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.split()


def test_mail_goes_to_the_console_unless_a_server_is_configured():
    assert _mail_settings() == ["django.core.mail.backends.console.EmailBackend", "-", "-", "-", "10",
                                "http://127.0.0.1:8000"]
    assert _mail_settings(EMAIL_HOST="smtp.example.org", EMAIL_PORT="465", EMAIL_USE_SSL="1",
                          DJANGO_SITE_URL="https://www.oim.example/") == [
        "django.core.mail.backends.smtp.EmailBackend", "465", "False", "True", "10", "https://www.oim.example"]

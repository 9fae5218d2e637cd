"""The workflow's e-mails: who must act on an item, and who should know what happened to theirs.

Submitting an item asks every active member of "Publication" who has an
address to review it; publishing, scheduling or sending it back tells its
author (``Draft.author``). The mails are in French, the staff's language,
and link to the item's admin page under ``settings.SITE_URL``.

A mail goes out once the change it reports is committed
(``transaction.on_commit``): a refused or slow mail server never loses nor
holds the change. A failure is logged and handed to ``on_failure`` (a
sentence for the person who acted: the admin shows it as a warning).
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .roles import PUBLISHERS

logger = logging.getLogger(__name__)

#: What a mail server, or the network on the way to it, raises when it does not take a mail.
MAIL_ERRORS = (OSError, smtplib.SMTPException)

#: What the person who acted reads when a mail did not go (in their own language, not the mail's).
PUBLISHERS_NOT_SENT = gettext_lazy("Le courriel au groupe Publication n’a pas pu être envoyé : %(error)s")
AUTHOR_NOT_SENT = gettext_lazy("Le courriel à l’auteur (%(name)s) n’a pas pu être envoyé : %(error)s")


def admin_link(obj):
    """The absolute address of ``obj``'s admin change page, for a mail read outside the site."""
    opts = obj._meta
    return settings.SITE_URL + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def display_name(user):
    if user is None:
        return _("quelqu’un")
    return user.get_full_name() or user.get_username()


def publisher_addresses(exclude=None):
    """The addresses of every active member of "Publication", but ``exclude`` (who acted)."""
    users = get_user_model().objects.filter(groups__name=PUBLISHERS, is_active=True).exclude(email="")
    if exclude is not None and exclude.pk is not None:
        users = users.exclude(pk=exclude.pk)
    return sorted(set(users.values_list("email", flat=True)))


def _describe(obj):
    return {"object": str(obj), "type": obj._meta.verbose_name}


def _body(lines, obj):
    return "\n\n".join([*lines, _("Ouvrir le contenu dans l’administration :") + f"\n{admin_link(obj)}",
                        "— " + settings.SITE_NAME])


def _subject(text):
    # One line: a title with a line break would make the mail's headers invalid.
    return " ".join(f"[{settings.SITE_NAME}] {text}".split())


def _send_after_commit(message, failure, on_failure):
    """Send ``message`` once the transaction commits; on failure, log and call ``on_failure(sentence)``.

    ``failure`` is (template, parameters) of that sentence, put together at send time.
    """
    if not message.to:
        return

    def send():
        try:
            get_connection(fail_silently=False).send_messages([message])
        except MAIL_ERRORS as error:
            logger.warning("Notification not sent to %s (%s): %s", ", ".join(message.to), message.subject, error)
            if on_failure is not None:
                template, params = failure
                on_failure(str(template) % {**params, "error": error})

    transaction.on_commit(send)


def notify_submitted(*, obj, user, message="", on_failure=None):
    """Ask "Publication" to review ``obj``, submitted by ``user`` with ``message``."""
    with translation.override(settings.LANGUAGE_CODE):
        names = _describe(obj)
        lines = [_("%(user)s a soumis « %(object)s » (%(type)s) pour publication.") % {
            **names, "user": display_name(user)}]
        lines.append(_("Son message :") + f"\n{message}" if message else _("Aucun message."))
        mail = EmailMessage(
            subject=_subject(_("À relire : « %(object)s » (%(type)s)") % names),
            body=_body(lines, obj), to=publisher_addresses(exclude=user),
        )
    _send_after_commit(mail, (PUBLISHERS_NOT_SENT, {}), on_failure)


def _notify_author(*, obj, author, user, subject, lines, on_failure):
    if author is None or not author.is_active or not author.email or author == user:
        return  # nobody to tell, or the author did it themself
    mail = EmailMessage(subject=_subject(subject), body=_body(lines, obj), to=[author.email])
    _send_after_commit(mail, (AUTHOR_NOT_SENT, {"name": display_name(author)}), on_failure)


def notify_published(*, obj, author, user, at=None, on_failure=None):
    """Tell ``author`` that ``user`` published ``obj`` (``at``: scheduled for then)."""
    with translation.override(settings.LANGUAGE_CODE):
        names = {**_describe(obj), "user": display_name(user)}
        if at is not None and at > timezone.now():
            names["date"] = date_format(timezone.localtime(at), "DATETIME_FORMAT")
            subject = _("Programmé : « %(object)s » (%(type)s)") % names
            lines = [_("%(user)s a programmé la publication de « %(object)s » (%(type)s) pour le %(date)s.") % names]
        else:
            subject = _("Publié : « %(object)s » (%(type)s)") % names
            lines = [_("%(user)s a publié « %(object)s » (%(type)s) : il est en ligne.") % names]
        _notify_author(obj=obj, author=author, user=user, subject=subject, lines=lines, on_failure=on_failure)


def notify_rejected(*, obj, author, user, comment="", on_failure=None):
    """Tell ``author`` that ``user`` sent ``obj`` back to "Rédaction", with the comment."""
    with translation.override(settings.LANGUAGE_CODE):
        names = {**_describe(obj), "user": display_name(user)}
        lines = [_("%(user)s a renvoyé « %(object)s » (%(type)s) en rédaction.") % names]
        lines.append(_("Son commentaire :") + f"\n{comment}" if comment else _("Aucun commentaire."))
        subject = _("Renvoyé en rédaction : « %(object)s » (%(type)s)") % names
        _notify_author(obj=obj, author=author, user=user, subject=subject, lines=lines, on_failure=on_failure)

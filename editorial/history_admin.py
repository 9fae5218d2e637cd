"""History in the admin: every content admin's list of versions, and the comparisons.

Each entry of the list says what really changed since the version before it
(editorial.diff, the same rules as the comparison page), who did it and when,
to the second. The comparison shows the visible text with the words added
and removed, the HTML on demand; the live version can be compared with the
item's draft (``<app>_<model>_draft_compare``).
"""

import functools
import json
import re

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion.revisions import is_active, set_comment

from .diff import changed_labels, snapshot_diff, snapshot_of_graph, snapshot_of_version
from .drafts import draft_for, serialize_graph

#: The time of a version, to the second: "1 décembre 2026 à 21:04:37".
SECONDS_FORMAT = _("j F Y à H:i:s")


#: The admin's own change messages ("Ajout.", "Modification de {fields}." …), as older revisions stored them.
_ADMIN_MESSAGES = ("Added.", "Initial version.", "No fields changed.", "Changed {fields}.",
                   "Changed {fields} for {name} “{object}”.", "Added {name} “{object}”.", "Deleted {name} “{object}”.")


@functools.cache
def _admin_text_pattern():
    sentences = set()
    for language in ("fr", "en"):
        with translation.override(language):
            for message in _ADMIN_MESSAGES:
                domain = gettext(message)
                sentences.add(re.sub(r"\\\{\w+\\\}", ".+?", re.escape(domain)))
    return re.compile(rf"^(?:\s*(?:{'|'.join(sorted(sentences))}))+\s*$", re.S)


@functools.cache
def _added_texts():
    texts = set()
    for language in ("fr", "en"):
        with translation.override(language):
            texts |= {gettext("Added."), gettext("Initial version.")}
    return texts


def _admin_message(comment):
    """The change message the admin's own save wrote (a JSON list), or None for a comment of ours."""
    if not comment or not comment.startswith("["):
        return None
    try:
        message = json.loads(comment)
    except ValueError:
        return None
    return message if isinstance(message, list) else None


def entry_comment(revision):
    """What an entry says besides its fields: our own comment ("Publié", "Dépublié", "Programmé pour le …").

    The admin's generic "Modification de …" is dropped: the fields that really
    changed are listed instead. Its "Ajout" becomes "Création".
    """
    comment = revision.comment or ""
    message = _admin_message(comment)
    if message is not None:
        added = any(isinstance(part, dict) and "added" in part and not part["added"] for part in message)
        return gettext("Création") if added else ""
    if comment.strip() in _added_texts():
        return gettext("Création")
    if _admin_text_pattern().match(comment):
        return ""
    return comment


class HistoryAdminMixin(VersionAdmin):
    """History, restore, recover and compare, for every content admin."""

    object_history_template = "editorial/object_history.html"
    history_latest_first = True

    # The admin's change message is kept as data (the JSON of Django's LogEntry), not as text in the
    # language of whoever saved: the history lists the fields that really changed instead of it.

    def log_addition(self, request, object, message):
        entry = super(VersionAdmin, self).log_addition(request, object, message or [{"added": {}}])
        if is_active():
            set_comment(entry.change_message)
        return entry

    def log_change(self, request, object, message):
        entry = super(VersionAdmin, self).log_change(request, object, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def _editorial_url(self, suffix, view):
        opts = self.model._meta
        return path(f"<path:object_id>/{suffix}/", self.admin_site.admin_view(view),
                    name=f"{opts.app_label}_{opts.model_name}_{suffix.replace('/', '_')}")

    def get_urls(self):
        return [self._editorial_url("history/compare", self.compare_view),
                self._editorial_url("draft/compare", self.draft_compare_view), *super().get_urls()]

    def _admin_url(self, name, *args):
        opts = self.model._meta
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args)

    def history_view(self, request, object_id, extra_context=None):
        # reversion's own list, each entry with what changed since the one before, and its id for comparison.
        versions = list(
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user", "content_type")
            .prefetch_related("revision__version_set")
            .order_by("pk")
        )
        entries, previous = [], None
        for version in versions:
            snapshot = snapshot_of_version(version)
            entries.append({
                "revision": version.revision,
                "version_id": version.pk,
                "comment": entry_comment(version.revision),
                "changes": changed_labels(previous, snapshot) if previous is not None else [],
                "first": previous is None,
                "url": self._admin_url("revision", quote(version.object_id), version.pk),
            })
            previous = snapshot
        if self.history_latest_first:
            entries.reverse()
        obj = self.get_object(request, unquote(object_id))
        draft = draft_for(obj)
        context = {
            "action_list": entries,
            "seconds_format": SECONDS_FORMAT,
            "draft_compare_url": (self._admin_url("draft_compare", quote(obj.pk))
                                  if draft is not None and draft.has_changes else ""),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def _compare_response(self, request, obj, context):
        opts = self.model._meta
        return TemplateResponse(request, "editorial/compare.html", {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "seconds_format": SECONDS_FORMAT,
            "history_url": self._admin_url("history", quote(obj.pk)),
            **context,
        })

    def _object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def compare_view(self, request, object_id):
        """Field-by-field differences between two versions (``?a=<id>&b=<id>``), both languages.

        ``?draft=1`` compares the live version with the draft instead (draft_compare_view).
        """
        if request.GET.get("draft"):
            return self.draft_compare_view(request, object_id)
        obj = self._object_or_404(request, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision__user", "content_type")
        try:
            ids = sorted({int(request.GET["a"]), int(request.GET["b"])})
        except (KeyError, ValueError):
            raise Http404(_("Choisissez deux versions à comparer.")) from None
        older = get_object_or_404(versions, pk=ids[0])
        newer = get_object_or_404(versions, pk=ids[-1])
        return self._compare_response(request, obj, {
            "title": _("Comparer deux versions de « %(object)s »") % {"object": obj},
            "older": older,
            "newer": newer,
            "old_heading": _("Avant"),
            "new_heading": _("Après"),
            "rows": snapshot_diff(snapshot_of_version(older), snapshot_of_version(newer)),
        })

    def draft_compare_view(self, request, object_id):
        """The live version (what the public sees) against the draft waiting to be published; 404 without one."""
        obj = self._object_or_404(request, object_id)
        draft = draft_for(obj)
        if draft is None or not draft.has_changes:
            raise Http404(_("Cet élément n’a pas de brouillon en attente."))
        return self._compare_response(request, obj, {
            "title": _("Comparer la version en ligne de « %(object)s » et son brouillon") % {"object": obj},
            "draft": draft,
            "old_heading": _("En ligne"),
            "new_heading": _("Brouillon"),
            "change_url": self._admin_url("change", quote(obj.pk)),
            "rows": snapshot_diff(snapshot_of_graph(self.model, serialize_graph(obj)),
                                  snapshot_of_graph(self.model, draft.data)),
        })

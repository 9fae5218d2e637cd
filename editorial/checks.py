"""Accessibility and quality checks that must pass before an item is published.

``check_object(obj)`` inspects the item's images and the rich text of both
languages and returns the problems found, each with the field it concerns
and a message an editor understands. Drafts may fail them; publishing may not
(see ``ContentAdmin`` and ``services.content_status_set``).
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core.fields import RichTextField
from core.i18n import translated_fields
from core.registry import registry

VAGUE_LINK_TEXTS = {
    "cliquez ici", "cliquer ici", "ici", "lien", "ce lien", "lire la suite",
    "click here", "here", "link", "this link", "read more",
}


def link_label_fields(model):
    """{reverse accessor of the model's link objects: their label fields}, as registered."""
    entry = registry.get(model)
    return entry.link_labels if entry is not None else {}


def image_fields(model):
    """(library image field, the use's own alt field) of the model's illustrative images, as registered."""
    entry = registry.get(model)
    return entry.images if entry is not None else ()


@dataclass(frozen=True)
class Problem:
    field: str
    message: str | Promise

    def __str__(self):
        return str(self.message)


def normalise_link_text(text):
    return re.sub(r"\s+", " ", text).strip(" \t\n.…:!?»«\"'()[]").lower()


class _RichTextInspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []  # levels in document order
        self.images_without_alt = []  # src of each
        self.links = []  # (href, text)
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "img":
            alt = (attrs.get("alt") or "").strip()
            # role="presentation": a library image marked decorative (core.templatetags.site_tags.picture).
            if not alt and attrs.get("role") != "presentation":
                self.images_without_alt.append(attrs.get("src") or "")
            if self._link is not None:
                self._link[1].append(alt)
        elif tag == "a":
            self._link = (attrs.get("href") or "", [])

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            href, parts = self._link
            self.links.append((href, "".join(parts)))
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1].append(data)


def check_rich_text(html, field=""):
    """Problems in one rich-text value (headings, image alternatives, link texts)."""
    if not html:
        return []
    inspector = _RichTextInspector()
    inspector.feed(str(html))
    inspector.close()
    problems = []
    if 1 in inspector.headings:
        problems.append(Problem(field, _(
            "Le texte contient un titre de niveau 1 (h1) : ce niveau est réservé au titre de la page. "
            "Utilisez « Titre 2 » pour les intertitres."
        )))
    previous = 1  # the page title, printed by the template
    for level in inspector.headings:
        if level > previous + 1:
            problems.append(Problem(field, format_lazy(
                _("Les niveaux de titres se suivent sans saut : un titre h{level} suit un titre h{previous}. "
                  "Utilisez d’abord un titre h{expected}."),
                level=level, previous=previous, expected=previous + 1,
            )))
            break
        previous = max(level, 1)
    for src in inspector.images_without_alt:
        problems.append(Problem(field, format_lazy(
            _("Une image du texte n’a pas de texte alternatif ({src}) : décrivez-la dans la médiathèque, "
              "ou dans le champ « Texte alternatif » de l’image."),
            src=src.rsplit("/", 1)[-1] or "?",
        )))
    for _href, text in inspector.links:
        problems.extend(check_link_text(text, field))
    return problems


def check_link_text(text, field=""):
    if normalise_link_text(text or "") not in VAGUE_LINK_TEXTS:
        return []
    return [Problem(field, format_lazy(
        _("Le texte de lien « {text} » ne dit pas où mène le lien : écrivez plutôt le titre de la page "
          "ou du document visé."),
        text=text.strip(),
    ))]


def check_link_labels(values):
    """Labels of links kept outside the rich text (a release's "related links"): {column: text}."""
    problems = []
    for column, text in values.items():
        problems.extend(check_link_text(text, column))
    return problems


def rich_text_fields(model):
    """Concrete rich-text columns (``body_fr``, ``body_en``…), not modeltranslation's language-neutral view."""
    neutral = set(translated_fields(model))
    return [f.name for f in model._meta.concrete_fields if isinstance(f, RichTextField) and f.name not in neutral]


def check_images(obj):
    problems = []
    for image_field, alt_field in image_fields(type(obj)):
        image = getattr(obj, image_field, None)
        if image is None or image.decorative:
            continue
        # English falls back to French, so the French alternative is the one required: the use's or the library's.
        if not ((getattr(obj, f"{alt_field}_fr", None) or "").strip() or (image.alt_text_fr or "").strip()):
            problems.append(Problem(f"{alt_field}_fr", _(
                "L’image n’a pas de texte alternatif : décrivez-la en une phrase ici ou dans la médiathèque, "
                "ou marquez-la « décorative » dans la médiathèque si elle n’apporte aucune information."
            )))
    return problems


def check_object(obj, with_related=True):
    """Every problem that prevents publishing ``obj``, in field order.

    ``with_related`` adds the labels of its saved related links; the admin form
    checks the links being edited itself (see EditorialAdminMixin).
    """
    problems = check_images(obj)
    for name in rich_text_fields(type(obj)):
        # As readers get it: a library image without alt in the text takes the library's (core.registry).
        with override(settings.LANGUAGE_CODE):
            html = registry.process_html(getattr(obj, name, "") or "")
        problems.extend(check_rich_text(html, name))
    if with_related and obj.pk:
        for accessor, fields in link_label_fields(type(obj)).items():
            for related in getattr(obj, accessor).all():
                problems.extend(check_link_labels(
                    {f"{name}_{code}": getattr(related, f"{name}_{code}") for name in fields for code in ("fr", "en")}))
    return problems

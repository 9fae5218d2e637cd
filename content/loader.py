"""Logic that spans several apps.

``initial_content_load`` puts the content shipped in :mod:`content.data`
into the database. Each object is found again by a natural key (a page's
section or French slug, a partner's French slug, a person's name…), so a second
run creates nothing. What the admin has changed since is detected by comparing
the stored values with the shipped ones, without any bookkeeping column: an
object that differs is left alone unless ``reset`` is asked for.

Child rows (an office's activity domains, a release's links, an area's
projects and publications) are created with their parent. When the parent
already exists, a missing child is taken as deleted in the admin and is not
created again, except on ``reset``. ``reset`` restores shipped objects and
values; it never deletes what editors added.
"""

import functools
import io
import math
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from core.documents import DocumentLanguage
from core.models import Status
from core.registry import registry
from identity.models import SiteIdentity
from library.models import Collection
from library.models import Image as LibraryImage
from news.models import NewsRelease, RelatedLink
from offices.models import ActivityDomain, Office, Person
from pages.models import Page
from partners.models import Partner
from programmes.models import ProgrammeArea, Project, Publication

from . import data as content

CREATED = "created"
UNCHANGED = "unchanged"
EDITED = "edited"
RESTORED = "restored"
MISSING = "missing"
CONFLICT = "conflict"

#: In the order the report lists them.
ACTIONS = (CREATED, RESTORED, UNCHANGED, EDITED, MISSING, CONFLICT)


LOGO_BACKGROUND = (0, 51, 160)  # IOM blue
LOGO_TEXT = (255, 255, 255)


@dataclass
class ContentReport:
    """What a run did (or, in a dry run, would do), object by object."""

    entries: list = field(default_factory=list)
    #: (model, label, message) of the objects that could not be created.
    conflicts: list = field(default_factory=list)

    def add(self, model, label, action):
        self.entries.append((model, str(label), action))

    def counts(self):
        """``{model: Counter({action: n})}`` for every model the loader handles."""
        result = {model: Counter() for model in registry.models()}
        for model, _label, action in self.entries:
            result.setdefault(model, Counter())[action] += 1  # the site's identity is no content type
        return result

    def total(self, action):
        return sum(1 for _model, _label, entry_action in self.entries if entry_action == action)


#: Where the stand-in emblem is kept in the media library.
IDENTITY_COLLECTION = "Identité du site"
EMBLEM_SIZE = 512


def provisional_emblem():
    """A round PNG of our own design: three dots joined along a rising curve, white on IOM blue, no letters.

    It stands in for the emblem until Publication uploads IOM's artwork, and
    is deliberately nothing like IOM's trademark. Drawn four times larger,
    then reduced, for smooth edges.
    """
    scale = 4
    side = EMBLEM_SIZE * scale
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, side - 1, side - 1), fill=(*LOGO_BACKGROUND, 255))
    white = (*LOGO_TEXT, 255)
    unit = side / 16
    cx, cy, radius = 11.6 * unit, 12.4 * unit, 7.2 * unit
    draw.arc((cx - radius, cy - radius, cx + radius, cy + radius), start=188, end=262, fill=white,
             width=round(0.55 * unit))
    for angle, size in ((188, 0.8), (225, 1.1), (262, 1.45)):
        x, y = cx + radius * math.cos(math.radians(angle)), cy + radius * math.sin(math.radians(angle))
        draw.ellipse((x - size * unit, y - size * unit, x + size * unit, y + size * unit), fill=white)
    image = image.resize((EMBLEM_SIZE, EMBLEM_SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _shipped_value(model_field, value):
    """The value as the database will hold it (sanitised HTML, E.164 phone…)."""
    if value is None or value == "":
        return value
    return model_field.to_python(value)


def _slugs(values):
    """Find a slugged object by either slug: an editor may have changed one of them."""
    return [{"slug_fr": values["slug_fr"]}, {"slug_en": values["slug_en"]}]


def _blank_as_none(value):
    return None if value == "" else value


def _differences(obj, values):
    """Names of the fields whose stored value is not the shipped one."""
    changed = []
    for name, value in values.items():
        model_field = obj._meta.get_field(name)
        if model_field.is_relation:
            current = getattr(obj, model_field.attname)
            target = value.pk if value is not None else None
        else:
            current = getattr(obj, model_field.attname)
            target = _shipped_value(model_field, value)
        if _blank_as_none(current) != _blank_as_none(target):
            changed.append(name)
    return changed


class _Loader:
    def __init__(self, *, reset, with_files):
        self.reset = reset
        self.with_files = with_files
        self.report = ContentReport()

    def upsert(self, model, lookups, values, *, label, may_create=True, extra_on_create=None):
        """Find the object by the first lookup that matches; create, keep or restore it."""
        obj = None
        for lookup in lookups:
            obj = model.objects.filter(**lookup).first()
            if obj is not None:
                break
        if obj is None:
            if not may_create:
                self.report.add(model, label, MISSING)
                return None, MISSING
            # A callable is called only now: files are made for new objects only.
            extra = extra_on_create() if callable(extra_on_create) else extra_on_create
            obj = model(**values, **(extra or {}))
            try:
                obj.full_clean()
            except ValidationError as error:
                # Typically a slug now used by another object created in the
                # admin: report it rather than abort the whole run.
                self.report.add(model, label, CONFLICT)
                self.report.conflicts.append((model, str(label), "; ".join(error.messages)))
                return None, CONFLICT
            obj.save()
            self.report.add(model, label, CREATED)
            return obj, CREATED
        changed = _differences(obj, values)
        if not changed:
            action = UNCHANGED
        elif self.reset:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
            action = RESTORED
        else:
            action = EDITED
        self.report.add(model, label, action)
        return obj, action

    def children_allowed(self, parent_action):
        return parent_action == CREATED or self.reset

    def link(self, manager, objects, parent_action):
        """Set a many-to-many relation on a new object; on reset, add back what is missing."""
        objects = [obj for obj in objects if obj is not None]
        if objects and self.children_allowed(parent_action):
            manager.add(*objects)

    # -- content groups -------------------------------------------------

    def offices(self):
        for spec in content.OFFICES:
            values = {"slug_fr": spec["slug_fr"], "status": Status.PUBLISHED, **spec["fields"]}
            office, action = self.upsert(Office, _slugs(values), values, label=values["name_fr"])
            if office is None:
                continue
            for order, domain in enumerate(spec["domains"], start=1):
                self.upsert(
                    ActivityDomain,
                    [{"office": office, "title_fr": domain["title_fr"]}],
                    {"office": office, "order": order, **domain},
                    label=domain["title_fr"],
                    may_create=self.children_allowed(action),
                )

    def people(self):
        people = {}
        for spec in (*content.CONTACTS, *content.MEDIA_CONTACTS):
            values = {"name": spec["name"], "status": Status.PUBLISHED, **spec["fields"]}
            people[spec["name"]], _action = self.upsert(Person, [{"name": spec["name"]}], values, label=spec["name"])
        return people

    def partners(self):
        for spec in content.PARTNERS:
            values = {"slug_fr": spec["slug_fr"], "status": Status.PUBLISHED, **spec["fields"]}
            # No logo: the organisations' artwork is theirs, and a drawn stand-in would look like one.
            # Publication uploads the official logos to the media library and chooses them.
            self.upsert(Partner, _slugs(values), values, label=values["name_fr"])

    def identity(self):
        """The site's identity, made once; a name Publication changed stays unless ``reset``."""
        spec = content.IDENTITY
        identity, _action = self.upsert(
            SiteIdentity, [{"pk": SiteIdentity.SINGLE_PK}], spec["fields"], label=SiteIdentity._meta.verbose_name,
            extra_on_create=functools.partial(self.emblem_extra, spec) if self.with_files else None,
        )
        if self.reset and self.with_files and identity is not None and not identity.emblem:
            # An emblem chosen in the admin (IOM's own, once uploaded) is never replaced by the stand-in.
            identity.emblem = self.emblem_image(spec)
            identity.save()

    def emblem_extra(self, spec):
        return {"emblem": self.emblem_image(spec)}

    def emblem_image(self, spec):
        collection, _created = Collection.objects.get_or_create(name=IDENTITY_COLLECTION)
        image = LibraryImage(
            file=ContentFile(provisional_emblem(), name="embleme-provisoire.png"),
            title=spec["emblem"]["title"], collection=collection,
            alt_text_fr=spec["emblem"]["alt_fr"], alt_text_en=spec["emblem"]["alt_en"],
        )
        image.save()
        return image

    def programmes(self, people):
        areas, actions = {}, {}
        for spec in content.AREAS:
            values = {"slug_fr": spec["slug_fr"], "status": Status.PUBLISHED, **spec["fields"]}
            area, action = self.upsert(
                ProgrammeArea, _slugs(values), values, label=values["title_fr"],
            )
            areas[spec["slug_fr"]], actions[spec["slug_fr"]] = area, action
            if area is not None:
                self.link(area.contacts, [people.get(name) for name in spec["contacts"]], action)
        for spec in content.PROJECTS:
            area = areas[spec["area"]]
            if area is None:
                continue
            self.upsert(
                Project,
                [{"name_fr": spec["name_fr"]}],
                {"area": area, "name_fr": spec["name_fr"], **spec["fields"]},
                label=spec["name_fr"],
                may_create=self.children_allowed(actions[spec["area"]]),
            )
        for spec in content.PUBLICATIONS:
            area = areas[spec["area"]]
            if area is None:
                continue
            values = {
                "area": area, "title_fr": spec["title"], "title_en": spec["title"], "year": spec["year"],
                "language": DocumentLanguage.EN, "url": spec["url"], "order": spec["order"],
            }
            self.upsert(
                Publication, [{"title_fr": spec["title"]}], values, label=spec["title"],
                may_create=self.children_allowed(actions[spec["area"]]),
            )

    def news(self, people):
        for spec in content.RELEASES:
            values = {"slug_fr": spec["slug_fr"], "status": Status.PUBLISHED, **spec["fields"]}
            release, action = self.upsert(
                NewsRelease, _slugs(values), values, label=values["title_fr"],
            )
            if release is None:
                continue
            self.link(release.media_contacts, [people.get(name) for name in spec["media_contacts"]], action)
            for order, link in enumerate(spec["links"], start=1):
                self.upsert(
                    RelatedLink,
                    [{"release": release, "url": link["url"]}],
                    {"release": release, "order": order, **link},
                    label=link["label_fr"],
                    may_create=self.children_allowed(action),
                )

    def pages(self):
        pages = {}
        for spec in content.PAGES:
            values = {
                "slug_fr": spec["slug_fr"],
                "section": spec.get("section"),
                "parent": pages.get(spec["parent"]) if spec.get("parent") else None,
                "status": Status.PUBLISHED,
                **spec["fields"],
            }
            lookups = _slugs(values)
            if spec.get("section"):
                lookups.insert(0, {"section": spec["section"]})
            page, _action = self.upsert(Page, lookups, values, label=values["title_fr"])
            pages[spec["slug_fr"]] = page

    def run(self):
        self.offices()
        people = self.people()
        self.partners()
        self.programmes(people)
        self.news(people)
        self.pages()
        self.identity()
        return self.report


def initial_content_load(*, reset=False, with_files=True):
    """Create the shipped content that is missing; with ``reset``, also restore edited objects.

    Call it inside a transaction. ``with_files=False`` skips writing the
    stand-in emblem to storage (dry runs roll the database back, but not the
    files).
    """
    return _Loader(reset=reset, with_files=with_files).run()

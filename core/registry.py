"""The one registry of the site's content types.

Each content app declares its models here once, from its ``apps.py``, with
what the rest of the site needs to know about them: the children edited on
the same admin page, the search document, the sitemap, the images whose
alternative text is checked, the link labels that must not be vague, and the
listing pages ("sections") it adds to the navigation. Roles, history,
export and import, cache invalidation, search, sitemaps, the content loader
and the accessibility checks all read it, so adding a content type means its
own app plus one ``register()`` call. The foundation itself imports no
content app: it only keeps what they declare.

Wagtail works the same way: a page type becomes searchable, revisable and
choosable by declaring itself (``search_fields``, ``register_snippet``).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext, override


@dataclass(frozen=True)
class SearchDocument:
    """How a model is searched and how a hit links back to its page.

    ``weights`` lists field names by weight, "A" (titles) to "C" (long
    texts); untranslated fields are also named in ``plain``. ``queryset`` is
    the name of the model's QuerySet method that says what the public may
    see. ``stored`` says that the model's table has the generated
    ``search_fr`` / ``search_en`` columns (see ``core.search_vectors``);
    without them the vector is computed on the fly, which is slower but right.
    """

    key: str
    label: object
    title: str
    weights: dict
    excerpt: tuple
    url_name: str
    #: Lookup of the slug in the hit's URL (``area__slug`` for a project), or "" for a fixed URL.
    slug: str = "slug"
    plain: tuple = ()
    date: str = ""
    #: A field that, when filled, names the section URL the hit links to instead (pages).
    section_field: str = ""
    queryset: str = "published"
    stored: bool = True

    def all_fields(self):
        return [name for names in self.weights.values() for name in names]


@dataclass(frozen=True)
class Section:
    """A listing page of the site: its URL name, its label, its place in menus."""

    url_name: str
    label: object
    order: int = 100
    #: ``shown()`` says whether menus, the footer and the sitemap link it now (the team page only when it has
    #: members); None: always.
    shown: object = None


@dataclass
class RegisteredType:
    """What the site knows about one registered model."""

    model: type
    #: Reverse accessors of the children edited inline (restored with the parent).
    follow: tuple = ()
    search: SearchDocument | None = None
    sitemap: type | None = None
    #: (library image field, the use's own alternative-text field) pairs.
    images: tuple = ()
    #: {reverse accessor of link objects: their label fields}, for the vague-link check.
    link_labels: dict = field(default_factory=dict)

    @property
    def label(self):
        return self.model._meta.label

    @property
    def label_lower(self):
        return self.model._meta.label_lower

    @cached_property
    def publishable(self):
        """A type with a status and publication dates (core.models.Publishable): its queryset says so.

        Asked of the queryset rather than of the class, so that the registry
        (which core.models' querysets reach through the page cache) imports
        no model.
        """
        return callable(getattr(self.model._default_manager, "upcoming_changes", None))


class Registry:
    def __init__(self):
        self._types = {}
        #: Renewed by every register() and unregister(), for what is derived from the set of types.
        self.generation = 0
        self._sections = {}
        self._site_pages = None
        self._identity = None
        self._publisher_permissions = []
        self._feeds = []
        self._schedules = []
        self._reference_finders = []
        self._html_processors = []

    # -- content types ----------------------------------------------------

    def register(self, model, **options):
        """Declare ``model`` a content type; re-registering replaces the declaration."""
        self._types[model._meta.label_lower] = RegisteredType(model=model, **options)
        self.generation += 1
        return model

    def unregister(self, model):
        self._types.pop(model._meta.label_lower, None)
        self.generation += 1

    def __iter__(self):
        return iter(list(self._types.values()))

    def get(self, model):
        return self._types.get(model._meta.label_lower)

    def models(self):
        return [entry.model for entry in self]

    def publishable_models(self):
        return [entry.model for entry in self if entry.publishable]

    def is_content(self, model):
        """True for a registered model, or the many-to-many table of one."""
        opts = model._meta
        if opts.label_lower in self._types:
            return True
        if opts.auto_created:
            return any(f.related_model._meta.label_lower in self._types
                       for f in opts.fields if f.is_relation and f.related_model is not None)
        return False

    def search_documents(self):
        return [entry.search for entry in self if entry.search is not None]

    def sitemaps(self):
        """{name: Sitemap class} of every type that has one."""
        return {entry.model._meta.model_name: entry.sitemap for entry in self if entry.sitemap is not None}

    # -- sections ---------------------------------------------------------

    def register_section(self, url_name, label, order=100, shown=None):
        self._sections[url_name] = Section(url_name, label, order, shown)

    def sections(self):
        return sorted(self._sections.values(), key=lambda section: section.order)

    def shown_sections(self):
        """The sections to link now: those without a ``shown`` condition, and those whose condition holds."""
        return [section for section in self.sections() if section.shown is None or section.shown()]

    def section(self, url_name):
        return self._sections.get(url_name)

    def section_choices(self):
        """Choices of a field naming a section (callable, so the migration does not freeze the list)."""
        return [(section.url_name, section.label) for section in self.sections()]

    # -- feeds ------------------------------------------------------------

    def register_feeds(self, provider):
        """``provider(obj)`` gives the (type, title, url) feeds a page about ``obj`` advertises, or []."""
        if provider not in self._feeds:
            self._feeds.append(provider)

    def feeds_for(self, obj=None):
        return [feed for provider in self._feeds for feed in provider(obj)]

    # -- schedules ----------------------------------------------------------

    def register_schedule(self, moments, apply_due):
        """A kind of scheduled change (a draft going live at its time) that the page cache must know about.

        ``moments()`` gives a ``values_list(<datetime>, flat=True)`` queryset
        of when they are due, past ones included; ``apply_due()`` applies
        those whose time has come. The page cache (core.cache) reads the
        moments with the publishing dates, in one query, whenever it renews
        its content state, and applies what is due, so the change happens on
        the first request after its time, with no timer job.
        """
        if (moments, apply_due) not in self._schedules:
            self._schedules.append((moments, apply_due))

    def schedules(self):
        return list(self._schedules)

    # -- references to shared files, and what rich text becomes on a page --

    def register_reference_finder(self, finder):
        """``finder(item, file_name)`` gives ``(object, where)`` pairs of references the live rows do not hold.

        The media library finds the foreign keys and rich-text links to one of
        its items itself; the editorial app adds the unpublished drafts.
        """
        if finder not in self._reference_finders:
            self._reference_finders.append(finder)

    def reference_finders(self):
        return list(self._reference_finders)

    def register_html_processor(self, processor):
        """``processor(html)`` rewrites sanitised rich text for the public page (body images as renditions)."""
        if processor not in self._html_processors:
            self._html_processors.append(processor)

    def process_html(self, html):
        for processor in self._html_processors:
            html = processor(html)
        return html

    # -- the site's standalone pages ----------------------------------------

    def set_site_pages(self, provider):
        """``provider(request)`` gives the menu, footer and section pages (see pages.views.SitePages)."""
        self._site_pages = provider

    def site_pages(self, request):
        return self._site_pages(request) if self._site_pages is not None else EMPTY_SITE_PAGES

    # -- the site's identity ------------------------------------------------

    def set_identity(self, provider):
        """``provider(request=None)`` gives the site's :class:`Identity` as edited (identity.services), or None."""
        self._identity = provider

    def identity(self, request=None):
        """The site's name, tagline, parent organisation and images; the settings' defaults until one is set."""
        found = self._identity(request) if self._identity is not None else None
        return found if found is not None else default_identity()

    # -- rights that are not a content type's ---------------------------------

    def register_publisher_permission(self, permission):
        """``"app_label.codename"`` of a right the Publication role holds besides the content types' own.

        For what is neither content nor a draft, such as the site's identity:
        editorial.roles gives it to Publication alone.
        """
        if permission not in self._publisher_permissions:
            self._publisher_permissions.append(permission)

    def publisher_permissions(self):
        return list(self._publisher_permissions)


class _EmptySitePages:
    """The layout's pages when no app provides them: an empty menu and footer."""

    menu = footer = ()
    sections = {}
    about = None


EMPTY_SITE_PAGES = _EmptySitePages()


@dataclass(frozen=True)
class SiteImage:
    """An image that stands for the site (its emblem, its default share image): address and size in pixels."""

    url: str
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class SocialLink:
    name: str
    url: str


def _language():
    return (get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE).split("-")[0]


@dataclass(frozen=True)
class Identity:
    """Who the site says it is, on every page, feed, contact card and structured-data block.

    The texts are kept per language (``{"fr": …, "en": …}``) and read in the
    active one when asked, French where a language has none: one object
    serves a whole request, whatever language a block is rendered in, and is
    cached as it is.
    """

    names: dict
    taglines: dict
    parent_names: dict
    share_image: SiteImage
    emblem: SiteImage | None = None
    social_links: tuple = ()

    @staticmethod
    def _text(texts):
        return texts.get(_language()) or texts.get(settings.MODELTRANSLATION_DEFAULT_LANGUAGE) or ""

    @property
    def name(self):
        return self._text(self.names)

    @property
    def tagline(self):
        return self._text(self.taglines)

    @property
    def parent_name(self):
        return self._text(self.parent_names)

    @property
    def emblem_url(self):
        return self.emblem.url if self.emblem else ""

    @property
    def share_image_url(self):
        return self.share_image.url


#: The stand-in emblem of the site when none was chosen: a static file of ours, not IOM's emblem.
DEFAULT_EMBLEM = {"path": "img/logo-oim.png", "width": 512, "height": 512}


def in_each_language(text):
    """``{code: gettext(text)}`` over the site's languages."""
    texts = {}
    for code, _label in settings.LANGUAGES:
        with override(code):
            texts[code] = gettext(text)
    return texts


def default_identity():
    """The identity before Publication fills it in: the settings' name and share image, translated."""
    share = settings.SITE_SHARE_IMAGE
    return Identity(
        # settings.SITE_NAME is the French name, a msgid of the catalogue ("IOM France" in English).
        names=in_each_language(settings.SITE_NAME),
        taglines=in_each_language("ONU Migration"),
        parent_names=in_each_language("Organisation internationale pour les migrations"),
        share_image=SiteImage(static(share["path"]), share["width"], share["height"]),
        emblem=SiteImage(static(DEFAULT_EMBLEM["path"]), DEFAULT_EMBLEM["width"], DEFAULT_EMBLEM["height"]),
    )

registry = Registry()


def section_choices():
    return registry.section_choices()

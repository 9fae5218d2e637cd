from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fields import PhoneNumberField, RichTextField
from core.links import fixed_url, slug_url
from core.models import ContentManager, Publishable, PublishableQuerySet


class Office(Publishable):
    """An OIM office in France: Paris (country office) or Marseille (CIFORM)."""

    slug_source = "name"

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    city = models.CharField(_("ville"), max_length=100)
    address = models.TextField(_("adresse"), blank=True)
    postal_code = models.CharField(_("code postal"), max_length=10, blank=True)
    phone = PhoneNumberField(_("téléphone"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_date = models.DateField(_("date d’ouverture"), null=True, blank=True)
    role = models.CharField(
        _("rôle"), max_length=200, blank=True,
        help_text=_("P. ex. « Bureau pays, mission spéciale de liaison » ou « CIFORM »."),
    )
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("bureau")
        verbose_name_plural = _("bureaux")
        ordering = ["order", "name"]
        permissions = [("publish_office", _("Peut publier et dépublier des bureaux"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("offices:detail", self.slug)


class ActivityDomain(models.Model):
    """One of an office's fields of work, in the order the office lists them."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="domains", verbose_name=_("bureau"))
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)

    objects = ContentManager()

    class Meta:
        verbose_name = _("domaine d’activité")
        verbose_name_plural = _("domaines d’activité")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


#: Words that belong to the family name that follows them ("Ace Dela Cruz", "Charles de Gaulle").
NAME_PARTICLES = frozenset({
    "al", "ben", "bin", "d'", "d’", "da", "das", "de", "del", "della", "dela", "der", "des", "di", "do",
    "dos", "du", "el", "ibn", "la", "le", "les", "san", "ten", "ter", "van", "von", "zu",
})


def split_name(name):
    """(given names, family name) guessed from a full name written "Given Names Family Name".

    A guess for what the editor has not filled: the last word is the family
    name, with the particles just before it ("Dela Cruz", "de Gaulle"). A
    name of one word is a family name.
    """
    words = (name or "").split()
    if not words:
        return "", ""
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in NAME_PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


class PersonQuerySet(PublishableQuerySet):
    def public(self):
        """The people whose details the public site shows, wherever it shows them.

        A person is published (a new person, like any content, waits for
        "Publication"), belongs to no office or to a published one (a person
        of a draft office is hidden everywhere: team page, contacts, search,
        vCard, structured data), and is either on the team page or a contact
        of some published item (a release's press contact, an area's
        contact). The items are found through the relations that point to
        Person, so this app needs to know none of them.
        """
        shown = Q(show_on_team_page=True)
        for relation in self.model._meta.related_objects:
            related = relation.related_model
            if relation.many_to_many and hasattr(related._default_manager, "published"):
                shown |= Q(pk__in=related._default_manager.published().values(relation.field.name))
        return self.named_contacts().filter(shown)

    def named_contacts(self):
        """The people a published item may show as its contacts: published, of no office or a published one.

        What :meth:`public` means for the contacts of an item the reader is
        looking at (it is published, so they are "a contact of some published
        item"), without asking which items those are: a release's page then
        depends on its own contacts, not on every release of the site.
        """
        Office = self.model._meta.get_field("office").related_model
        return self.published().filter(Q(office__isnull=True) | Q(office__in=Office.objects.published()))

    def on_team_page(self):
        """The public people listed on the team page (and found by the site search)."""
        return self.named_contacts().filter(show_on_team_page=True)


class Person(Publishable):
    """A member of the team; also a press contact or a programme contact."""

    slug_source = "name"

    name = models.CharField(_("nom"), max_length=200)
    # The name in its parts, for address books (the vCard's N and FN) and
    # structured data: only the editor knows where a family name starts.
    given_names = models.CharField(
        _("prénom(s)"), max_length=200, blank=True,
        help_text=_("Pour les carnets d’adresses (vCard). Laissés vides, prénom et nom de famille "
                    "sont déduits du nom."),
    )
    family_name = models.CharField(
        _("nom de famille"), max_length=200, blank=True,
        help_text=_("Avec sa particule, p. ex. « Dela Cruz » ou « de Gaulle »."),
    )
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    office = models.ForeignKey(Office, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="people", verbose_name=_("bureau"))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = PhoneNumberField(_("téléphone"), blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)
    show_on_team_page = models.BooleanField(_("sur la page équipe"), default=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["order", "name"]
        permissions = [("publish_person", _("Peut publier et dépublier des personnes"))]

    def get_absolute_url(self):
        """People have no page of their own: the team page shows them."""
        return fixed_url("offices:team")

    def __str__(self):
        return f"{self.name} ({self.job_title})" if self.job_title else self.name

    def clean(self):
        super().clean()
        if not (self.given_names or self.family_name):
            self.given_names, self.family_name = split_name(self.name)

    @property
    def name_parts(self):
        """(given names, family name): the editor's, or guessed from the name while both are blank."""
        if self.given_names or self.family_name:
            return self.given_names, self.family_name
        return split_name(self.name)

    @property
    def full_name(self):
        """The name as an address book displays it, from its parts."""
        return " ".join(part for part in self.name_parts if part) or self.name

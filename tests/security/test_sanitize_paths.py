"""Rich text is sanitised, and hostile links refused, on every way into the database.

Ways in: the admin form, Model.save()/objects.create() (loaders, imports,
the shell), bulk_create(), QuerySet.update() and bulk_update(); in French and
in English. What is stored is read back with values_list() on the concrete
column, so nothing between the database and the test could clean it up.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from news.models import NewsRelease, RelatedLink
from offices.models import Office
from pages.models import Page
from partners.models import Partner
from programmes.models import ProgrammeArea, Project, Publication
from tests import factories
from tests.security.forms import admin_form_data

DIRTY = ('<p onclick="steal()">Texte conservé<script>alert(1)</script> '
         '<a href="javascript:alert(1)">lien</a><img src="x" onerror="alert(1)"><iframe src="//evil.example">'
         '</iframe><svg onload="alert(1)"></svg></p>')

RICH = [(Page, "body", factories.PageFactory), (NewsRelease, "body", factories.NewsReleaseFactory),
        (Partner, "body", factories.PartnerFactory), (ProgrammeArea, "body", factories.ProgrammeAreaFactory),
        (Office, "description", factories.OfficeFactory)]
CASES = [(model, field, factory, lang) for model, field, factory in RICH for lang in ("fr", "en")]
IDS = [f"{model.__name__}.{field}_{lang}" for model, field, _, lang in CASES]


def assert_clean(model, pk, column):
    stored = model.objects.filter(pk=pk).values_list(column, flat=True).get()
    assert "Texte conservé" in stored  # the text survives…
    for bad in ("<script", "alert", "onclick", "onerror", "javascript:", "<iframe", "<svg", "evil.example"):
        assert bad not in stored, (column, stored)  # …the active parts do not


@pytest.mark.parametrize(("model", "field", "factory", "lang"), CASES, ids=IDS)
def test_admin_form(admin_client, model, field, factory, lang):
    obj = factory(status="draft")  # a published item's save is a draft (tests/editorial/test_drafts.py)
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    # As a draft: the editorial quality checks that guard publishing are not what is tested here.
    data = admin_form_data(admin_client, url, status="draft", **{f"{field}_{lang}": DIRTY})
    response = admin_client.post(url, data)
    assert response.status_code == 302, getattr(response, "context", None) and response.context["errors"]
    assert_clean(model, obj.pk, f"{field}_{lang}")


@pytest.mark.parametrize(("model", "field", "factory", "lang"), CASES, ids=IDS)
def test_admin_form_of_a_published_item_keeps_a_clean_draft(admin_client, model, field, factory, lang):
    from editorial.drafts import draft_for

    obj = factory()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = admin_form_data(admin_client, url, **{f"{field}_{lang}": DIRTY})
    assert admin_client.post(url, data).status_code == 302
    stored = draft_for(obj).data["object"]["fields"][f"{field}_{lang}"]
    for bad in ("<script", "alert", "onclick", "onerror", "javascript:", "<iframe", "<svg", "evil.example"):
        assert bad not in stored, stored


@pytest.mark.parametrize(("model", "field", "factory", "lang"), CASES, ids=IDS)
def test_save_and_create(db, model, field, factory, lang):
    obj = factory(**{f"{field}_{lang}": DIRTY})
    assert_clean(model, obj.pk, f"{field}_{lang}")
    assert "<script" not in getattr(obj, f"{field}_{lang}")  # the instance in memory is cleaned too
    obj.refresh_from_db()
    setattr(obj, f"{field}_{lang}", DIRTY)
    obj.save()
    assert_clean(model, obj.pk, f"{field}_{lang}")


@pytest.mark.parametrize(("model", "field", "factory", "lang"), CASES, ids=IDS)
def test_bulk_create(db, model, field, factory, lang):
    template = factory.build()
    template.slug_fr = template.slug_en = "bulk"
    setattr(template, f"{field}_{lang}", DIRTY)
    [created] = model.objects.bulk_create([template])
    pk = created.pk or model.objects.get(slug_fr="bulk").pk
    assert_clean(model, pk, f"{field}_{lang}")


@pytest.mark.parametrize(("model", "field", "factory", "lang"), CASES, ids=IDS)
def test_queryset_update_and_bulk_update(db, model, field, factory, lang):
    obj = factory()
    assert model.objects.filter(pk=obj.pk).update(**{f"{field}_{lang}": DIRTY}) == 1
    assert_clean(model, obj.pk, f"{field}_{lang}")
    obj = factory()
    setattr(obj, f"{field}_{lang}", DIRTY)
    model.objects.bulk_update([obj], [f"{field}_{lang}"])
    assert_clean(model, obj.pk, f"{field}_{lang}")


# Hostile links: refused whatever the way in, with a message an editor can read.

HOSTILE = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "vbscript:msgbox(1)",
           "data:text/html,<script>alert(1)</script>", "\x01javascript:alert(1)"]
URL_FIELDS = [(Partner, "website", factories.PartnerFactory), (Project, "url", factories.ProjectFactory),
              (Publication, "url", factories.PublicationFactory), (RelatedLink, "url", factories.RelatedLinkFactory)]
URL_IDS = [f"{m.__name__}.{f}" for m, f, _ in URL_FIELDS]


@pytest.mark.parametrize(("model", "field", "factory"), URL_FIELDS, ids=URL_IDS)
def test_hostile_links_are_refused_on_every_orm_path(db, model, field, factory):
    obj = factory()
    parent = {fk.name: getattr(obj, fk.name) for fk in model._meta.concrete_fields if fk.many_to_one}
    attempts = [
        lambda url: factory(**{field: url}),
        lambda url: model.objects.filter(pk=obj.pk).update(**{field: url}),
        lambda url: (setattr(obj, field, url), obj.save()),
        lambda url: (setattr(obj, field, url), model.objects.bulk_update([obj], [field])),
        lambda url: model.objects.bulk_create([factory.build(**{field: url}, **parent)]),
    ]
    for url in HOSTILE:
        for attempt in attempts:
            with pytest.raises(ValidationError, match="seuls les liens http"), transaction.atomic():
                attempt(url)
    # Nothing hostile got stored, and ordinary links still work.
    assert not model.objects.exclude(**{field: ""}).exclude(**{f"{field}__startswith": "http"}).exists()
    setattr(obj, field, "https://www.iom.int/fr")
    obj.save()
    setattr(obj, field, "mailto:presse@example.org")
    obj.save()


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_link_in_admin_form_is_a_validation_message(admin_client, url):
    partner = factories.PartnerFactory()
    change = reverse("admin:partners_partner_change", args=[partner.pk])
    response = admin_client.post(change, admin_form_data(admin_client, change, status="draft", website=url))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    partner.refresh_from_db()
    assert partner.website == "https://example.org/"

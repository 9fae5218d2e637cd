"""The admin forms answer bad input with a validation message, never a server error.

Each case posts the model's real change form (read from the page) with one
field spoiled: impossible dates, huge texts, invalid URLs, e-mails and phone
numbers, numbers out of range. The editor must get the form back (200) with
an error list, and the object must be unchanged.
"""

import pytest
from django.urls import reverse

from tests import factories
from tests.security.forms import admin_form_data

HUGE = "Texte " * 20_000  # 120 000 characters

CASES = {
    # model admin, factory, field, bad value
    "release_date_impossible": ("news_newsrelease", factories.NewsReleaseFactory, "publication_date_0", "31/02/2024"),
    "release_date_garbage": ("news_newsrelease", factories.NewsReleaseFactory, "publication_date_0", "demain<x>"),
    "release_time_garbage": ("news_newsrelease", factories.NewsReleaseFactory, "publication_date_1", "25:61:00"),
    "release_date_far_future": ("news_newsrelease", factories.NewsReleaseFactory, "publication_date_0", "01/01/99999"),
    "release_title_huge": ("news_newsrelease", factories.NewsReleaseFactory, "title_fr", HUGE),
    "release_title_empty": ("news_newsrelease", factories.NewsReleaseFactory, "title_fr", ""),
    "release_dateline_huge": ("news_newsrelease", factories.NewsReleaseFactory, "dateline_en", HUGE),
    "release_slug_markup": ("news_newsrelease", factories.NewsReleaseFactory, "slug_fr", "<x\"'>"),
    "partner_url_plain_text": ("partners_partner", factories.PartnerFactory, "website", "pas une adresse"),
    "partner_url_no_host": ("partners_partner", factories.PartnerFactory, "website", "http://"),
    "partner_url_javascript": ("partners_partner", factories.PartnerFactory, "website", "javascript:alert(1)"),
    "partner_url_huge": ("partners_partner", factories.PartnerFactory, "website", "https://example.org/" + "a" * 5000),
    "partner_kind_unknown": ("partners_partner", factories.PartnerFactory, "kind", "pirate"),
    "partner_summary_huge": ("partners_partner", factories.PartnerFactory, "summary_fr", HUGE),
    "office_email_invalid": ("offices_office", factories.OfficeFactory, "email", "pas-un-email"),
    "office_email_markup": ("offices_office", factories.OfficeFactory, "email", "<script>@x"),
    "office_phone_letters": ("offices_office", factories.OfficeFactory, "phone", "01 AB CD EF GH"),
    "office_phone_too_short": ("offices_office", factories.OfficeFactory, "phone", "+33 1"),
    "office_phone_markup": ("offices_office", factories.OfficeFactory, "phone", "<script>alert(1)</script>"),
    "office_opening_date_invalid": ("offices_office", factories.OfficeFactory, "opening_date", "32/13/2020"),
    "office_postal_code_huge": ("offices_office", factories.OfficeFactory, "postal_code", "75" * 50),
    "office_order_negative": ("offices_office", factories.OfficeFactory, "order", "-1"),
    "office_order_text": ("offices_office", factories.OfficeFactory, "order", "premier"),
    "office_order_overflow": ("offices_office", factories.OfficeFactory, "order", "9" * 30),
    "person_email_invalid": ("offices_person", factories.PersonFactory, "email", "a@"),
    "person_phone_invalid": ("offices_person", factories.PersonFactory, "phone", "123abc"),
    "person_office_unknown": ("offices_person", factories.PersonFactory, "office", "999999"),
    "person_office_garbage": ("offices_person", factories.PersonFactory, "office", "<x>"),
    "publication_year_text": ("programmes_publication", factories.PublicationFactory, "year", "deux mille"),
    "publication_year_too_old": ("programmes_publication", factories.PublicationFactory, "year", "1200"),
    "publication_year_overflow": ("programmes_publication", factories.PublicationFactory, "year", "9" * 25),
    "publication_url_invalid": ("programmes_publication", factories.PublicationFactory, "url", "ftp//x"),
    "publication_language_unknown": ("programmes_publication", factories.PublicationFactory, "language", "xx"),
    "project_url_vbscript": ("programmes_project", factories.ProjectFactory, "url", "vbscript:msgbox(1)"),
    "page_parent_self_garbage": ("pages_page", factories.PageFactory, "parent", "abc"),
    "page_title_huge": ("pages_page", factories.PageFactory, "title_en", HUGE),
    "area_date_garbage": ("programmes_programmearea", factories.ProgrammeAreaFactory, "publication_date_0",
                          "2024-00-00"),
}


ADMINS = sorted({admin_name for admin_name, *_ in CASES.values()})


@pytest.mark.parametrize("admin_name", ADMINS)
def test_bad_values_get_a_validation_message(admin_client, admin_name):
    cases = {name: case for name, case in CASES.items() if case[0] == admin_name}
    factory = next(iter(cases.values()))[1]
    obj = factory()
    before = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.attname != "updated_at"}
    url = reverse(f"admin:{admin_name}_change", args=[obj.pk])
    form = admin_form_data(admin_client, url)  # read once, posted once per bad value
    if "status" in form:
        form["status"] = "draft"  # the editorial checks on publishing are not what is tested here
    for case, (_, _, field, value) in cases.items():
        assert field in form, f"{case}: {field} is not on the form"
        response = admin_client.post(url, {**form, field: value})
        assert response.status_code == 200, (case, response.status_code)
        html = response.content.decode()
        assert 'class="errorlist' in html, case
        assert "<x\"'>" not in html, case  # echoed back escaped only
        obj.refresh_from_db()
        assert {name: getattr(obj, name) for name in before} == before, case


def test_oversized_post_is_refused_cleanly(admin_client):
    release = factories.NewsReleaseFactory()
    url = reverse("admin:news_newsrelease_change", args=[release.pk])
    data = admin_form_data(admin_client, url, body_fr="<p>" + "x" * (6 * 1024 * 1024) + "</p>")
    response = admin_client.post(url, data)
    assert response.status_code == 400  # RequestDataTooBig: DATA_UPLOAD_MAX_MEMORY_SIZE is 5 MB
    release.refresh_from_db()
    assert release.body_fr == "<p>Texte du communiqué.</p>"

"""generate_demo_content: realistic bilingual content at scale, and its removal."""

import io

import pytest
from django.core.management import call_command

from content.management.commands import generate_demo_content as demo
from news.models import NewsRelease, RelatedLink
from offices.models import Office, Person
from partners.models import Partner
from programmes.models import ProgrammeArea, Project
from search.engine import search_content
from tests.factories import NewsReleaseFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def generate(**options):
    out = io.StringIO()
    options.setdefault("verbosity", 1)
    call_command("generate_demo_content", stdout=out, **options)
    return out.getvalue()


def test_creates_bilingual_linked_content_marked_as_demo():
    output = generate(news=60, partners=5, areas=3, projects_per_area=2, offices=2, people_per_office=3,
                      batch_size=7, years=5)

    assert NewsRelease.objects.count() == 60
    assert (Partner.objects.count(), ProgrammeArea.objects.count(), Project.objects.count()) == (5, 3, 6)
    assert (Office.objects.count(), Person.objects.count()) == (2, 6)
    release = NewsRelease.objects.published().first()
    assert release.title_fr and release.title_en and release.title_fr != release.title_en
    assert release.slug_fr.startswith("demo-") and release.slug_en.startswith("demo-")
    assert demo.NOTICE_FR in release.body_fr and demo.NOTICE_EN in release.body_en
    assert release.lead_fr and release.lead_en and release.dateline_fr
    assert release.programme_areas.exists() and release.media_contacts.exists()
    # Dates spread over the years asked for, and a few drafts or scheduled items among them.
    dates = sorted(NewsRelease.objects.values_list("publication_date", flat=True))
    assert (dates[-1] - dates[0]).days > 365
    assert 0 < NewsRelease.objects.count() - NewsRelease.objects.published().count() < 6
    # The titles vary: the vocabulary is not one sentence repeated.
    assert NewsRelease.objects.values("title_fr").distinct().count() > 40
    assert "communiqués" in output and "60/60" in output and "Contenu de démonstration créé" in output


def test_rich_text_is_sanitised_although_rows_are_bulk_inserted(monkeypatch):
    hostile = ("<script>alert(1)</script><a href='javascript:alert(2)' onclick='x()'>lien</a> {city}.",
               "<img src=x onerror=alert(3)> {city}.")
    monkeypatch.setattr(demo, "SENTENCES", [hostile])

    generate(news=5, partners=1, areas=1, offices=1)

    bodies = [*NewsRelease.objects.values_list("body_fr", "body_en"),
              *Partner.objects.values_list("body_fr", "body_en")]
    assert len(bodies) == 6
    for body in bodies:
        text = " ".join(body)
        assert "<script" not in text and "javascript:" not in text and "onclick" not in text
        assert "onerror" not in text
    assert "lien" in NewsRelease.objects.first().body_fr


def test_running_again_replaces_the_demo_content_instead_of_duplicating_it():
    generate(news=12, partners=2, areas=2, offices=1)
    first = set(NewsRelease.objects.values_list("slug_fr", flat=True))

    generate(news=12, partners=2, areas=2, offices=1)

    assert NewsRelease.objects.count() == 12 and Partner.objects.count() == 2
    assert set(NewsRelease.objects.values_list("slug_fr", flat=True)) == first  # same seed, same content


def test_remove_deletes_demo_content_only():
    real = NewsReleaseFactory(title_fr="Démographie et migrations", slug_fr="demo-graphie")
    real_partner = PartnerFactory()
    generate(news=10, partners=2, areas=2, offices=1)

    output = generate(remove=True)

    assert list(NewsRelease.objects.all()) == [real]
    assert list(Partner.objects.all()) == [real_partner]
    assert not ProgrammeArea.objects.exists() and not Project.objects.exists()
    assert not Office.objects.exists() and not Person.objects.exists() and not RelatedLink.objects.exists()
    assert "10 communiqués" in output
    assert "Aucun contenu de démonstration" in generate(remove=True)


def test_verbosity_zero_is_silent_and_errors_are_explained():
    assert generate(news=3, verbosity=0) == ""
    with pytest.raises(Exception, match="négatif"):
        generate(news=-1)


def test_demo_content_is_found_by_search_in_both_languages():
    generate(news=40, partners=2, areas=14, offices=1)

    assert search_content(query="reinstallation", language="fr").count() > 0
    assert search_content(query="resettlement", language="en").count() > 0

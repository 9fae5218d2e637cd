"""Existing images and files move into the library by migration, alternative texts, flags and credits with them."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import make_image_bytes
from tests.factories import pdf_bytes

BEFORE = [("news", "0004_expiry_date"), ("partners", "0003_expiry_date"), ("programmes", "0003_expiry_date")]
AFTER = [("news", "0005_image_in_library"), ("partners", "0004_logo_in_library"),
         ("programmes", "0004_document_in_library")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_images_and_publication_files_become_library_items_and_come_back(media_root):
    old = migrate(BEFORE)
    photo = default_storage.save("news/photo.jpg", ContentFile(make_image_bytes("JPEG", (800, 600))))
    logo = default_storage.save("partners/logo.png", ContentFile(make_image_bytes("PNG", (320, 120))))
    report = default_storage.save("publications/rapport.pdf", ContentFile(pdf_bytes()))
    Release = old.get_model("news", "NewsRelease")
    Partner = old.get_model("partners", "Partner")
    Area = old.get_model("programmes", "ProgrammeArea")
    Publication = old.get_model("programmes", "Publication")
    release = Release.objects.create(title="Forum", title_fr="Forum", slug="forum", slug_fr="forum", image=photo,
                                     image_alt="Les délégués", image_alt_fr="Les délégués",
                                     image_alt_en="The delegates", image_credit_fr="OIM", image_credit_en="IOM")
    partner = Partner.objects.create(name="UNESCO", name_fr="UNESCO", slug="unesco", slug_fr="unesco", logo=logo,
                                     logo_decorative=True)
    bare = Partner.objects.create(name="OCDE", name_fr="OCDE", slug="ocde", slug_fr="ocde")
    area = Area.objects.create(title="Intégration", title_fr="Intégration", slug="integration", slug_fr="integration")
    publication = Publication.objects.create(area=area, title="Rapport", title_fr="Rapport", file=report, language="en")

    try:
        new = migrate(AFTER)
        Image = new.get_model("library", "Image")
        Document = new.get_model("library", "Document")
        moved = new.get_model("news", "NewsRelease").objects.get(pk=release.pk).image
        assert moved.file.name == photo  # the same stored file, not a copy
        assert (moved.alt_text_fr, moved.alt_text_en, moved.credit_fr, moved.credit_en) == (
            "Les délégués", "The delegates", "OIM", "IOM")
        assert (moved.width, moved.height, moved.title) == (800, 600, "Forum") and len(moved.checksum) == 64
        assert new.get_model("news", "NewsRelease").objects.get(pk=release.pk).image_alt_fr == ""  # no override
        partners = new.get_model("partners", "Partner").objects
        assert partners.get(pk=partner.pk).logo.decorative is True and partners.get(pk=bare.pk).logo is None
        document = new.get_model("programmes", "Publication").objects.get(pk=publication.pk).document
        assert (document.file.name, document.language, document.kind) == (report, "en", "pdf")
        assert Image.objects.count() == 2 and Document.objects.count() == 1

        back = migrate(BEFORE)
        again = back.get_model("news", "NewsRelease").objects.get(pk=release.pk)
        assert again.image.name == photo and again.image_alt_en == "The delegates" and again.image_credit_fr == "OIM"
        assert back.get_model("partners", "Partner").objects.get(pk=partner.pk).logo_decorative is True
        assert back.get_model("programmes", "Publication").objects.get(pk=publication.pk).file.name == report
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

"""Adding a content type is its own app plus one registration (core.registry).

A model the site has never heard of (tests/throwaway) is registered here as
a content app would register it in its apps.py; it then gets roles,
history, export and import, search and cache invalidation without any other
file naming it. Unregistered, it gets none of them (the negative control).
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from reversion import revisions
from reversion.models import Version

from content.transfer import content_models, export_content, import_content
from core.cache import TAG_KEY, content_state, content_tables
from core.models import Status
from core.registry import SearchDocument, registry
from editorial.roles import roles_setup
from editorial.versioning import register_content_models
from search.engine import search_content
from tests.throwaway.models import Gadget

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    registry.register(
        Gadget,
        search=SearchDocument("gadget", "Gadget", "title", {"A": ("title",), "B": ("summary",)}, ("summary",),
                              url_name="home", slug="", stored=False),
    )
    register_content_models()
    yield Gadget
    registry.unregister(Gadget)
    if revisions.is_registered(Gadget):
        revisions.unregister(Gadget)
    roles_setup()


def _codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.filter(content_type__app_label="throwaway")
               .values_list("codename", flat=True))


def test_a_registered_type_gets_both_roles(registered):
    roles_setup()
    assert _codenames("Rédaction") == {"add_gadget", "change_gadget", "view_gadget"}
    assert _codenames("Publication") == {"add_gadget", "change_gadget", "delete_gadget", "view_gadget",
                                         "publish_gadget"}


def test_an_unregistered_type_gets_no_role():
    roles_setup()
    assert _codenames("Rédaction") == set() and _codenames("Publication") == set()


def test_a_registered_type_keeps_its_history(registered):
    gadget = Gadget.objects.create(title_fr="Boussole", status=Status.PUBLISHED)
    with revisions.create_revision():
        gadget.title_fr = "Boussole dorée"
        gadget.save()
    [version] = Version.objects.get_for_object(gadget)
    assert version.field_dict["title_fr"] == "Boussole dorée"


def test_a_registered_type_is_exported_and_imported(registered):
    Gadget.objects.create(title_fr="Sextant", title_en="Sextant (en)", status=Status.PUBLISHED)
    assert Gadget in content_models()
    document = export_content()
    assert document["counts"]["throwaway.gadget"] == 1
    Gadget.objects.all().delete()
    counts = import_content(document)
    assert counts["throwaway.gadget"] == 1
    assert Gadget.objects.get().title_en == "Sextant (en)"


def test_an_unregistered_type_is_not_exported():
    Gadget.objects.create(title_fr="Sextant", status=Status.PUBLISHED)
    assert "throwaway.gadget" not in export_content()["counts"]


def test_a_registered_type_is_found_by_the_site_search(registered):
    Gadget.objects.create(title_fr="Astrolabe ancien", summary_fr="Un instrument de navigation.",
                          status=Status.PUBLISHED)
    Gadget.objects.create(title_fr="Astrolabe en brouillon", status=Status.DRAFT)
    hits = search_content(query="astrolabe", language="fr")[0:10]
    assert [(hit.kind.key, hit.url) for hit in hits] == [("gadget", "/fr/")]


def table_stamp(model):
    return cache.get(f"{TAG_KEY}t:{model._meta.db_table}")


def test_a_registered_type_invalidates_the_page_cache(registered):
    before = table_stamp(Gadget)
    Gadget.objects.create(title_fr="Loupe", status=Status.PUBLISHED)
    assert table_stamp(Gadget) not in (None, before)  # pages that read its table are renewed
    assert "throwaway_gadget" in content_tables()


def test_an_unregistered_type_leaves_the_page_cache_alone():
    before = content_state()["version"]
    Gadget.objects.create(title_fr="Loupe", status=Status.PUBLISHED)
    assert content_state()["version"] == before
    assert table_stamp(Gadget) is None
    assert "throwaway_gadget" not in content_tables()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_new_type_gets_stored_vectors_from_its_own_migration_operation(postgres):
    """What a content app's migration does with core.search_vectors, then registers ``stored=True``."""
    from django.db import connection

    from core.search_vectors import add_vectors, drop_vectors
    from search.engine import Kind

    weights = {"A": ("title",), "B": ("summary",)}
    document = SearchDocument("gadget", "Gadget", "title", weights, ("summary",), url_name="home", slug="")
    with connection.schema_editor() as editor:
        add_vectors(editor, Gadget._meta.db_table, weights)
    try:
        registry.register(Gadget, search=document)
        Gadget.objects.create(title_fr="Théodolite", summary_fr="Mesure des angles.", status=Status.PUBLISHED)
        kind = Kind(Gadget, document)
        for language in ("fr", "en"):
            rows = Gadget.objects.annotate(stored=kind.search_vector(language), live=kind.vector(language))
            assert all(row.stored == row.live for row in rows)
        assert [hit.kind.key for hit in search_content(query="theodolite", language="fr")[0:10]] == ["gadget"]
    finally:
        registry.unregister(Gadget)
        with connection.schema_editor() as editor:
            drop_vectors(editor, Gadget._meta.db_table)

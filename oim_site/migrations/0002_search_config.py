"""PostgreSQL full-text search: accent-insensitive configurations and news indexes.

Only on PostgreSQL (SQLite searches through functions registered at run time,
see oim_site/search.py). ``french_unaccent`` is a copy of ``french`` whose
words go through ``unaccent`` before stemming, so that "reinstallation"
finds "réinstallation"; ``english_unaccent`` does the same for English.

The GIN indexes are built on exactly the expression ``oim_site.search.news_vector``
produces (copied here, as a migration must not change meaning when the code
does); tests/oim_site/test_search.py checks on PostgreSQL that the planner
uses them. News releases are the only content that grows into thousands.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf

CONFIGS = {"french_unaccent": "french", "english_unaccent": "english"}
INDEXES = {"fr": "news_search_fr_gin", "en": "news_search_en_gin"}


def news_vector(language):
    config = {"fr": "french_unaccent", "en": "english_unaccent"}[language]

    def col(name):
        if language == "fr":
            return F(f"{name}_fr")
        return Coalesce(NullIf(F(f"{name}_en"), Value("")), F(f"{name}_fr"), output_field=TextField())

    return (
        SearchVector(col("title"), config=config, weight="A")
        + SearchVector(col("lead"), col("dateline"), config=config, weight="B")
        + SearchVector(col("body"), config=config, weight="C")
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, parent in CONFIGS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name} CASCADE")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {parent})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart "
            f"WITH unaccent, {parent}_stem"
        )
    NewsRelease = apps.get_model("news", "NewsRelease")
    for language, index_name in INDEXES.items():
        schema_editor.execute(GinIndex(news_vector(language), name=index_name).create_sql(NewsRelease, schema_editor))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index_name in INDEXES.values():
        schema_editor.execute(f"DROP INDEX IF EXISTS {index_name}")
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    # The unaccent extension stays: other objects may have come to rely on it.


class Migration(migrations.Migration):
    dependencies = [
        ("oim_site", "0001_initial"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

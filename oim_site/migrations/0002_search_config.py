"""PostgreSQL full-text search: accent-insensitive configurations and stored vectors.

Only on PostgreSQL (SQLite searches through functions registered at run time,
see search/engine.py).

- ``french_unaccent`` is a copy of ``french`` whose words go through
  ``unaccent`` before stemming, so that "reinstallation" finds
  "réinstallation"; ``english_unaccent`` does the same for English.
- Each searchable table gets two generated columns, ``search_fr`` and
  ``search_en`` (``tsvector ... GENERATED ALWAYS AS (...) STORED``) with a GIN
  index. PostgreSQL keeps them up to date on every insert and update,
  whatever wrote the row; Django does not know these columns and never
  writes them. Storing the vectors is what keeps a search among 10,000
  releases fast: ranking reads the stored vector instead of re-parsing every
  matching text. English falls back to French field by field, as on the site.

The weights and fields are copied from the search documents the content apps
register (a migration must not change meaning when the code does); a type
added later adds its own columns with core.search_vectors.AddSearchVectors.
tests/oim_site/test_search.py checks on PostgreSQL that both still agree.
"""

from django.db import migrations

CONFIGS = {"french_unaccent": "french", "english_unaccent": "english"}
LANGUAGE_CONFIGS = {"fr": "french_unaccent", "en": "english_unaccent"}

#: table -> ({weight: fields}, untranslated fields)
VECTORS = {
    "news_newsrelease": ({"A": ["title"], "B": ["lead", "dateline"], "C": ["body"]}, []),
    "programmes_programmearea": ({"A": ["title"], "B": ["summary"], "C": ["body"]}, []),
    "programmes_project": ({"A": ["name", "acronym"], "B": ["summary", "countries"]}, ["acronym"]),
    "partners_partner": ({"A": ["name", "acronym"], "B": ["summary", "headquarters_city"], "C": ["body"]}, []),
    "offices_office": ({"A": ["name", "city"], "B": ["role", "summary", "address"], "C": ["description"]}, []),
    "oim_site_page": ({"A": ["title"], "B": ["summary"], "C": ["body"]}, []),
    "offices_person": ({"A": ["name"], "B": ["job_title"]}, ["name"]),
}


def column_sql(name, language, plain):
    if plain:
        return f"COALESCE(\"{name}\"::text, '')"
    if language == "fr":
        return f"COALESCE(\"{name}_fr\"::text, '')"
    return f"COALESCE(NULLIF(\"{name}_en\"::text, ''), \"{name}_fr\"::text, '')"


def vector_sql(table, language):
    weights, plain = VECTORS[table]
    config = LANGUAGE_CONFIGS[language]
    parts = []
    for weight, names in weights.items():
        text = " || ' ' || ".join(column_sql(name, language, name in plain) for name in names)
        parts.append(f"setweight(to_tsvector('{config}'::regconfig, {text}), '{weight}')")
    return " || ".join(parts)


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
    for table in VECTORS:
        for language in LANGUAGE_CONFIGS:
            column = f"search_{language}"
            schema_editor.execute(
                f'ALTER TABLE "{table}" ADD COLUMN "{column}" tsvector '
                f"GENERATED ALWAYS AS ({vector_sql(table, language)}) STORED"
            )
            schema_editor.execute(f'CREATE INDEX "{table}_{column}_gin" ON "{table}" USING gin ("{column}")')


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Expression indexes of the first version of this migration, if a database still has them.
    schema_editor.execute("DROP INDEX IF EXISTS news_search_fr_gin")
    schema_editor.execute("DROP INDEX IF EXISTS news_search_en_gin")
    for table in VECTORS:
        for language in LANGUAGE_CONFIGS:
            schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "search_{language}"')
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    # The unaccent extension stays: other objects may have come to rely on it.


class Migration(migrations.Migration):
    dependencies = [
        ("oim_site", "0001_initial"),
        ("news", "0001_initial"),
        ("offices", "0001_initial"),
        ("partners", "0001_initial"),
        ("programmes", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

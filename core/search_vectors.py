"""Stored search vectors for a content type's table on PostgreSQL, from its own migration.

A registered search document (core.registry.SearchDocument) is searched on
PostgreSQL through the generated ``search_fr`` / ``search_en`` columns of
its table when ``stored=True``: ranking reads the stored vector instead of
parsing every text again. A content app adds them in a migration of its own::

    from core.search_vectors import AddSearchVectors

    operations = [AddSearchVectors("gadgets_gadget", {"A": ["title"], "B": ["summary"]})]

The weights are written out in the migration (a migration must keep its
meaning when the code changes); search's PostgreSQL test checks that every
stored column holds what the registered document describes. On SQLite the
operation does nothing: search folds text in Python there. The text search
configurations ``french_unaccent`` / ``english_unaccent`` were made by
migration oim_site 0002, which also added the columns of the first content
types.
"""

from django.db import migrations

LANGUAGE_CONFIGS = {"fr": "french_unaccent", "en": "english_unaccent"}


def column_sql(name, language, plain):
    if plain:
        return f"COALESCE(\"{name}\"::text, '')"
    if language == "fr":
        return f"COALESCE(\"{name}_fr\"::text, '')"
    return f"COALESCE(NULLIF(\"{name}_en\"::text, ''), \"{name}_fr\"::text, '')"


def vector_sql(weights, plain, language):
    parts = []
    for weight, names in weights.items():
        text = " || ' ' || ".join(column_sql(name, language, name in plain) for name in names)
        parts.append(f"setweight(to_tsvector('{LANGUAGE_CONFIGS[language]}'::regconfig, {text}), '{weight}')")
    return " || ".join(parts)


def add_vectors(schema_editor, table, weights, plain=()):
    for language in LANGUAGE_CONFIGS:
        column = f"search_{language}"
        schema_editor.execute(
            f'ALTER TABLE "{table}" ADD COLUMN "{column}" tsvector '
            f"GENERATED ALWAYS AS ({vector_sql(weights, plain, language)}) STORED"
        )
        schema_editor.execute(f'CREATE INDEX "{table}_{column}_gin" ON "{table}" USING gin ("{column}")')


def drop_vectors(schema_editor, table):
    for language in LANGUAGE_CONFIGS:
        schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "search_{language}"')


class AddSearchVectors(migrations.RunPython):
    """Add (and on the way back, drop) the generated search columns of one table, on PostgreSQL only."""

    def __init__(self, table, weights, plain=()):
        self.table, self.weights, self.plain = table, dict(weights), tuple(plain)

        def forwards(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                add_vectors(schema_editor, self.table, self.weights, self.plain)

        def backwards(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                drop_vectors(schema_editor, self.table)

        super().__init__(forwards, backwards)

    def deconstruct(self):
        return self.__class__.__name__, [self.table, self.weights, self.plain], {}

    def describe(self):
        return f"Add stored search vectors to {self.table}"

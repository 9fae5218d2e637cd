"""Migrations apply and unapply cleanly, and the models have none left to write."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Project apps, most dependent first: unapplying goes in this order.
PROJECT_APPS = ["news", "programmes", "partners", "offices", "pages", "library", "editorial", "oim_site"]


def project_tables():
    prefixes = tuple(f"{app}_" for app in PROJECT_APPS)
    return {t for t in connection.introspection.table_names() if t.startswith(prefixes)}


def test_models_and_migrations_agree(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_project_apps_migrate_to_zero_and_back(postgres):
    executor = MigrationExecutor(connection)
    apps = [app for app in PROJECT_APPS if app in executor.loader.migrated_apps]
    tables = project_tables()
    assert {"news_newsrelease", "pages_page", "offices_person"} <= tables
    try:
        for app in apps:
            call_command("migrate", app, "zero", verbosity=0)
        assert project_tables() == set()
        executor.loader.build_graph()
        applied = {key for key in executor.loader.applied_migrations if key[0] in apps}
        assert applied == set()
    finally:
        call_command("migrate", verbosity=0)
    assert project_tables() == tables
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    # The roles are rebuilt after migrate (post_migrate), so a restored database is usable at once.
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {"Rédaction", "Publication"}

"""A publication's uploaded file moves into the media library as a document."""

import django.db.models.deletion
from django.db import migrations, models

from library.migration_support import documents_backwards, documents_forwards, settle

MOVE = {"file_field": "file", "new_field": "document", "title_field": "title", "language_field": "language"}


def forwards(apps, schema_editor):
    documents_forwards(apps, "programmes", "publication", **MOVE)
    settle(schema_editor)


def backwards(apps, schema_editor):
    documents_backwards(apps, "programmes", "publication", **MOVE)
    settle(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("programmes", "0003_expiry_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="document",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="publications", to="library.document", verbose_name="document"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="publication", name="file"),
    ]

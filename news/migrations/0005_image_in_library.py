"""The release's image moves into the media library, with its alternative texts, flag and credit."""

import django.db.models.deletion
from django.db import migrations, models

from library.migration_support import images_backwards, images_forwards, settle

MOVE = {"file_field": "image", "new_field": "library_image", "title_field": "title", "alt_field": "image_alt",
        "decorative_field": "image_decorative", "credit_field": "image_credit"}


def forwards(apps, schema_editor):
    images_forwards(apps, "news", "newsrelease", **MOVE)
    settle(schema_editor)


def backwards(apps, schema_editor):
    images_backwards(apps, "news", "newsrelease", **MOVE)
    settle(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("news", "0004_expiry_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsrelease",
            name="library_image",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="news_releases", to="library.image", verbose_name="image"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="newsrelease", name="image"),
        migrations.RemoveField(model_name="newsrelease", name="image_decorative"),
        migrations.RemoveField(model_name="newsrelease", name="image_credit"),
        migrations.RemoveField(model_name="newsrelease", name="image_credit_fr"),
        migrations.RemoveField(model_name="newsrelease", name="image_credit_en"),
        migrations.RenameField(model_name="newsrelease", old_name="library_image", new_name="image"),

        migrations.AlterField(
            model_name='newsrelease',
            name='image_alt',
            field=models.CharField(blank=True, help_text='Laissez vide pour reprendre celui de la médiathèque.', max_length=300, verbose_name='texte alternatif pour ce communiqué'),
        ),
        migrations.AlterField(
            model_name='newsrelease',
            name='image_alt_en',
            field=models.CharField(blank=True, help_text='Laissez vide pour reprendre celui de la médiathèque.', max_length=300, null=True, verbose_name='texte alternatif pour ce communiqué'),
        ),
        migrations.AlterField(
            model_name='newsrelease',
            name='image_alt_fr',
            field=models.CharField(blank=True, help_text='Laissez vide pour reprendre celui de la médiathèque.', max_length=300, null=True, verbose_name='texte alternatif pour ce communiqué'),
        ),
    ]

"""The partner's logo moves into the media library, with its alternative texts and flag."""

import django.db.models.deletion
from django.db import migrations, models

from library.migration_support import images_backwards, images_forwards, settle

MOVE = {"file_field": "logo", "new_field": "library_logo", "title_field": "name", "alt_field": "logo_alt",
        "decorative_field": "logo_decorative"}


def forwards(apps, schema_editor):
    images_forwards(apps, "partners", "partner", **MOVE)
    settle(schema_editor)


def backwards(apps, schema_editor):
    images_backwards(apps, "partners", "partner", **MOVE)
    settle(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("partners", "0003_expiry_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="library_logo",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="partners", to="library.image", verbose_name="logo"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="partner", name="logo"),
        migrations.RemoveField(model_name="partner", name="logo_decorative"),
        migrations.RenameField(model_name="partner", old_name="library_logo", new_name="logo"),

        migrations.AlterField(
            model_name='partner',
            name='logo_alt',
            field=models.CharField(blank=True, help_text='Laissez vide pour reprendre celui de la médiathèque.', max_length=200, verbose_name='texte alternatif du logo pour ce partenaire'),
        ),
        migrations.AlterField(
            model_name='partner',
            name='logo_alt_en',
            field=models.CharField(blank=True, help_text='Laissez vide pour reprendre celui de la médiathèque.', max_length=200, null=True, verbose_name='texte alternatif du logo pour ce partenaire'),
        ),
        migrations.AlterField(
            model_name='partner',
            name='logo_alt_fr',
            field=models.CharField(blank=True, help_text='Laissez vide pour reprendre celui de la médiathèque.', max_length=200, null=True, verbose_name='texte alternatif du logo pour ce partenaire'),
        ),
    ]

"""The pages table takes this app's name, and the content type follows the model.

Revisions (django-reversion), preview links and permissions point to the
content type by id: renaming ``oim_site.page`` to ``pages.page`` keeps them
all attached to the same pages. On a new database there is no content type
yet (post_migrate makes it after the migrations), so there is nothing to move.
"""

from django.db import migrations

OLD, NEW = ("oim_site", "page"), ("pages", "page")


def _move(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label=source[0], model=source[1]).first()
    if old is None:
        return
    if ContentType.objects.filter(app_label=target[0], model=target[1]).exists():
        # Made by a post_migrate that ran in between: the old one has the history.
        ContentType.objects.filter(app_label=target[0], model=target[1]).delete()
    old.app_label = target[0]
    old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    _move(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _move(apps, NEW, OLD)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("oim_site", "0004_delete_page"),
        ("pages", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="page", table=None),
        migrations.RunPython(forwards, backwards),
    ]

"""manage.py clear_renditions: delete every generated rendition; pages make them again on demand."""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from core.renditions import RENDITIONS_DIR, clear_cache


def _walk(storage, path):
    directories, files = storage.listdir(path)
    for name in files:
        yield f"{path}/{name}"
    for directory in directories:
        yield from _walk(storage, f"{path}/{directory}")


class Command(BaseCommand):
    help = "Supprime les déclinaisons d’images générées (dossier renditions/) ; elles sont refaites à la demande."

    def handle(self, *args, **options):
        try:
            names = list(_walk(default_storage, RENDITIONS_DIR))
        except FileNotFoundError:
            names = []
        for name in names:
            default_storage.delete(name)
        clear_cache()
        self.stdout.write(f"{len(names)} déclinaison(s) supprimée(s).")

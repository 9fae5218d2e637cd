import sys

from django.core.management.base import BaseCommand

from content.transfer import dump, export_content


class Command(BaseCommand):
    help = (
        "Exporte tout le contenu du site (les deux langues, les relations et les fichiers média en base64) "
        "dans un fichier JSON, à réimporter avec import_content. « - » ou rien : sortie standard."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="Fichier à écrire (défaut : sortie standard).")

    def handle(self, *args, file, verbosity, **options):
        # The progress goes to stderr when the export itself goes to stdout.
        out = self.stderr if file == "-" else self.stdout

        def log(message, level=1):
            if verbosity >= level:
                out.write(message)

        document = export_content(log=log)
        if file == "-":
            dump(document, sys.stdout)
            sys.stdout.write("\n")
        else:
            with open(file, "w", encoding="utf-8") as stream:
                dump(document, stream)
        if verbosity:
            total = sum(document["counts"].values())
            out.write(self.style.SUCCESS(
                f"Export terminé : {total} objet(s), {len(document['media'])} fichier(s) média"
                + ("" if file == "-" else f" → {file}")
            ))

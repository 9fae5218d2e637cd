import json
import sys

from django.core.management.base import BaseCommand, CommandError

from content.transfer import TransferError, import_content


class Command(BaseCommand):
    help = (
        "Importe un fichier produit par export_content : contenus (deux langues, relations) et fichiers média. "
        "Tout ou rien : en cas d’erreur, la base reste telle qu’elle était. Les objets gardent leur identifiant ; "
        "réimporter le même fichier ne crée pas de doublon."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Fichier JSON d’export (« - » : entrée standard).")
        parser.add_argument(
            "--replace", action="store_true",
            help="Supprime d’abord tout le contenu existant : la base contiendra exactement celui du fichier.",
        )

    def handle(self, *args, file, replace, verbosity, **options):
        try:
            if file == "-":
                document = json.load(sys.stdin)
            else:
                with open(file, encoding="utf-8") as stream:
                    document = json.load(stream)
        except OSError as exc:
            raise CommandError(f"Impossible de lire {file} : {exc}") from exc
        except ValueError as exc:
            raise CommandError(f"{file} n’est pas un fichier JSON valide : {exc}") from exc

        def log(message, level=1):
            if verbosity >= level:
                self.stdout.write(message)

        try:
            counts = import_content(document, replace=replace, log=log)
        except TransferError as exc:
            raise CommandError(f"{exc} Rien n’a été importé.") from exc
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Import terminé : {sum(counts.values())} objet(s)."))

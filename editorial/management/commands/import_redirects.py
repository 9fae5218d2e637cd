"""Load redirects from the old site's addresses to the new pages."""

import csv

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editorial.services import redirect_create, redirect_problems


def row_error(old_path, new_path):
    """The same rules as the admin's form (an operator may redirect to another site over https)."""
    problems = redirect_problems(old_path=old_path, new_path=new_path, allow_external=True)
    if not problems:
        return None
    return " ; ".join(f"{field} : {message}" for field, message in problems.items())


class Command(BaseCommand):
    help = (
        "Charge des redirections 301 depuis un fichier CSV (colonnes old_path,new_path, avec en-tête). "
        "Les lignes invalides sont signalées avec leur numéro ; les autres sont chargées. "
        "Relancer le même fichier ne crée pas de doublon."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="fichier CSV en UTF-8")
        parser.add_argument("--dry-run", action="store_true", help="vérifier sans rien enregistrer")

    def handle(self, *args, file, dry_run=False, **options):
        verbosity = options.get("verbosity", 1)
        try:
            handle = open(file, newline="", encoding="utf-8-sig")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Impossible de lire {file} : {exc}") from exc
        loaded, errors, seen = 0, 0, {}
        with handle, transaction.atomic():
            reader = csv.DictReader(handle)
            missing = {"old_path", "new_path"} - set(reader.fieldnames or ())
            if missing:
                raise CommandError(f"Colonnes manquantes dans l’en-tête : {', '.join(sorted(missing))}")
            for row in reader:
                line = reader.line_num
                old_path = (row.get("old_path") or "").strip()
                new_path = (row.get("new_path") or "").strip()
                problem = row_error(old_path, new_path)
                if problem is None and old_path in seen:
                    problem = f"old_path déjà présent ligne {seen[old_path]}"
                if problem:
                    errors += 1
                    self.stderr.write(self.style.ERROR(f"ligne {line} : {problem}"))
                    continue
                seen[old_path] = line
                redirect_create(old_path=old_path, new_path=new_path)
                loaded += 1
                if verbosity >= 2:
                    self.stdout.write(f"ligne {line} : {old_path} → {new_path}")
                elif verbosity and loaded % 500 == 0:
                    self.stdout.write(f"{loaded} redirections…")
            if dry_run:
                transaction.set_rollback(True)
        verb = "vérifiées (rien n’est enregistré, --dry-run)" if dry_run else "chargées"
        self.stdout.write(self.style.SUCCESS(f"{loaded} redirection(s) {verb}, {errors} ligne(s) en erreur."))

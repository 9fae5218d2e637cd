from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from content.loader import (
    ACTIONS,
    CONFLICT,
    CREATED,
    EDITED,
    MISSING,
    RESTORED,
    UNCHANGED,
    initial_content_load,
)

LABELS = {
    CREATED: "créé(s)",
    RESTORED: "rétabli(s)",
    UNCHANGED: "inchangé(s)",
    EDITED: "modifié(s) dans l’admin, laissé(s) tel(s) quel(s)",
    MISSING: "supprimé(s) dans l’admin, non recréé(s)",
    CONFLICT: "non créé(s) : en conflit avec un contenu existant",
}
SIGNS = {CREATED: "+", RESTORED: "↺", UNCHANGED: "=", EDITED: "≠", MISSING: "−", CONFLICT: "!"}


class Command(BaseCommand):
    help = (
        "Crée le contenu de l’OIM France livré avec le site (pages et menu, bureaux, partenaires, programmes, "
        "communiqués), en français et en anglais. Peut être relancée : ne crée que ce qui manque et laisse "
        "intact ce qui a été modifié dans l’admin, sauf avec --reset."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true",
            help="Rétablit le contenu livré sur les objets modifiés depuis (ne supprime rien de ce qui a été ajouté).",
        )
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive",
            help="Ne demande aucune confirmation (pour --reset).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Montre ce qui serait fait, sans rien enregistrer.")

    def handle(self, *args, reset, interactive, dry_run, verbosity, **options):
        if reset and interactive and not dry_run:
            try:
                answer = input(
                    "--reset remplace par le contenu livré les textes modifiés dans l’admin. Continuer ? [oui/non] "
                )
            except EOFError:  # no terminal to answer from: refuse rather than guess
                answer = ""
            if answer.strip().lower() not in {"oui", "o", "yes", "y"}:
                raise CommandError("Annulé : rien n’a été modifié.")

        with transaction.atomic():
            report = initial_content_load(reset=reset, with_files=not dry_run)
            if dry_run:
                transaction.set_rollback(True)

        if verbosity >= 1:
            self._write_report(report, verbosity=verbosity, dry_run=dry_run)
        for model, label, message in report.conflicts:
            self.stderr.write(self.style.ERROR(f"{model._meta.verbose_name} « {label} » non créé : {message}"))

    def _write_report(self, report, *, verbosity, dry_run):
        prefix = "[simulation] " if dry_run else ""
        if verbosity >= 2:
            for model, label, action in report.entries:
                self.stdout.write(f"{prefix}{SIGNS[action]} {model._meta.verbose_name} « {label} » : {LABELS[action]}")
        for model, counts in report.counts().items():
            if not counts:
                continue
            parts = ", ".join(f"{counts[action]} {LABELS[action]}" for action in ACTIONS if counts[action])
            if counts[EDITED] or counts[MISSING] or counts[CONFLICT]:
                style = self.style.WARNING
            elif counts[CREATED] or counts[RESTORED]:
                style = self.style.SUCCESS
            else:
                style = self.style.NOTICE
            self.stdout.write(style(f"{prefix}{str(model._meta.verbose_name_plural).capitalize()} : {parts}"))
        if dry_run:
            self.stdout.write(self.style.NOTICE("Simulation : rien n’a été enregistré."))
        elif report.total(EDITED):
            self.stdout.write(self.style.WARNING(
                f"{report.total(EDITED)} objet(s) modifié(s) dans l’admin ont été conservés ; "
                "--reset rétablit le contenu livré."
            ))

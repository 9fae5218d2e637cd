from django.core.management.base import BaseCommand

from editorial.workflow import publish_due_drafts


class Command(BaseCommand):
    help = (
        "Met en ligne les brouillons programmés dont l’heure est passée. Inutile quand le cache des pages est "
        "actif (PAGE_CACHE_SECONDS > 0) : la première requête après l’heure le fait. Sans danger si relancé."
    )

    def handle(self, *args, **options):
        count = publish_due_drafts()
        if options.get("verbosity", 1):
            self.stdout.write(self.style.SUCCESS(f"{count} brouillon(s) programmé(s) mis en ligne."))

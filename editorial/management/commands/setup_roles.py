from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.roles import roles_setup


class Command(BaseCommand):
    help = "Crée ou met à jour les groupes « Rédaction » et « Publication » et leurs permissions."

    @transaction.atomic
    def handle(self, *args, **options):
        for name, count in roles_setup().items():
            if options["verbosity"]:
                self.stdout.write(self.style.SUCCESS(f"{name}: {count} permissions"))

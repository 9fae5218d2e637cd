"""Run with the code of main before the layout move: content, history, preview links, redirect, media."""
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oim_site.settings")
os.environ["DJANGO_DEBUG"] = "1"
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from reversion import revisions

call_command("migrate", verbosity=0)
call_command("load_initial_content", "--no-input", verbosity=0)
from oim_site.editorial.models import PreviewLink, Redirect
from oim_site.models import Page

from news.models import NewsRelease
from partners.models import Partner

user = User.objects.create_user("editrice", "e@example.org", "x" * 16, is_staff=True)
for obj in [Page.objects.get(slug_fr="a-propos"), NewsRelease.objects.order_by("pk").first(), Partner.objects.order_by("pk").first()]:
    with revisions.create_revision():
        obj.save(); revisions.set_user(user); revisions.set_comment("fixture")
    with revisions.create_revision():
        obj.title_en = (getattr(obj, "title_en", None) or "") if hasattr(obj, "title_en") else None
        if hasattr(obj, "summary_en"):
            obj.summary_en = (obj.summary_en or "") + " (fixture)"
        obj.save(); revisions.set_user(user); revisions.set_comment("fixture 2")
page = Page.objects.get(slug_fr="a-propos")
link = PreviewLink.objects.create(content_object=page, created_by=user)
PreviewLink.objects.create(content_object=NewsRelease.objects.order_by("pk").first(), created_by=user)
Redirect.objects.create(old_path="/fr/ancienne-page/", new_path=page.get_absolute_url())
from oim_site.transfer import export_content

json.dump(export_content(), open(sys.argv[1], "w"), ensure_ascii=False, indent=0, default=str)
print("page", page.pk, "token", link.token)

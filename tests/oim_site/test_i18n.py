"""The interface exists in French and English: admin, public pages and messages."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [ROOT / "locale/en/LC_MESSAGES/django.po", ROOT / "editorial/locale/en/LC_MESSAGES/django.po",
              ROOT / "identity/locale/en/LC_MESSAGES/django.po"]
# Django's own admin strings, which Django's catalogues already translate.
DJANGO_OWN = {"Home", "History"}


def entries(po):
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', block.split("msgstr")[0], re.M))
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.M)
        if msgid:
            yield msgid, ["".join([first, *re.findall(r'"(.*)"', rest)]) for first, rest in msgstrs], block


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_interface_string_has_its_english(po):
    untranslated = [msgid for msgid, msgstrs, block in entries(po)
                    if msgid not in DJANGO_OWN and (not all(msgstrs) or "#, fuzzy" in block)]
    assert untranslated == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogues_match_their_sources(po):
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = [msgid for msgid, msgstrs, _block in entries(po)
             if msgid not in DJANGO_OWN and len(msgstrs) == 1 and compiled.gettext(msgid) != msgstrs[0]]
    assert stale == [], "run `make messages`"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [("fr", "Communiqués de presse"), ("en", "Press releases")])
def test_admin_speaks_the_editors_language(admin_client, language, expected):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert expected in html

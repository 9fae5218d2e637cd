"""Old addresses keep working: slug changes and the old site's paths answer 301."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from core.models import Status
from editorial.models import Redirect
from editorial.services import redirect_create
from tests import factories

pytestmark = pytest.mark.django_db


def redirects():
    return dict(Redirect.objects.values_list("old_path", "new_path"))


def test_slug_change_of_a_published_release_redirects_in_each_language(client):
    release = factories.NewsReleaseFactory(slug_fr="ancien", slug_en="old")
    release.slug_fr, release.slug_en = "nouveau", "new"
    release.save()
    assert redirects() == {"/fr/actualites/ancien/": "/fr/actualites/nouveau/",
                           "/en/news/old/": "/en/news/new/"}
    response = client.get("/fr/actualites/ancien/")
    assert response.status_code == 301 and response["Location"] == "/fr/actualites/nouveau/"
    assert client.get("/en/news/old/")["Location"] == "/en/news/new/"
    assert client.get(response["Location"]).status_code == 200


def test_only_the_language_whose_slug_changed_is_redirected():
    partner = factories.PartnerFactory(slug_fr="ocde", slug_en="oecd")
    partner.slug_en = "organisation-for-economic-co-operation"
    partner.save()
    assert list(redirects()) == ["/en/partners/oecd/"]


def test_draft_slug_changes_leave_no_redirect():
    page = factories.PageFactory(status=Status.DRAFT, slug_fr="brouillon")
    page.slug_fr = "autre"
    page.save()
    assert redirects() == {}


def test_chains_are_collapsed():
    office = factories.OfficeFactory(slug_fr="a", slug_en="a-en")
    for slug in ("b", "c"):
        office.slug_fr = slug
        office.save()
    assert redirects() == {"/fr/bureaux/a/": "/fr/bureaux/c/", "/fr/bureaux/b/": "/fr/bureaux/c/"}


def test_going_back_to_an_old_slug_makes_no_loop(client):
    office = factories.OfficeFactory(slug_fr="a", slug_en="a-en")
    for slug in ("b", "a"):
        office.slug_fr = slug
        office.save()
    assert redirects() == {"/fr/bureaux/b/": "/fr/bureaux/a/"}
    assert client.get("/fr/bureaux/a/").status_code == 200


def test_redirect_never_hides_a_live_page(client):
    live = factories.PageFactory(slug_fr="vivante")
    Redirect.objects.create(old_path=live.get_absolute_url_in("fr"), new_path="/fr/")
    assert client.get(live.get_absolute_url_in("fr")).status_code == 200


def test_query_string_is_kept(client):
    Redirect.objects.create(old_path="/fr/ancienne-liste/", new_path="/fr/actualites/")
    assert client.get("/fr/ancienne-liste/?page=2")["Location"] == "/fr/actualites/?page=2"


def test_redirect_to_itself_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        Redirect.objects.create(old_path="/x/", new_path="/x/")


def test_service_collapses_imported_chains_both_ways():
    redirect_create(old_path="/b", new_path="/c")
    redirect_create(old_path="/a", new_path="/b")
    assert redirects() == {"/a": "/c", "/b": "/c"}
    redirect_create(old_path="/c", new_path="/a")
    assert redirects() == {"/b": "/a", "/c": "/a"}


CSV = """old_path,new_path
/jahia/Jahia/pid/1,/fr/actualites/
/jahia/Jahia/pid/2,fr/sans-barre/
/jahia/Jahia/pid/3,/fr/partenaires/
,/fr/
/jahia/Jahia/pid/1,/fr/bureaux/
/jahia/Jahia/pid/4,/jahia/Jahia/pid/4
/jahia/Jahia/lang/en/pid/5,https://www.iom.int/
"""


def write_csv(tmp_path, text=CSV):
    path = tmp_path / "redirects.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_loads_good_rows_and_reports_bad_ones_by_line(tmp_path, capsys, client):
    call_command("import_redirects", str(write_csv(tmp_path)))
    out, err = capsys.readouterr()
    assert redirects() == {
        "/jahia/Jahia/pid/1": "/fr/actualites/",
        "/jahia/Jahia/pid/3": "/fr/partenaires/",
        "/jahia/Jahia/lang/en/pid/5": "https://www.iom.int/",
    }
    error_lines = [line.split(" :")[0] for line in err.strip().splitlines()]
    assert error_lines == ["ligne 3", "ligne 5", "ligne 6", "ligne 7"]
    assert "déjà présent ligne 2" in err
    assert "3 redirection(s) chargées, 4 ligne(s) en erreur." in out
    response = client.get("/jahia/Jahia/pid/3")
    assert response.status_code == 301 and response["Location"] == "/fr/partenaires/"


def test_import_is_safe_to_rerun(tmp_path):
    path = write_csv(tmp_path)
    call_command("import_redirects", str(path), stderr=open("/dev/null", "w"))  # noqa: SIM115
    call_command("import_redirects", str(path), stderr=open("/dev/null", "w"))  # noqa: SIM115
    assert Redirect.objects.count() == 3


def test_import_dry_run_saves_nothing(tmp_path, capsys):
    call_command("import_redirects", str(write_csv(tmp_path)), "--dry-run")
    assert Redirect.objects.count() == 0
    assert "--dry-run" in capsys.readouterr().out


def test_import_refuses_a_file_without_the_columns(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Colonnes manquantes"):
        call_command("import_redirects", str(write_csv(tmp_path, "from,to\n/a,/b\n")))

"""{% memo %} (core.templatetags.site_tags): the layout's parts rendered once per key and language."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.utils.translation import override

from core.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self):
        self.count = 0

    @property
    def next(self):
        self.count += 1
        return self.count


def render(template, **context):
    return template.render(Context(context))


def test_the_content_is_rendered_once_per_key_and_language():
    template = Template("{% load site_tags %}{% memo key %}{{ counter.next }}{% endmemo %}")
    counter = Counter()
    with override("fr"):
        assert [render(template, key="a", counter=counter) for _ in range(3)] == ["1", "1", "1"]
        assert render(template, key="b", counter=counter) == "2"
        assert render(template, key="a", counter=counter) == "1"
    with override("en"):
        assert render(template, key="a", counter=counter) == "3"


def test_a_changed_setting_forgets_what_was_kept():
    template = Template("{% load site_tags %}{% memo %}{{ counter.next }}{% endmemo %}")
    counter = Counter()
    assert render(template, counter=counter) == "1"
    with override_settings(STATIC_URL="/elsewhere/"):
        assert render(template, counter=counter) == "2"


def test_kept_links_are_marked_current_for_each_request_on_its_own():
    template = Template("{% load site_tags %}{% memo %}<a href=\"/fr/a/\"{% aria_current '/fr/a/' %}>A</a>"
                        "<a href=\"/fr/b/\"{% aria_current '/fr/b/' %}>B</a>{% endmemo %}")
    requests = RequestFactory()
    on_a = render(template, request=requests.get("/fr/a/"))
    on_b = render(template, request=requests.get("/fr/b/"))
    on_c = render(template, request=requests.get("/fr/c/"))
    assert on_a == '<a href="/fr/a/" aria-current="page">A</a><a href="/fr/b/">B</a>'
    assert on_b == '<a href="/fr/a/">A</a><a href="/fr/b/" aria-current="page">B</a>'
    assert on_c == '<a href="/fr/a/">A</a><a href="/fr/b/">B</a>'


def menu(client, url):
    page = client.get(url).content.decode()
    return re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)


def footer(client, url):
    page = client.get(url).content.decode()
    return re.search(r"<footer.*?</footer>", page, re.S).group(0)


def test_the_menu_and_footer_follow_every_change_of_their_pages(client):
    about = factories.PageFactory(title_fr="Qui sommes-nous", show_in_menu=True)
    legal = factories.PageFactory(title_fr="Mentions légales", show_in_menu=False)
    factories.PageFactory(title_fr="Actualités du site", section="news:list", show_in_menu=True)
    assert "Qui sommes-nous" in menu(client, "/fr/") and "Mentions légales" in footer(client, "/fr/")
    # The kept menu marks the page being read on each page.
    assert re.findall(r'<a href="([^"]+)" aria-current="page"', menu(client, "/fr/actualites/")) == ["/fr/actualites/"]
    assert re.findall(r'<a href="([^"]+)" aria-current="page"', menu(client, "/fr/")) == ["/fr/"]

    about.title_fr = "L’OIM en France"
    about.save()
    legal.title_fr = "Informations légales"
    legal.save()
    assert "L’OIM en France" in menu(client, "/fr/") and "Qui sommes-nous" not in menu(client, "/fr/")
    assert "Informations légales" in footer(client, "/fr/actualites/")
    about.status = Status.DRAFT
    about.save()
    assert "L’OIM en France" not in menu(client, "/fr/")
    # The English menu is its own.
    assert 'href="/en/news/"' in menu(client, "/en/") and 'href="/fr/actualites/"' not in menu(client, "/en/")


def test_the_home_page_sections_follow_every_change_of_their_lists(client):
    factories.NewsReleaseFactory(title_fr="Premier communiqué")
    factories.ProgrammeAreaFactory(title_fr="Intégration")
    first = client.get("/fr/").content.decode()
    assert "Premier communiqué" in first and "Intégration" in first
    factories.NewsReleaseFactory(title_fr="Second communiqué")
    area = factories.ProgrammeAreaFactory(title_fr="Réinstallation")
    second = client.get("/fr/").content.decode()
    assert "Second communiqué" in second and "Réinstallation" in second
    area.status = Status.DRAFT
    area.save()
    assert "Réinstallation" not in client.get("/fr/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'lang="en"' in english and "/en/news/" in english


def test_clearing_the_renditions_renews_the_pages_that_name_them(client, png_upload, media_root):
    import io

    from django.core.management import call_command

    factories.NewsReleaseFactory(image=png_upload(size=(1600, 1000)))
    page = client.get("/fr/").content.decode()
    source = re.search(r'<img class="hero__image" src="/media/([^"]+)"', page).group(1)
    call_command("clear_renditions", stdout=io.StringIO())
    assert not (media_root / source).exists()
    again = client.get("/fr/").content.decode()
    assert re.search(r'<img class="hero__image" src="/media/([^"]+)"', again).group(1) == source
    # Every rendition the page names was made again.
    for name in set(re.findall(r'/media/(renditions/[^" ,]+)', again)):
        assert (media_root / name).exists(), name

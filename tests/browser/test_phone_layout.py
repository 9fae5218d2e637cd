"""The public pages as a phone and a desktop show them: the header's menu, the layout, print and weight.

Two sites: the shipped content (load_initial_content: the real menu of eight entries and a real release,
the ones a reader meets), and tests.templates_checks.site (every page type with everything it can show,
images included).
"""

import pytest
from django.core.management import call_command

from tests.templates_checks.site import build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SMALLEST = {"width": 320, "height": 640}

#: The page types axe checks at both widths, as build_site names them.
AXE_PAGES = ("home", "news list", "news detail", "partner detail", "office detail", "search with results")

H1_TOP = "Math.round(document.querySelector('h1').getBoundingClientRect().top)"
NAV_LINK_VISIBLE = "(link) => link.getClientRects().length > 0 && getComputedStyle(link).visibility === 'visible'"


@pytest.fixture
def shipped(settings):
    """The content a new install ships with; returns {page type: (French URL, English URL)}."""
    from news.models import NewsRelease

    settings.PAGE_CACHE_SECONDS = 0
    call_command("load_initial_content", "--no-input", verbosity=0)
    release = NewsRelease.objects.published().order_by("-publication_date").first()
    return {"home": ("/fr/", "/en/"),
            "news detail": (release.get_absolute_url_in("fr"), release.get_absolute_url_in("en"))}


@pytest.fixture
def every_page_type(settings, png_upload):
    settings.PAGE_CACHE_SECONDS = 0
    settings.SERVE_MEDIA = True  # the images are shown, so the layout measured is the one with images
    return build_site(png_upload)


def new_page(browser, viewport, language="fr", **options):
    context = browser.new_context(viewport=viewport, locale="fr-FR" if language == "fr" else "en-GB", **options)
    return context.new_page()


def main_nav(page, language="fr"):
    return page.get_by_role("navigation", name="Menu principal" if language == "fr" else "Main menu")


# -- The phone menu -------------------------------------------------------------------------------


def test_phone_menu_button_opens_and_closes_the_navigation_with_search_and_languages(live_server, chromium,
                                                                                      shipped):
    from playwright.sync_api import expect

    page = new_page(chromium, PHONE)
    page.goto(f"{live_server.url}/fr/")
    button = page.get_by_role("button", name="Menu")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "site-menu")
    news = main_nav(page).get_by_role("link", name="Actualités")
    search = page.get_by_label("Rechercher sur le site")
    english = page.get_by_role("navigation", name="Langue").get_by_role("link", name="English")
    for hidden in (news, search, english):
        expect(hidden).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    for shown in (news, search, english):
        expect(shown).to_be_visible()
    # The bar stays a bar: opening the menu does not move the button.
    assert button.bounding_box()["y"] < 60

    button.click()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(news).to_be_hidden()

    # The same in English: the button says "Menu" there too.
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("button", name="Menu").click()
    expect(main_nav(page, "en").get_by_role("link", name="News")).to_be_visible()
    page.context.close()


def test_phone_menu_works_from_the_keyboard_and_escape_gives_the_focus_back(live_server, chromium, shipped):
    from playwright.sync_api import expect

    page = new_page(chromium, PHONE)
    page.goto(f"{live_server.url}/fr/")
    button = page.get_by_role("button", name="Menu")
    # Skip link, then the brand, then the menu button: the keyboard reaches it in the reading order.
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(button).to_be_focused()

    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()

    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    # Into the menu: the search field comes next, then Escape from inside closes and returns to the button.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Rechercher sur le site")).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(main_nav(page).get_by_role("link", name="Actualités")).to_be_hidden()
    page.context.close()


def test_without_javascript_the_navigation_is_reachable_on_a_phone_and_a_desktop(live_server, chromium, shipped):
    from playwright.sync_api import expect

    page = new_page(chromium, PHONE, java_script_enabled=False)
    page.goto(f"{live_server.url}/fr/")
    news = main_nav(page).get_by_role("link", name="Actualités")
    expect(news).to_be_hidden()
    # No script, no button: "Menu" is a link that unfolds the menu.
    assert page.get_by_role("button", name="Menu").count() == 0
    page.get_by_role("link", name="Menu").click()
    expect(news).to_be_visible()
    expect(page.get_by_label("Rechercher sur le site")).to_be_visible()
    news.click()
    expect(page).to_have_url(f"{live_server.url}/fr/actualites/")
    page.context.close()

    page = new_page(chromium, DESKTOP, java_script_enabled=False)
    page.goto(f"{live_server.url}/fr/")
    expect(main_nav(page).get_by_role("link", name="Données et recherche")).to_be_visible()
    page.context.close()


# -- Layout ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_release_h1_starts_within_the_top_300px_on_a_phone(live_server, chromium, shipped, language):
    page = new_page(chromium, PHONE, language)
    french, english = shipped["news detail"]
    page.goto(live_server.url + (french if language == "fr" else english))
    page.evaluate("document.fonts.ready.then(() => true)")
    top = page.evaluate(H1_TOP)
    assert top <= 300, f"the release's <h1> starts at {top}px at 360x740"
    page.context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_main_menu_is_one_row_at_1280px(live_server, chromium, shipped, language):
    page = new_page(chromium, DESKTOP, language)
    page.goto(f"{live_server.url}/{language}/")
    page.evaluate("document.fonts.ready.then(() => true)")
    tops = page.evaluate("[...document.querySelectorAll('.main-nav > ul > li')]"
                         ".map((item) => Math.round(item.getBoundingClientRect().top))")
    assert len(tops) == 8, tops  # home and the seven menu pages of the shipped content
    assert len(set(tops)) == 1, f"the menu wraps at 1280px: rows start at {sorted(set(tops))}"
    assert page.get_by_role("button", name="Menu").is_hidden()
    page.context.close()


def test_nothing_scrolls_sideways_at_320px_on_any_page_type(live_server, chromium, every_page_type):
    page = new_page(chromium, SMALLEST)
    for name, pair in every_page_type.items():
        for path in pair:
            response = page.goto(live_server.url + path)
            assert response.status == (404 if name == "404" else 200), path
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{name} ({path}) is {width}px wide at 320px"
            # With the menu open too.
            page.get_by_role("button", name="Menu").click()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{name} ({path}) with the menu open is {width}px wide at 320px"
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_axe_finds_nothing_on_every_page_type_at_both_widths(live_server, chromium, every_page_type,
                                                               assert_accessible, viewport):
    for language in ("fr", "en"):
        page = new_page(chromium, viewport, language)
        for name in AXE_PAGES:
            path = every_page_type[name][0 if language == "fr" else 1]
            page.goto(live_server.url + path)
            assert_accessible(page)
        if viewport is PHONE:
            # The open menu as well: its links, search form and languages on the blue and white panels.
            page.get_by_role("button", name="Menu").click()
            assert_accessible(page)
        page.context.close()


def test_the_search_matches_have_a_style_of_their_own(live_server, chromium, every_page_type):
    page = new_page(chromium, DESKTOP)
    page.goto(live_server.url + every_page_type["search with results"][0])
    mark = page.locator("mark").first
    colours = mark.evaluate("(element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).color]")
    assert colours != ["rgb(255, 255, 0)", "rgb(0, 0, 0)"]  # not the browser's yellow
    assert colours == ["rgb(220, 230, 248)", "rgb(0, 36, 111)"]
    page.context.close()


# -- Print ------------------------------------------------------------------------------------------------


def test_a_printed_release_has_the_organisation_and_the_date_but_no_navigation(live_server, chromium,
                                                                                 every_page_type):
    from playwright.sync_api import expect

    page = new_page(chromium, DESKTOP)
    page.goto(live_server.url + every_page_type["news detail"][0])
    page.emulate_media(media="print")
    for hidden in (".main-nav", ".breadcrumbs", ".site-menu__tools", ".skip-link", "a[download]",
                   ".site-footer nav"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".brand__name")).to_be_visible()
    expect(page.locator(".brand__name")).to_have_text("OIM France")
    expect(page.locator(".article__meta time")).to_be_visible()
    expect(page.get_by_role("button")).to_have_count(0)  # the menu button is not printed either
    assert page.locator("button:visible, .button:visible").count() == 0
    # An outside link says where it leads.
    link = page.locator('main a[href^="http"]').first
    after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    page.context.close()


# -- Weight ------------------------------------------------------------------------------------------------


def test_the_home_page_weighs_under_150_kb_without_its_images(live_server, chromium, shipped):
    """HTML, CSS, JavaScript and fonts as transferred, font included; images are not counted.

    The test server sends the stylesheet and the script uncompressed (production compresses them with
    WhiteNoise), so this is an upper bound.
    """
    page = new_page(chromium, PHONE)
    sizes = {}

    def record(request):
        if request.resource_type != "image":
            sizes[request.url] = (request.resource_type, request.sizes()["responseBodySize"])

    page.on("requestfinished", record)
    page.goto(f"{live_server.url}/fr/", wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    kinds = {kind for kind, _size in sizes.values()}
    assert {"document", "stylesheet", "script", "font"} <= kinds, sizes
    total = sum(size for _kind, size in sizes.values())
    assert total < 150 * 1024, f"{total} bytes without images: {sizes}"
    page.context.close()


# -- The site's name in each language -----------------------------------------------------------------


@pytest.mark.parametrize(("language", "name", "other"), [("en", "IOM France", "OIM France"),
                                                         ("fr", "OIM France", "IOM France")])
def test_the_site_names_itself_in_the_page_language(live_server, chromium, shipped, language, name, other):
    """What a reader sees and what a sharing service reads: the header, the title, og:site_name, JSON-LD."""
    import json

    from playwright.sync_api import expect

    for page_type in ("home", "news detail"):
        page = new_page(chromium, PHONE, language)
        page.goto(live_server.url + shipped[page_type][0 if language == "fr" else 1])
        expect(page.locator("header").first).to_contain_text(name)
        assert page.title().endswith(name), page.title()
        assert page.locator('meta[property="og:site_name"]').get_attribute("content") == name
        organisations = [json.loads(block) for block in page.locator('script[type="application/ld+json"]')
                         .all_text_contents()]
        assert name in json.dumps(organisations, ensure_ascii=False)
        assert other not in page.locator("header").first.inner_text()
        page.context.close()

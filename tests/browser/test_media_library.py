"""The media library in Chromium, as an editor uses it from a release's form.

CKEditor's image dialog uploads into the library (its "Téléverser" tab, drag
and drop, paste) and browses it ("Parcourir le serveur"); the release's own
image is chosen from the library in a pop-up or uploaded in place; a click on
an image sets its focal point, which moves the crops; an image still in use
cannot be deleted. Each flow ends on what the database holds and on the
public page.

The server side of the same features is tested in tests/library/.
"""

import io
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from core.renditions import get_rendition
from editorial.roles import roles_setup
from library.models import Image
from news.models import NewsRelease
from tests.browser.conftest import log_in
from tests.conftest import make_image_bytes
from tests.factories import LibraryImageFactory, NewsReleaseFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIBRARY_FILE = re.compile(r"^/media/library/images/\d{4}/\d{2}/[^/]+\.png$")
RENDITION = re.compile(r"^/media/renditions/")


@pytest.fixture(autouse=True)
def site(settings):
    """/media/ served by the live server (as by the proxy in production), public pages not cached."""
    settings.SERVE_MEDIA = True
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def publisher():
    roles_setup()  # transactional tests flush the groups made by post_migrate
    return UserFactory(groups=["Publication"])


@pytest.fixture
def refusals():
    """Every answer of 400 or more received in a page's context, pop-ups included (``watch(page)``): (status, url)."""
    found = []

    def watch(page):
        page.context.on("response", lambda response: found.append((response.status, response.url))
                        if response.status >= 400 else None)
        return page

    watch.found = found
    return watch


def png_file(tmp_path, name, size=(1600, 1000), color=(0, 51, 160)):
    path = tmp_path / name
    path.write_bytes(make_image_bytes("PNG", size=size, color=color))
    return path


def fill_release(page, title):
    """What every release needs before it may be published: titles and leads in both languages."""
    page.fill("#id_title_fr", title)
    page.fill("#id_dateline_fr", "Paris")
    page.fill("#id_lead_fr", "Chapeau du communiqué.")
    page.click('a[href="#tab_id_title_en"]')
    page.fill("#id_title_en", f"{title} (EN)")
    page.click('a[href="#tab_id_lead_en"]')
    page.fill("#id_lead_en", "Lead of the release.")


def editor_body(page, field="id_body_fr"):
    """The editable body of a CKEditor classic editor: the body of its iframe."""
    return page.frame_locator(f"#cke_{field} iframe.cke_wysiwyg_frame").locator("body")


def type_in_body(page, text):
    from playwright.sync_api import expect

    body = editor_body(page)
    body.click()
    body.press_sequentially(text)
    expect(body).to_contain_text(text)


def image_dialog(page, field="id_body_fr"):
    """Open CKEditor's image dialog from the toolbar; returns the dialog."""
    from playwright.sync_api import expect

    page.locator(f"#cke_{field} a.cke_button__image").click()
    dialog = page.locator(".cke_dialog").filter(has_text="Propriétés de l'image")
    expect(dialog).to_be_visible()
    return dialog


def dialog_field(dialog, label):
    """A text field of the dialog's visible tab, found by its label as the person reads it."""
    return dialog.get_by_role("textbox", name=label, exact=True).filter(visible=True)


def save_published(page):
    from playwright.sync_api import expect

    page.select_option("#id_status", "published")
    page.click('input[name="_save"]')
    expect(page.locator(".messagelist")).to_contain_text("est enregistré")


def public_page(chromium, live_server, release):
    reader = chromium.new_context(locale="fr-FR").new_page()
    response = reader.goto(f"{live_server.url}{release.get_absolute_url_in('fr')}")
    assert response.status == 200
    return reader


def expect_rendition(reader, img, image, alt):
    """``img`` shows a rendition of the library ``image`` (srcset of /media/renditions/, its width and height)."""
    from playwright.sync_api import expect

    expect(img).to_have_count(1)
    expect(img).to_have_attribute("srcset", re.compile(r"^/media/renditions/\S+ \d+w(, /media/renditions/\S+ \d+w)*$"))
    expect(img).to_have_attribute("src", re.compile(r"^/media/renditions/"))
    expect(img).to_have_attribute("alt", alt)
    width, height = int(img.get_attribute("width")), int(img.get_attribute("height"))
    assert 0 < width <= image.width and abs(width / height - image.width / image.height) < 0.01
    # The browser really shows it: the rendition it picked from the srcset was served and decoded.
    img.scroll_into_view_if_needed()
    reader.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    current, natural_width, natural_height = img.evaluate(
        "img => [img.currentSrc, img.naturalWidth, img.naturalHeight]")
    assert re.search(r"/media/renditions/\S+\.(webp|avif)$", current), current
    assert abs(natural_width / natural_height - width / height) < 0.01
    expect(reader.locator(f'img[src="{image.file.url}"]')).to_have_count(0)  # never the original


def body_images_of(release):
    release.refresh_from_db()
    return re.findall(r'<img[^>]*src="([^"]+)"', release.body_fr)


# 1. The image dialog's "Téléverser" tab -------------------------------------------------------------------------

def test_image_dialog_upload_tab_puts_the_file_in_the_library_and_the_page_shows_a_rendition(
        live_server, chromium, publisher, refusals, tmp_path):
    from playwright.sync_api import expect

    picture = png_file(tmp_path, "atelier-ciform.png")
    page = refusals(log_in(chromium, live_server, publisher))
    page.goto(f"{live_server.url}/admin/news/newsrelease/add/")
    fill_release(page, "Atelier du CIFORM à Marseille")
    type_in_body(page, "Les participants de l’atelier.")

    dialog = image_dialog(page)
    dialog.locator("a.cke_dialog_tab", has_text="Téléverser").click()
    # CKEditor 4 draws the upload form in an iframe of its own, inside the dialog.
    dialog.frame_locator("iframe.cke_dialog_ui_input_file").locator("input[type=file]").set_input_files(str(picture))
    with page.expect_response(lambda response: "/ckeditor/upload/" in response.url) as upload_info:
        dialog.get_by_role("button", name="Envoyer sur le serveur").click()
    upload = upload_info.value
    assert upload.status == 200
    answer = upload.json()
    assert answer["uploaded"] == 1, answer

    # Back on the first tab, the address of the library's file is in the URL field.
    url_field = dialog_field(dialog, "URL")
    expect(url_field).to_have_value(LIBRARY_FILE)
    assert url_field.input_value() == answer["url"]
    dialog_field(dialog, "Texte alternatif").fill("Participants de l’atelier autour d’une table")
    dialog.get_by_role("button", name="OK").click()
    expect(dialog).to_be_hidden()
    expect(editor_body(page).locator("img")).to_have_attribute("src", answer["url"])
    save_published(page)

    assert refusals.found == [], refusals.found  # no 403 (CSRF) nor any other refusal
    release = NewsRelease.objects.get(title_fr="Atelier du CIFORM à Marseille")
    assert release.is_published
    assert body_images_of(release) == [answer["url"]]
    image = Image.objects.get()
    assert image.file.url == answer["url"]
    assert image.uploaded_by == publisher
    assert image.title == "atelier ciform" and (image.width, image.height) == (1600, 1000)

    reader = public_page(chromium, live_server, release)
    expect_rendition(reader, reader.locator("picture img.rich-text__image"), image,
                     "Participants de l’atelier autour d’une table")


# 2 and 3. Drag and drop, paste: the uploadimage plugin -----------------------------------------------------------

#: Runs in the editor's iframe: a File of the given bytes, in a DataTransfer, dropped on (or pasted into) the text.
DROP_OR_PASTE = """(body, {kind, name, base64}) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name, {type: "image/png"}));
    const paragraph = body.querySelector("p");
    const box = paragraph.getBoundingClientRect();
    const at = {clientX: box.right - 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true};
    if (kind === "drop") {
        paragraph.dispatchEvent(new DragEvent("dragenter", {...at, dataTransfer: data}));
        paragraph.dispatchEvent(new DragEvent("dragover", {...at, dataTransfer: data}));
        paragraph.dispatchEvent(new DragEvent("drop", {...at, dataTransfer: data}));
    } else {
        body.focus();
        paragraph.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
    }
}"""


def put_image_in_body(live_server, chromium, publisher, refusals, kind, title):
    """Write a release, drop or paste a PNG into its body, describe it, publish, read it on the public page."""
    import base64

    from playwright.sync_api import expect

    page = refusals(log_in(chromium, live_server, publisher))
    page.goto(f"{live_server.url}/admin/news/newsrelease/add/")
    fill_release(page, title)
    type_in_body(page, "Une photo de la distribution.")
    body = editor_body(page)

    with page.expect_response(lambda response: "/ckeditor/upload/" in response.url) as upload_info:
        body.evaluate(DROP_OR_PASTE, {"kind": kind, "name": f"{kind}.png", "base64": base64.b64encode(
            make_image_bytes("PNG", size=(1000, 700), color=(200, 30, 30))).decode()})
    assert upload_info.value.status == 200
    # The plugin shows the image while it uploads, then puts the library's address in its place.
    library_img = body.locator('img[src^="/media/library/images/"]')
    expect(library_img).to_have_count(1)
    expect(body.locator("img")).to_have_count(1)
    src = library_img.get_attribute("src")
    assert LIBRARY_FILE.match(src), src

    # An image of the text needs an alternative before it is published: the image dialog, by a double click.
    library_img.dblclick()
    dialog = page.locator(".cke_dialog").filter(has_text="Propriétés de l'image")
    expect(dialog).to_be_visible()
    expect(dialog_field(dialog, "URL")).to_have_value(src)
    dialog_field(dialog, "Texte alternatif").fill("Distribution de kits d’hygiène")
    dialog.get_by_role("button", name="OK").click()
    expect(dialog).to_be_hidden()
    save_published(page)
    assert refusals.found == [], refusals.found  # no 403 (CSRF) nor any other refusal

    release = NewsRelease.objects.get(title_fr=title)
    assert release.is_published
    assert body_images_of(release) == [src]
    image = Image.objects.get()
    assert image.file.url == src and image.uploaded_by == publisher
    assert (image.width, image.height) == (1000, 700)
    reader = public_page(chromium, live_server, release)
    expect_rendition(reader, reader.locator("picture img.rich-text__image"), image, "Distribution de kits d’hygiène")


def test_an_image_dropped_into_the_text_is_uploaded_to_the_library_and_shown_as_a_rendition(
        live_server, chromium, publisher, refusals):
    put_image_in_body(live_server, chromium, publisher, refusals, "drop", "Distribution à Calais")


def test_an_image_pasted_into_the_text_is_uploaded_to_the_library_and_shown_as_a_rendition(
        live_server, chromium, publisher, refusals):
    put_image_in_body(live_server, chromium, publisher, refusals, "paste", "Distribution à Grande-Synthe")


# 4. "Parcourir le serveur" ----------------------------------------------------------------------------------------

def test_browse_server_picks_a_library_image_with_its_alternative_text(
        live_server, chromium, publisher, refusals, png_upload):
    from playwright.sync_api import expect

    port = LibraryImageFactory(file=png_upload("port.png", size=(1200, 800), color=(10, 120, 200)),
                               title="Port de Marseille", tags="Marseille, CIFORM",
                               alt_text_fr="Le Vieux-Port vu du fort Saint-Jean")
    LibraryImageFactory(file=png_upload("salle.png", size=(900, 600), color=(220, 180, 20)),
                        title="Salle de formation", tags="Paris", alt_text_fr="Une salle de formation vide")

    page = refusals(log_in(chromium, live_server, publisher))
    page.goto(f"{live_server.url}/admin/news/newsrelease/add/")
    fill_release(page, "Formation au CIFORM")
    type_in_body(page, "La formation commence lundi.")
    dialog = image_dialog(page)
    with page.expect_popup() as popup_info:
        dialog.get_by_role("button", name="Parcourir le serveur").click()
    browser_window = popup_info.value
    browser_window.wait_for_load_state()

    # The library, in French, with thumbnails and titles.
    expect(browser_window.locator("html")).to_have_attribute("lang", "fr")
    expect(browser_window.locator("h1")).to_have_text(["Choisir une image"])  # one main heading
    items = browser_window.locator(".library-browser li")
    expect(items).to_have_count(2)
    expect(items.locator("img[src^='/media/renditions/']")).to_have_count(2)
    expect(items).to_contain_text(["Salle de formation", "Port de Marseille"])  # newest first
    for thumbnail in items.locator("img").all():
        browser_window.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle())

    browser_window.get_by_label("Rechercher (titre, mot-clé, collection)").fill("ciform")
    browser_window.get_by_role("button", name="Rechercher").click()
    expect(items).to_have_count(1)
    expect(items).to_contain_text("Port de Marseille")

    with browser_window.expect_event("close"):
        browser_window.get_by_role("button", name="Port de Marseille").click()
    expect(dialog_field(dialog, "URL")).to_have_value(port.file.url)
    expect(dialog_field(dialog, "Texte alternatif")).to_have_value("Le Vieux-Port vu du fort Saint-Jean")
    dialog.get_by_role("button", name="OK").click()
    expect(dialog).to_be_hidden()
    expect(editor_body(page).locator("img")).to_have_attribute("src", port.file.url)
    save_published(page)
    assert refusals.found == [], refusals.found

    release = NewsRelease.objects.get(title_fr="Formation au CIFORM")
    assert body_images_of(release) == [port.file.url]
    assert Image.objects.count() == 2  # chosen, not uploaded again
    reader = public_page(chromium, live_server, release)
    expect_rendition(reader, reader.locator("picture img.rich-text__image"), port,
                     "Le Vieux-Port vu du fort Saint-Jean")


# 5. The release's image: the chooser --------------------------------------------------------------------------------

def test_the_chooser_picks_a_library_image_for_the_release(live_server, chromium, publisher, refusals, png_upload):
    from playwright.sync_api import expect

    chosen = LibraryImageFactory(file=png_upload("accueil.png", size=(1400, 900), color=(0, 120, 60)),
                                 title="Accueil des familles à Paris", tags="paris, accueil",
                                 alt_text_fr="Une famille reçue au bureau de Paris")
    LibraryImageFactory(file=png_upload("logo.png", size=(400, 400), color=(250, 250, 250)),
                        title="Logo de l’OIM", tags="logos", alt_text_fr="Logo de l’OIM")

    page = refusals(log_in(chromium, live_server, publisher))
    page.goto(f"{live_server.url}/admin/news/newsrelease/add/")
    fill_release(page, "Accueil des familles")
    chooser = page.locator(".field-image .library-chooser")
    expect(chooser).to_contain_text("Aucune image choisie.")

    with page.expect_popup() as popup_info:
        chooser.get_by_role("link", name="Choisir une image").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    expect(popup.locator("#result_list img.library-thumbnail")).to_have_count(2)
    popup.fill("#searchbar", "accueil")
    popup.locator("#changelist-search input[type=submit]").click()
    expect(popup.locator("#result_list tbody tr")).to_have_count(1)
    expect(popup.locator("#result_list img.library-thumbnail")).to_have_attribute("src", RENDITION)
    with popup.expect_event("close"):
        popup.locator("#result_list").get_by_role("link", name="Accueil des familles à Paris").click()

    expect(page.locator("#id_image")).to_have_value(str(chosen.pk))
    expect(chooser.locator(".library-chooser__title")).to_have_text("Accueil des familles à Paris")
    thumbnail = chooser.locator("img.library-chooser__thumbnail")
    expect(thumbnail).to_be_visible()
    expect(thumbnail).to_have_attribute("src", RENDITION)
    expect(chooser.locator(".library-chooser__empty")).to_be_hidden()
    save_published(page)
    assert refusals.found == [], refusals.found

    release = NewsRelease.objects.get(title_fr="Accueil des familles")
    assert release.image == chosen and release.is_published
    reader = public_page(chromium, live_server, release)
    expect_rendition(reader, reader.locator(".article__figure picture img"), chosen,
                     "Une famille reçue au bureau de Paris")


def test_an_image_uploaded_in_place_from_the_chooser_becomes_the_release_image(
        live_server, chromium, publisher, refusals, tmp_path):
    from playwright.sync_api import expect

    picture = png_file(tmp_path, "maraude.png", size=(1200, 800), color=(120, 40, 160))
    page = refusals(log_in(chromium, live_server, publisher))
    page.goto(f"{live_server.url}/admin/news/newsrelease/add/")
    fill_release(page, "Maraude à Paris")

    with page.expect_popup() as popup_info:
        page.locator("#add_id_image").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    expect(popup.locator("h1")).to_contain_text("image")
    popup.set_input_files("#id_file", str(picture))
    popup.fill("#id_alt_text_fr", "Une équipe de maraude de nuit")
    with popup.expect_event("close"):
        popup.click('input[name="_save"]')

    image = Image.objects.get()
    assert image.uploaded_by == publisher and image.title == "maraude"
    chooser = page.locator(".field-image .library-chooser")
    expect(page.locator("#id_image")).to_have_value(str(image.pk))
    expect(chooser.locator(".library-chooser__title")).to_have_text("maraude")
    expect(chooser.locator("img.library-chooser__thumbnail")).to_have_attribute("src", RENDITION)
    save_published(page)
    assert refusals.found == [], refusals.found

    release = NewsRelease.objects.get(title_fr="Maraude à Paris")
    assert release.image == image
    reader = public_page(chromium, live_server, release)
    expect_rendition(reader, reader.locator(".article__figure picture img"), image,
                     "Une équipe de maraude de nuit")


# 6. The focal point -------------------------------------------------------------------------------------------------

def average_colour(rendition):
    with default_storage.open(rendition.url.removeprefix("/media/"), "rb") as file:
        data = file.read()
    with PILImage.open(io.BytesIO(data)) as opened:
        return opened.convert("RGB").resize((1, 1), PILImage.Resampling.BOX).getpixel((0, 0))


def assert_marker_at(marker, x, y):
    """The marker the person sees is centred on the point (page coordinates), to within a few pixels."""
    box = marker.bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert abs(centre[0] - x) < 4 and abs(centre[1] - y) < 4, (centre, (x, y))


def test_a_click_on_the_image_sets_the_focal_point_and_moves_the_crop(live_server, chromium, publisher, refusals):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from playwright.sync_api import expect

    halves = PILImage.new("RGB", (1200, 600), (255, 0, 0))
    halves.paste((0, 0, 255), (600, 0, 1200, 600))
    buffer = io.BytesIO()
    halves.save(buffer, "PNG")
    image = LibraryImageFactory(file=SimpleUploadedFile("moitiés.png", buffer.getvalue(), content_type="image/png"),
                                title="Rouge et bleu", alt_text_fr="Une moitié rouge, une moitié bleue")
    red, green, blue = average_colour(get_rendition(image, 300, ratio="1:1"))
    assert abs(red - blue) < 40 and red > 100 and blue > 100  # centred: half and half

    page = refusals(log_in(chromium, live_server, publisher))
    page.goto(f"{live_server.url}/admin/library/image/{image.pk}/change/")
    picture = page.locator("img.library-focal__image")
    expect(picture).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
    box = picture.bounding_box()
    marker = page.locator(".library-focal__marker")
    expect(marker).to_be_hidden()
    picture.click(position={"x": box["width"] * 0.95, "y": box["height"] * 0.5})
    expect(marker).to_be_visible()
    assert_marker_at(marker, box["x"] + box["width"] * 0.95, box["y"] + box["height"] * 0.5)
    page.click('input[name="_continue"]')
    expect(page.locator(".messagelist")).to_contain_text("Rouge et bleu")
    assert refusals.found == [], refusals.found
    # Back on the form, the marker is where the click was.
    picture = page.locator("img.library-focal__image")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
    box = picture.bounding_box()
    expect(marker).to_be_visible()
    assert_marker_at(marker, box["x"] + box["width"] * 0.95, box["y"] + box["height"] * 0.5)

    image.refresh_from_db()
    assert image.focal_x > 0.8 and 0.4 < image.focal_y < 0.6
    red, green, blue = average_colour(get_rendition(image, 300, ratio="1:1"))
    assert blue > 200 and red < 30, (red, green, blue)  # the square moved onto the blue half


# 7. An image in use is not deleted -----------------------------------------------------------------------------------

def test_deleting_an_image_used_by_a_release_is_refused_and_names_the_release(
        live_server, chromium, publisher, refusals, png_upload):
    from playwright.sync_api import expect

    image = LibraryImageFactory(file=png_upload("gymnase.png"), title="Gymnase de Calais",
                                alt_text_fr="Un gymnase aménagé")
    release = NewsReleaseFactory(title_fr="Mise à l’abri à Calais", image=image)

    page = refusals(log_in(chromium, live_server, publisher))
    page.goto(f"{live_server.url}/admin/library/image/{image.pk}/change/")
    expect(page.locator(".field-usage_list")).to_contain_text("Mise à l’abri à Calais")
    page.get_by_role("link", name="Supprimer").click()

    expect(page).to_have_url(re.compile(rf"/admin/library/image/{image.pk}/delete/$"))
    content = page.locator("#content")
    expect(content).to_contain_text("Gymnase de Calais")
    expect(content).to_contain_text("Mise à l’abri à Calais")
    expect(content).to_contain_text("protégés")
    expect(content.get_by_role("button", name=re.compile("Oui"))).to_have_count(0)
    assert Image.objects.filter(pk=image.pk).exists()

    # Nor from the list, with the "delete selected" action.
    page.goto(f"{live_server.url}/admin/library/image/")
    page.check(f'input[name="_selected_action"][value="{image.pk}"]')
    page.select_option('select[name="action"]', "delete_selected")
    page.click('button[name="index"]')
    expect(content).to_contain_text("Mise à l’abri à Calais")
    expect(content).to_contain_text("protégés")
    expect(content.get_by_role("button", name=re.compile("Oui"))).to_have_count(0)
    assert Image.objects.filter(pk=image.pk).exists()
    assert refusals.found == [], refusals.found  # refused with an explanation, not with an error page
    release.refresh_from_db()
    assert release.image == image

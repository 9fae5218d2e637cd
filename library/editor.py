"""The rich-text editor's server side: uploads into the library, and the library as its file browser.

CKEditor 4 reaches these views in three ways, all answered here:
- the image dialog's "Téléverser" tab, drag and drop and paste post the file
  with an XMLHttpRequest (``filebrowserUploadMethod: "xhr"``, the
  ``uploadimage`` plugin) that core/static/core/editor.js gives the CSRF
  header; the answer is CKEditor's JSON, with a French message on refusal
  (sent with status 200: CKEditor shows only a generic "HTTP error" otherwise);
- "Parcourir le serveur" opens the library's chooser (thumbnails and titles,
  in French, searchable); a click hands the file's address and its
  alternative text back to the dialog (static/library/editor_browser.js);
- the link dialog does the same with documents.

Each upload becomes a library item (judged by content, random name, who
uploaded it), so an image put into a body is found, reused and protected
like any other. On public pages library.html turns a body image into a rendition.
"""


from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .models import Document, Image, title_from_filename
from .widgets import thumbnail

PER_PAGE = 40


def permission_required(perm):
    """Staff login (else the admin login page), then ``perm`` (else 403)."""

    def decorator(view):
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.__name__ = view.__name__
        return never_cache(staff_member_required(wrapped))

    return decorator


def _answer(item=None, error=""):
    """CKEditor 4's JSON upload answer."""
    if error:
        return JsonResponse({"uploaded": 0, "error": {"message": error}})
    return JsonResponse({"uploaded": 1, "fileName": item.title, "url": item.file.url})


def _upload(request, model):
    uploaded = request.FILES.get("upload")
    if uploaded is None:
        return _answer(error=_("Aucun fichier reçu."))
    item = model(file=uploaded, title=title_from_filename(uploaded.name), uploaded_by=request.user)
    try:
        item.full_clean()
        item.save()
    except ValidationError as exc:
        return _answer(error=" ".join(exc.messages))
    return _answer(item)


@require_POST
@permission_required("library.add_image")
def upload_image(request):
    return _upload(request, Image)


@require_POST
@permission_required("library.add_document")
def upload_document(request):
    return _upload(request, Document)


def _browse(request, model, template):
    query = request.GET.get("q", "").strip()[:100]
    items = model.objects.select_related("collection")
    if query:
        items = items.filter(Q(title__icontains=query) | Q(tags__icontains=query)
                             | Q(collection__name__icontains=query))
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    keep = {key: request.GET.get(key, "")[:100] for key in ("CKEditor", "CKEditorFuncNum", "langCode")}
    return render(request, template, {
        "page": page, "query": query, "keep": keep, "is_popup": True,
        "items": [(item, thumbnail(item) if model is Image else "") for item in page],
        "title": _("Choisir une image") if model is Image else _("Choisir un document"),
    })


@require_GET
@permission_required("library.view_image")
def browse_images(request):
    return _browse(request, Image, "library/editor_browser.html")


@require_GET
@permission_required("library.view_document")
def browse_documents(request):
    return _browse(request, Document, "library/editor_browser.html")


urlpatterns = [
    path("upload/", upload_image, name="ckeditor_upload"),
    path("browse/", browse_images, name="ckeditor_browse"),
    path("documents/upload/", upload_document, name="ckeditor_upload_document"),
    path("documents/browse/", browse_documents, name="ckeditor_browse_documents"),
]

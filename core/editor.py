"""The rich-text editor's server side: image upload and browsing.

django-ckeditor's own upload view trusts the file name; this one judges the
file by its content (core.images), re-encodes it under a random name and
answers CKEditor in the JSON it expects. Staff who may change some content
only: a staff account without permissions (or a deactivated role) can neither
fill the media folder nor list it.
"""

from functools import wraps

from ckeditor_uploader import views as ckeditor_views
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .images import clean_image
from .registry import registry


def content_editor_required(view):
    """Staff login (else the admin login page), then a change permission on some content (else 403)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        perms = (f"{model._meta.app_label}.change_{model._meta.model_name}" for model in registry.models())
        if not any(request.user.has_perm(perm) for perm in perms):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_member_required(wrapped)


def _answer(url="", error=""):
    """CKEditor 4's JSON upload answer (its XHR upload, the default in every current browser).

    Its legacy iframe mode expects an inline <script> answer, which the admin's
    X-Frame-Options DENY would block anyway; it is not offered.
    """
    if error:
        return JsonResponse({"uploaded": 0, "error": {"message": error}}, status=400)
    return JsonResponse({"uploaded": 1, "fileName": url.rsplit("/", 1)[-1], "url": url})


@never_cache
@content_editor_required
@require_POST
def upload(request):
    uploaded = request.FILES.get("upload")
    if uploaded is None:
        return _answer(error=_("Aucun fichier reçu."))
    try:
        cleaned = clean_image(uploaded)
    except ValidationError as exc:
        return _answer(error=" ".join(exc.messages))
    folder = f"{settings.CKEDITOR_UPLOAD_PATH}{timezone.now():%Y/%m}/"
    saved = default_storage.save(folder + cleaned.name, cleaned)
    return _answer(url=default_storage.url(saved))


urlpatterns = [
    path("upload/", upload, name="ckeditor_upload"),
    path("browse/", never_cache(content_editor_required(ckeditor_views.browse)), name="ckeditor_browse"),
]

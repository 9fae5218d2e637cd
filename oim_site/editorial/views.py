"""Public views of the editorial app: shared preview links and vCards."""

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from offices.models import Person

from .models import PreviewLink
from .preview import mark_private, render_preview
from .vcard import person_vcard


@require_GET
def preview_link(request, token):
    """What a reviewer without an account sees: exactly the item the link was made for."""
    link = PreviewLink.objects.select_related("content_type").filter(token=token).first()
    obj = None
    if link is not None:
        obj = link.content_type.model_class()._default_manager.filter(pk=link.object_id).first()
    if obj is None:
        response = render(request, "editorial/preview_invalid.html", {"reason": "unknown"}, status=404)
        return mark_private(response)
    if not link.is_active:
        reason = "revoked" if link.revoked_at else "expired"
        response = render(request, "editorial/preview_invalid.html", {"reason": reason, "link": link}, status=403)
        return mark_private(response)
    return render_preview(request, obj, translation.get_language())


def _public_people():
    """People whose details the public site already shows: team page, press or programme contacts."""
    from news.models import NewsRelease
    from programmes.models import ProgrammeArea

    return Person.objects.filter(
        Q(show_on_team_page=True)
        | Q(pk__in=NewsRelease.objects.published().values("media_contacts"))
        | Q(pk__in=ProgrammeArea.objects.published().values("contacts"))
    ).select_related("office")


@require_GET
def person_vcard_view(request, pk):
    person = get_object_or_404(_public_people(), pk=pk)
    response = HttpResponse(person_vcard(person), content_type="text/vcard; charset=utf-8")
    filename = slugify(person.name) or f"contact-{person.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response

"""Public view of the editorial app: shared preview links."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from .drafts import materialized
from .models import PreviewLink
from .preview import mark_private, render_preview


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
    with materialized(obj):  # a reviewer sees the draft, when the item has one
        return render_preview(request, obj, translation.get_language())

"""Rendering an unpublished item in its real public template.

The public URL of the item is resolved to find its detail view; a subclass
of that view is given the object directly, so the draft is shown with the
very template, context and layout it will have once published, without ever
going through ``published()``.
"""

from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.views.generic.detail import BaseDetailView

from core.security import use_public_policy
from core.views import PublishedDetailView


def public_path(obj):
    """The address whose view renders ``obj``: its own, unless the model names another.

    A page standing for a section links to the section's listing; its own
    text is still shown by the page detail view (``Page.get_preview_path``).
    """
    return getattr(obj, "get_preview_path", obj.get_absolute_url)()


def _detail_view(obj, view_class, initkwargs):
    class PreviewView(view_class):
        # The generic detail behaviour, without a subclass's own redirects
        # (a section page normally redirects to its listing).
        get = BaseDetailView.get

        def visible_queryset(self):
            # The view's own get_queryset() keeps its select_related /
            # prefetch_related (templates rely on them) and any filter it
            # adds; only what the public may see is widened, to this item.
            return self.model._default_manager.filter(pk=obj.pk)

        def get_object(self, queryset=None):
            return self.get_queryset().get(pk=obj.pk)

        def get_context_data(self, **kwargs):
            context = super().get_context_data(**kwargs)
            context["preview"] = True
            return context

    PreviewView.__name__ = f"Preview{view_class.__name__}"
    return PreviewView.as_view(**initkwargs)


def mark_private(response):
    """Headers of every preview answer: never indexed, never stored by a cache.

    And the public Content-Security-Policy: a preview is a public template,
    even when the admin renders it under /admin/, whose looser policy
    (core.security.ADMIN_OVERRIDES, for CKEditor) would let an inline script
    in a draft run in an editor's session.
    """
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store, private"
    return use_public_policy(response)


def render_preview(request, obj, language):
    with translation.override(language):
        try:
            match = resolve(public_path(obj))
        except Resolver404:
            match = None
        view_class = getattr(getattr(match, "func", None), "view_class", None)
        if view_class is not None and issubclass(view_class, PublishedDetailView):
            view = _detail_view(obj, view_class, getattr(match.func, "view_initkwargs", {}))
            response = view(request, *match.args, **match.kwargs)
        else:
            opts = obj._meta
            response = TemplateResponse(
                request,
                [f"{opts.app_label}/{opts.model_name}_detail.html"],
                {"object": obj, opts.model_name: obj, "preview": True},
            )
        # Rendered here, while the preview's language is active.
        if hasattr(response, "render"):
            response.render()
    return mark_private(response)

"""Answer old addresses with a permanent redirect, only where nothing else answers."""

from django.http import HttpResponsePermanentRedirect

from .models import Redirect


def _safe_target(target):
    """A path of this site, or an https:// address: never //host, javascript: or data:."""
    if target.startswith("/"):
        return not target.startswith("//") and "\\" not in target
    return target.lower().startswith("https://")


class RedirectFallbackMiddleware:
    """Like django.contrib.redirects' fallback middleware, without django.contrib.sites.

    Looked up only after a 404, so a redirect can never hide a live page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        path = request.path
        candidates = [request.get_full_path(), path, path[:-1] if path.endswith("/") else f"{path}/"]
        redirects = {r.old_path: r.new_path for r in Redirect.objects.filter(old_path__in=candidates)}
        for candidate in candidates:
            if candidate in redirects:
                target = redirects[candidate]
                query = request.META.get("QUERY_STRING", "")
                if query and candidate != request.get_full_path() and "?" not in target:
                    target = f"{target}?{query}"
                if not _safe_target(target):
                    return response  # a row that predates the rules (editorial.services.redirect_problems)
                return HttpResponsePermanentRedirect(target)
        return response

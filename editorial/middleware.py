"""Answer old addresses with a permanent redirect, only where nothing else answers."""

from django.http import HttpResponsePermanentRedirect

from .models import Redirect


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
                return HttpResponsePermanentRedirect(target)
        return response

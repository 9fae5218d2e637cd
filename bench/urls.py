"""The site's URLs plus /bench/ceiling/, a view returning a constant.

The ceiling is what the same gunicorn, middleware stack and Django can serve
at best on this machine; each page's throughput is reported as a share of it.
"""

from django.http import HttpResponse
from django.urls import path

from oim_site import urls as site_urls


def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/ceiling/", ceiling, name="bench_ceiling"), *site_urls.urlpatterns]

for _name in ("handler400", "handler403", "handler404", "handler500"):
    if hasattr(site_urls, _name):
        globals()[_name] = getattr(site_urls, _name)

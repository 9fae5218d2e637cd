"""The root URLs: the admin, the site-wide answers, and every app's pages in /fr/ and /en/.

The sitemaps are assembled here, from the registered content types
(core.registry) and the registered sections.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.media import serve_media
from core.registry import registry
from core.sitemaps import SectionSitemap, sitemap_view
from offices.views import person_vcard_view
from search.views import SearchView

from . import views

admin.site.site_header = "OIM France — administration"
admin.site.site_title = "OIM France"
admin.site.index_title = _("Contenus du site")

sitemaps = {"sections": SectionSitemap, **registry.sitemaps()}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("ckeditor/", include("library.editor")),
    path("admin-tools/", include(("editorial.admin_views", "editorial_tools"))),
    path("", views.language_redirect, name="root"),
    path("sitemap.xml", sitemap_view, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(_("actualites/"), include("news.urls")),
    path(_("partenaires/"), include("partners.urls")),
    path(_("programmes/"), include("programmes.urls")),
    path(_("bureaux/"), include("offices.urls")),
    path(_("pages/"), include("pages.urls")),
    path("", include("editorial.urls")),
    path("contacts/<int:pk>.vcf", person_vcard_view, name="person_vcard"),
    path(_("recherche/"), SearchView.as_view(), name="search"),
    prefix_default_language=True,
)

# Always routed; the view answers 404 unless DEBUG or SERVE_MEDIA is on (core/media.py).
urlpatterns += [path("media/<path:path>", serve_media, name="media")]

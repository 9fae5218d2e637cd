from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path(_("flux/rss/"), feeds.LatestNewsFeed(), name="feed_rss"),
    path(_("flux/atom/"), feeds.LatestNewsAtomFeed(), name="feed_atom"),
    path(_("flux/<slug:area>/rss/"), feeds.AreaNewsFeed(), name="area_feed_rss"),
    path(_("flux/<slug:area>/atom/"), feeds.AreaNewsAtomFeed(), name="area_feed_atom"),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]

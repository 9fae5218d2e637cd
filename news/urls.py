from django.urls import path
from django.views.generic import ListView

from oim_site.views import PublishedDetailView

from .models import NewsRelease

app_name = "news"

urlpatterns = [
    path("", ListView.as_view(queryset=NewsRelease.objects.published()), name="list"),
    path("<slug:slug>/", PublishedDetailView.as_view(model=NewsRelease), name="detail"),
]

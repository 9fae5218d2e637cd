from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from oim_site.views import PublishedDetailView

from .models import Office, Person

app_name = "offices"

urlpatterns = [
    path("", ListView.as_view(queryset=Office.objects.published()), name="list"),
    path(_("equipe/"), ListView.as_view(queryset=Person.objects.filter(show_on_team_page=True)), name="team"),
    path("<slug:slug>/", PublishedDetailView.as_view(model=Office), name="detail"),
]

from django.urls import path
from django.views.generic import ListView

from oim_site.views import PublishedDetailView

from .models import ProgrammeArea

app_name = "programmes"

urlpatterns = [
    path("", ListView.as_view(queryset=ProgrammeArea.objects.published()), name="list"),
    path("<slug:slug>/", PublishedDetailView.as_view(model=ProgrammeArea), name="detail"),
]

from django.urls import path
from django.views.generic import ListView

from oim_site.views import PublishedDetailView

from .models import Partner

app_name = "partners"

urlpatterns = [
    path("", ListView.as_view(queryset=Partner.objects.published()), name="list"),
    path("<slug:slug>/", PublishedDetailView.as_view(model=Partner), name="detail"),
]

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "offices"

urlpatterns = [
    path("", views.OfficeListView.as_view(), name="list"),
    path(_("equipe/"), views.TeamView.as_view(), name="team"),
    path("<slug:slug>/", views.OfficeDetailView.as_view(), name="detail"),
]

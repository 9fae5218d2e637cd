from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.ProgrammeAreaListView.as_view(), name="list"),
    path("<slug:slug>/", views.ProgrammeAreaDetailView.as_view(), name="detail"),
]

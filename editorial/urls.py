"""Public addresses of the editorial app (included inside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "editorial"

urlpatterns = [
    path("preview/<str:token>/", views.preview_link, name="preview_link"),
]

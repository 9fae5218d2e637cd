"""A content type that exists only in the tests: what a new app would declare, and nothing else."""

from django.db import models

from core.links import fixed_url
from core.models import Publishable


class Gadget(Publishable):
    title = models.CharField("titre", max_length=200)
    summary = models.TextField("résumé", blank=True)

    class Meta:
        app_label = "throwaway"
        permissions = [("publish_gadget", "Peut publier des gadgets")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return fixed_url("home")

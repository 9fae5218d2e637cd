"""When a published item's slug changes, its old address keeps working (301)."""

from django.conf import settings
from django.db.models.signals import post_save, pre_save

from core.cache import schedule_changed
from core.registry import registry

from .services import redirect_create


def _urls(obj):
    return {code: obj.get_absolute_url_in(code) for code, _name in settings.LANGUAGES}


def remember_published_urls(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._editorial_old_urls = {}
    if raw or instance.pk is None:
        return
    if update_fields is not None and not any(name.startswith("slug") for name in update_fields):
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    if old is not None and old.is_published:
        instance._editorial_old_urls = _urls(old)


def redirect_changed_urls(sender, instance, raw=False, **kwargs):
    old_urls = getattr(instance, "_editorial_old_urls", None)
    if raw or not old_urls:
        return
    new_urls = _urls(instance)
    for code, old_url in old_urls.items():
        if old_url != new_urls[code]:
            redirect_create(old_path=old_url, new_path=new_urls[code])
    instance._editorial_old_urls = {}


def draft_scheduled(sender, instance, **kwargs):
    """A draft scheduled to go live: the page cache learns when (core.cache applies it at that time)."""
    from .models import DraftState

    if instance.state == DraftState.SCHEDULED:
        schedule_changed()


def connect():
    from .models import Draft

    post_save.connect(draft_scheduled, sender=Draft, dispatch_uid="editorial.draft_scheduled")
    for model in registry.publishable_models():
        pre_save.connect(remember_published_urls, sender=model, dispatch_uid=f"editorial.old_urls.{model.__name__}")
        post_save.connect(redirect_changed_urls, sender=model, dispatch_uid=f"editorial.redirects.{model.__name__}")

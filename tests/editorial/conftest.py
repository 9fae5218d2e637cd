import pytest
from django.urls import reverse


def admin_url(obj_or_model, action, *args):
    opts = obj_or_model._meta
    if not args and hasattr(obj_or_model, "pk") and action not in {"add", "changelist", "recoverlist"}:
        args = (obj_or_model.pk,)
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)


def page_form(**overrides):
    """What the Page change form posts."""
    data = {
        "title_fr": "À propos", "title_en": "About", "slug_fr": "a-propos", "slug_en": "about",
        "summary_fr": "Résumé", "summary_en": "Summary", "body_fr": "<p>Texte français</p>",
        "body_en": "<p>English text</p>", "order": "1", "parent": "", "section": "",
        "status": "draft", "publication_date_0": "2024-03-01", "publication_date_1": "10:00:00",
    }
    data.update(overrides)
    return data


def add_page(client, **overrides):
    """A page made through the admin's add form (so with its first revision); fails with the form's errors."""
    from pages.models import Page

    response = client.post(admin_url(Page, "add"), page_form(**overrides))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Page.objects.get(title_fr=page_form(**overrides)["title_fr"])


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client

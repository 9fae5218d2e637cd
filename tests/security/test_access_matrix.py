"""Who may open which staff-only address: every role against every back-office URL.

Roles: an anonymous visitor, a staff account without any permission, the
"Rédaction" and "Publication" groups, and a superuser. URLs: the admin index,
each registered model's changelist, add, change, delete and history pages and
any extra per-object view its admin adds (preview, share, compare…), the
publish action, and the editor's upload and browse views.

Denied means: anonymous -> redirect to the login page; logged in -> 403
(for the publish action, which Django answers inside the changelist: the
object's status does not change). For the content models the expected
answers are written out below (ROLE_TABLE), not derived from the code under
test; for the other models (users, groups, login attempts, editorial
records) the expectation is the model admin's own has_*_permission answer,
and the test checks that the URL enforces it.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from core.models import Status
from editorial.roles import role_models
from library.models import Collection
from tests import factories
from tests.conftest import make_image_bytes

ROLES = ["anonymous", "staff_without_perms", "redaction", "publication", "superuser"]

# What each role may do on the models the roles cover (editorial.roles.role_models: the registry and redirects).
CONTENT_MODELS = {model._meta.label_lower for model, _publishable in role_models()}
ROLE_TABLE = {
    "anonymous": set(),
    "staff_without_perms": set(),
    "redaction": {"view", "add", "change"},
    "publication": {"view", "add", "change", "delete", "publish"},
    "superuser": {"view", "add", "change", "delete", "publish"},
}

FACTORIES = {
    "pages.page": factories.PageFactory,
    "offices.office": factories.OfficeFactory,
    "offices.activitydomain": factories.ActivityDomainFactory,
    "offices.person": factories.PersonFactory,
    "partners.partner": factories.PartnerFactory,
    "programmes.programmearea": factories.ProgrammeAreaFactory,
    "programmes.project": factories.ProjectFactory,
    "programmes.publication": factories.PublicationFactory,
    "news.newsrelease": factories.NewsReleaseFactory,
    "news.relatedlink": factories.RelatedLinkFactory,
    # The media library: an item no content uses yet (one in use is tested in tests/library).
    "library.image": lambda: factories.LibraryImageFactory(file=SimpleUploadedFile(
        "photo.png", make_image_bytes("PNG", (80, 60)), content_type="image/png")),
    "library.document": lambda: factories.DocumentFactory(file=factories.pdf_upload()),
    "library.collection": lambda: Collection.objects.create(name="Marseille"),
}

STANDARD = {"changelist": "view", "add": "add", "change": "view", "delete": "delete", "history": "view"}


def _extra_object_views(model_admin):
    """Names of the per-object admin views beyond Django's own (preview, share, compare…)."""
    opts = model_admin.model._meta
    prefix = f"{opts.app_label}_{opts.model_name}_"
    names = []
    for pattern in model_admin.get_urls():
        name = getattr(pattern, "name", None) or ""
        suffix = name[len(prefix):] if name.startswith(prefix) else ""
        if suffix and suffix not in STANDARD and "object_id" in str(pattern.pattern):
            names.append(suffix)
    return names


def _model_cells():
    cells = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        for view in [*STANDARD, *_extra_object_views(model_admin)]:
            cells.append((label, view))
        if "publish" in model_admin.actions:
            cells.append((label, "publish_action"))
    return cells


MODEL_CELLS = _model_cells()
SITE_CELLS = [("admin", "index"), ("editor", "upload"), ("editor", "browse")]
CELLS = [(role, *cell) for role in ROLES for cell in SITE_CELLS + MODEL_CELLS]


@pytest.fixture
def user_for(db):
    def make(role):
        if role == "anonymous":
            return None
        if role == "superuser":
            return factories.UserFactory(is_superuser=True)
        groups = {"redaction": ["Rédaction"], "publication": ["Publication"]}.get(role)
        return factories.UserFactory(groups=groups)

    return make


def model_of(label):
    return next(m for m in admin.site._registry if m._meta.label_lower == label)


def _instance(label, user):
    if label in FACTORIES:
        model = model_of(label)
        kwargs = {"status": Status.DRAFT} if "status" in [f.name for f in model._meta.fields] else {}
        return FACTORIES[label](**kwargs)
    if label == "auth.user":
        return factories.UserFactory(username="someone-else")
    if label == "auth.group":
        return Group.objects.get(name="Rédaction")
    if label == "axes.accessattempt":
        return AccessAttempt.objects.create(username="x", ip_address="192.0.2.1", user_agent="t",
                                            failures_since_start=1)
    if label == "axes.accesslog":
        return AccessLog.objects.create(username="x", ip_address="192.0.2.1", user_agent="t")
    if label == "axes.accessfailurelog":
        return AccessFailureLog.objects.create(username="x", ip_address="192.0.2.1", user_agent="t")
    if label == "editorial.redirect":
        return model_of(label).objects.create(old_path="/ancien.html", new_path="/fr/")
    if label == "editorial.previewlink":
        return model_of(label).objects.create(content_object=factories.PageFactory(), created_by=user)
    if label == "identity.siteidentity":  # the site's one identity (Publication only: identity/admin.py)
        return model_of(label).objects.create(name_fr="OIM France",
                                              parent_name_fr="Organisation internationale pour les migrations")
    model = model_of(label)
    obj = model._default_manager.first()
    if obj is None:
        pytest.skip(f"no {label} row to open (not a content model; created by its own workflow)")
    return obj


def _expected(role, user, label, view, model_admin):
    if view == "index":
        return role != "anonymous"  # any staff account reaches it; it lists only what they may open
    if view in ("upload", "browse"):
        return role in {"redaction", "publication", "superuser"}
    action = STANDARD.get(view, "change")  # extra per-object views (preview, share) need change
    if view == "publish_action":
        action = "publish"
    if label in CONTENT_MODELS:
        return action in ROLE_TABLE[role]
    if user is None:
        return False
    request = RequestFactory().get("/admin/")
    request.user = user
    check = {"view": model_admin.has_view_or_change_permission, "add": model_admin.has_add_permission,
             "delete": model_admin.has_delete_permission, "change": model_admin.has_change_permission}[action]
    return bool(check(request))


@pytest.mark.parametrize(("role", "label", "view"), CELLS, ids=[f"{r}-{a}-{v}" for r, a, v in CELLS])
def test_role_url_matrix(client, user_for, role, label, view):
    user = user_for(role)
    if user is not None:
        client.force_login(user)
    model_admin = None
    obj = None
    if label == "admin":
        response = client.get(reverse("admin:index"))
    elif label == "editor":
        if view == "upload":
            from django.core.files.uploadedfile import SimpleUploadedFile

            image = SimpleUploadedFile("a.png", make_image_bytes(), content_type="image/png")
            response = client.post(reverse("ckeditor_upload") + "?responseType=json", {"upload": image})
        else:
            response = client.get(reverse("ckeditor_browse"))
    else:
        model = next(m for m in admin.site._registry if m._meta.label_lower == label)
        model_admin = admin.site._registry[model]
        opts = model._meta
        if view in ("changelist", "add"):
            response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}"))
        elif view == "publish_action":
            obj = _instance(label, user)
            response = client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
                                   {"action": "publish", "_selected_action": [obj.pk]})
        else:
            obj = _instance(label, user)
            response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk]))

    allowed = _expected(role, user, label, view, model_admin)
    assert response.status_code != 500
    if view == "publish_action":
        obj.refresh_from_db()
        assert (obj.status == Status.PUBLISHED) is allowed, (role, label, response.status_code)
        if role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        return
    if allowed:
        assert response.status_code in (200, 302, 400, 404), (role, label, view, response.status_code)
        if response.status_code == 302:
            assert "/admin/login/" not in response["Location"]
        if view == "upload":
            assert response.json()["uploaded"] == 1
        if view == "index" and role == "staff_without_perms":
            assert "/admin/news/" not in response.content.decode()
    elif role == "anonymous":
        assert response.status_code == 302, (label, view, response.status_code)
        assert "/admin/login/" in response["Location"]
    else:
        assert response.status_code == 403, (role, label, view, response.status_code)

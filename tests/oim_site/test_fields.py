"""Link fields: one list of schemes, checked on every write and never on a lookup."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from core.sanitize import URL_SCHEMES, sanitize_html
from programmes.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_lookup_with_any_url_never_raises():
    project = factories.ProjectFactory(url="https://www.iom.int/")
    for value in ("javascript:alert(1)", "data:text/html,<script>", "ftp://old.example/", "//evil.example/"):
        assert list(Project.objects.filter(url=value)) == []
        assert Project.objects.exclude(url=value).get() == project


@pytest.mark.parametrize("value", ["javascript:alert(1)", "java\tscript:alert(1)", "ftp://files.example/a.pdf",
                                   "data:text/html,x"])
def test_every_write_path_refuses_a_scheme_outside_the_list(value):
    project = factories.ProjectFactory(url="https://www.iom.int/")
    with pytest.raises(ValidationError, match="seuls les liens http:, https:, mailto:, tel:"), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(url=value)
    with pytest.raises(ValidationError), transaction.atomic():
        factories.ProjectFactory(url=value)
    project.url = value
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert "url" in refused.value.message_dict
    project.refresh_from_db()
    assert project.url == "https://www.iom.int/"


def test_rich_text_and_link_fields_allow_the_same_schemes():
    for scheme in ("http", "https", "mailto", "tel", "ftp", "javascript", "data", "vbscript"):
        href = f"{scheme}:x"
        kept_in_rich_text = 'href="' in sanitize_html(f'<a href="{href}">x</a>')
        try:
            with transaction.atomic():
                factories.ProjectFactory(url=f"{scheme}://example.org/" if scheme in {"http", "https", "ftp"} else href)
            kept_in_link_field = True
        except ValidationError:
            kept_in_link_field = False
        assert kept_in_rich_text == kept_in_link_field == (scheme in URL_SCHEMES), scheme

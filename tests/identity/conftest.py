import pytest

from content.data import IDENTITY
from identity.models import SiteIdentity
from tests import factories


@pytest.fixture
def emblem(db, png_upload):
    return factories.LibraryImageFactory(file=png_upload("embleme.png", size=(256, 256)), alt_text_fr="Emblème")


@pytest.fixture
def site_identity(db, emblem):
    """The identity as the content loader ships it, with an emblem from the library."""
    return SiteIdentity.objects.create(emblem=emblem, **IDENTITY["fields"])


def identity_form(identity, **changes):
    """What the identity's change form posts, with ``changes``."""
    data = {name: getattr(identity, name) or "" for name in (
        "name_fr", "name_en", "tagline_fr", "tagline_en", "parent_name_fr", "parent_name_en",
        "x_url", "linkedin_url", "facebook_url", "instagram_url", "youtube_url")}
    data["emblem"] = str(identity.emblem_id or "")
    data["share_image"] = str(identity.share_image_id or "")
    data.update(changes)
    return data

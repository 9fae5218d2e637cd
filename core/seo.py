"""schema.org descriptions of the site's content, as plain dicts.

Views return them from ``get_structured_data()``; base.html prints each with
the ``jsonld`` filter (core.templatetags.site_tags), which escapes <, >
and & so that no text written by an editor can close the script element.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language

from .links import fixed_url

IOM_URL = "https://www.iom.int/"


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def _clean(data):
    """Drop empty values: schema.org validators flag empty strings."""
    if isinstance(data, dict):
        return {key: _clean(value) for key, value in data.items() if value not in (None, "", [], {})}
    if isinstance(data, list):
        return [_clean(value) for value in data]
    return data


def organization(request):
    """OIM France: the French office of an intergovernmental organisation."""
    return _clean({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": settings.SITE_NAME,
        "alternateName": "IOM France",
        "url": absolute(request, fixed_url("home")),
        "logo": absolute(request, static("img/logo-oim.png")),
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": "Organisation internationale pour les migrations (OIM)",
            "alternateName": "International Organization for Migration (IOM)",
            "url": IOM_URL,
        },
    })


def person(request, person):
    """A contact: a Person with a ContactPoint, as for media contacts."""
    contact_point = {
        "@type": "ContactPoint",
        "contactType": person.job_title or "contact",
        "telephone": person.phone,
        "email": person.email,
        "availableLanguage": ["fr", "en"],
    }
    return _clean({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "jobTitle": person.job_title,
        "email": person.email,
        "telephone": person.phone,
        "worksFor": {"@type": "GovernmentOrganization", "name": settings.SITE_NAME},
        "contactPoint": contact_point,
    })


def news_article(request, release, image_url=None):
    return _clean({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title[:110],
        "description": release.lead,
        "datePublished": release.publication_date.isoformat(),
        "dateModified": release.updated_at.isoformat(),
        "inLanguage": get_language(),
        "mainEntityOfPage": absolute(request, release.get_absolute_url()),
        "image": [absolute(request, image_url)] if image_url else [],
        "dateline": release.dateline,
        "author": {"@type": "GovernmentOrganization", "name": settings.SITE_NAME},
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": settings.SITE_NAME,
            "logo": {"@type": "ImageObject", "url": absolute(request, static("img/logo-oim.png"))},
        },
    })


def partner_organization(request, partner, logo_url=None):
    return _clean({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.name,
        "alternateName": partner.acronym,
        "url": partner.website,
        "logo": absolute(request, logo_url),
        "description": partner.summary,
        "address": {"@type": "PostalAddress", "addressLocality": partner.headquarters_city},
    })


def office_place(request, office):
    """An office: a Place with its PostalAddress, run by OIM France."""
    return _clean({
        "@context": "https://schema.org",
        "@type": "Place",
        "name": office.name,
        "url": absolute(request, office.get_absolute_url()),
        "telephone": office.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": office.address,
            "postalCode": office.postal_code,
            "addressLocality": office.city,
            "addressCountry": "FR",
        },
    })

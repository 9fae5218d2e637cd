"""schema.org descriptions of the site's content, as plain dicts.

Views return them from ``get_structured_data()``; base.html prints each with
the ``jsonld`` filter (core.templatetags.site_tags), which escapes <, >
and & so that no text written by an editor can close the script element.

What a block says about a page agrees with the page's canonical link: an
object not translated yet is shown in French under /en/, its canonical link
names the French address, and so does its block, in French (``inLanguage``
"fr"), as core.i18n decides for hreflang and the sitemap.
"""

from django.conf import settings
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from .i18n import available_languages
from .links import fixed_url
from .registry import registry

IOM_URL = "https://www.iom.int/"


def site_name(request=None):
    """The office's name in the active language, as Publication set it: "OIM France", "IOM France" in English."""
    return registry.identity(request).name


def iom_name(request=None):
    """The parent organisation's name in the active language (the site's identity)."""
    return registry.identity(request).parent_name


def iom_acronym(request=None):
    return _("OIM")


def _in_other_languages(name, request=None):
    """`name(request)` in each language of the site but the active one (the names people also search for)."""
    current, own = get_language(), name(request)
    names = []
    for code, _label in settings.LANGUAGES:
        if code != current:
            with override(code):
                names.append(name(request))
    # A name not translated is the same in every language: not another name.
    return [found for found in dict.fromkeys(names) if found and found != own]


def _logo(request):
    """The site's emblem, absolute: the organisation's logo in every block."""
    return absolute(request, registry.identity(request).emblem_url)


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def page_language(obj):
    """The language `obj`'s page is really written in: the active one, or French while it is not translated."""
    language = get_language()
    return language if language in available_languages(obj) else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def web_page(request, obj, language):
    """The page `obj` is the main entity of, at the address its canonical link names."""
    url = absolute(request, obj.get_absolute_url_in(language))
    return {"@type": "WebPage", "@id": url, "url": url, "inLanguage": language}


def _clean(data):
    """Drop empty values: schema.org validators flag empty strings."""
    if isinstance(data, dict):
        return {key: _clean(value) for key, value in data.items() if value not in (None, "", [], {})}
    if isinstance(data, list):
        return [_clean(value) for value in data]
    return data


def _site_organization(request):
    """OIM France as the author or publisher of a page."""
    return {
        "@type": "GovernmentOrganization",
        "name": site_name(request),
        "url": absolute(request, fixed_url("home")),
    }


def organization(request):
    """OIM France: the French office of an intergovernmental organisation, named in the page's language."""
    return _clean({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": site_name(request),
        "alternateName": _in_other_languages(site_name, request),
        "url": absolute(request, fixed_url("home")),
        "logo": _logo(request),
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": iom_name(request),
            "alternateName": [
                iom_acronym(), *_in_other_languages(iom_name, request), *_in_other_languages(iom_acronym),
            ],
            "url": IOM_URL,
        },
    })


def website(request):
    """The site itself in the page's language: what the home page is the home of."""
    return _clean({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name(request),
        "url": absolute(request, fixed_url("home")),
        "inLanguage": get_language(),
        "publisher": _site_organization(request),
    })


def person(request, person):
    """A contact: a Person with a ContactPoint, as for media contacts."""
    given, family = person.name_parts
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
        "givenName": given,
        "familyName": family,
        "jobTitle": person.job_title,
        "email": person.email,
        "telephone": person.phone,
        "worksFor": {"@type": "GovernmentOrganization", "name": site_name(request)},
        "contactPoint": contact_point,
    })


def news_article(request, release, image_url=None):
    """A release, in the language its page is written in, at its canonical address."""
    language = page_language(release)
    with override(language):
        page = web_page(request, release, language)
        return _clean({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": release.title[:110],
            "description": release.lead,
            "datePublished": release.publication_date.isoformat(),
            "dateModified": release.updated_at.isoformat(),
            "inLanguage": language,
            "url": page["url"],
            "mainEntityOfPage": page,
            "image": [absolute(request, image_url)] if image_url else [],
            "dateline": release.dateline,
            "author": _site_organization(request),
            "publisher": {
                **_site_organization(request),
                "logo": {"@type": "ImageObject", "url": _logo(request)},
            },
        })


def partner_organization(request, partner, logo_url=None):
    """A partner organisation; its ``url`` is its own website, its page here is ``mainEntityOfPage``."""
    language = page_language(partner)
    with override(language):
        return _clean({
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": partner.name,
            "alternateName": partner.acronym,
            "url": partner.website,
            "logo": absolute(request, logo_url),
            "description": partner.summary,
            "address": {"@type": "PostalAddress", "addressLocality": partner.headquarters_city},
            "mainEntityOfPage": web_page(request, partner, language),
        })


def office_place(request, office):
    """An office: a Place with its PostalAddress, run by OIM France."""
    language = page_language(office)
    with override(language):
        page = web_page(request, office, language)
        return _clean({
            "@context": "https://schema.org",
            "@type": "Place",
            "name": office.name,
            "url": page["url"],
            "mainEntityOfPage": page,
            "telephone": office.phone,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": office.address,
                "postalCode": office.postal_code,
                "addressLocality": office.city,
                "addressCountry": "FR",
            },
        })

"""The site's identity as shipped (identity.SiteIdentity): names from the old site, an emblem of our own.

"OIM France" and "Organisation internationale pour les migrations" are how
the old site names the office and its organisation ("L’OIM France est une
antenne de l’Organisation internationale pour les migrations"); the English
names are IOM's own. No social accounts are given by the old pages: none are
shipped. The emblem is drawn by the loader (content.loader.provisional_emblem),
a plain design of ours that Publication replaces with IOM's artwork; it is
never a copy of IOM's emblem.
"""

IDENTITY = {
    "fields": {
        "name_fr": "OIM France",
        "name_en": "IOM France",
        "tagline_fr": "Organisation internationale pour les migrations — bureau pour la France",
        "tagline_en": "International Organization for Migration — France office",
        "parent_name_fr": "Organisation internationale pour les migrations",
        "parent_name_en": "International Organization for Migration",
    },
    "emblem": {
        "title": "Emblème provisoire (à remplacer par l’emblème officiel)",
        "alt_fr": "Emblème provisoire de l’OIM France",
        "alt_en": "Provisional emblem of IOM France",
    },
}

"""Template helpers of the back office, for the admin home.

``{% translation_counts user as rows %}`` feeds the translation table,
``{% editorial_dashboard user as board %}`` the sections of what needs the user today
(editorial.dashboard).
"""

from django import template

from ..dashboard import dashboard
from ..translation_status import translation_counts as _translation_counts

register = template.Library()


@register.simple_tag
def translation_counts(user):
    return _translation_counts(user)


@register.simple_tag
def editorial_dashboard(user):
    return dashboard(user)

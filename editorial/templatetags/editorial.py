"""Template helpers of the back office: ``{% translation_counts user as rows %}`` feeds the admin home."""

from django import template

from ..translation_status import translation_counts as _translation_counts

register = template.Library()


@register.simple_tag
def translation_counts(user):
    return _translation_counts(user)

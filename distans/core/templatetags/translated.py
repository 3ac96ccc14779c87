from django import template

from distans.core.translated import localized as _localized

register = template.Library()


@register.filter
def localized(texts, language=None):
    """{{ version.title|localized }}: a four-language text in the active (or given) language."""
    return _localized(texts, language)

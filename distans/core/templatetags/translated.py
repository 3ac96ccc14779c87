from django import template

from distans.core.translated import localized as _localized

register = template.Library()


@register.filter
def localized(texts, language=None):
    """{{ version.title|localized }}: a four-language text in the active (or given) language."""
    return _localized(texts, language)


@register.filter
def markdown(text):
    """{{ text|markdown }}: Markdown rendered with raw HTML escaped."""
    from distans.core.markdown import render

    return render(text)

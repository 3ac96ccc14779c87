from django import template

from distans.core.translated import LANGUAGE_NAMES
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


@register.filter
def weekday_names(days):
    """{{ request.weekdays|weekday_names }}: [0, 4] as "Monday, Friday" in the active language."""
    from distans.core.weekdays import NAMES

    return ", ".join(str(NAMES[day]) for day in days or [])


@register.filter
def language_name(code: str) -> str:
    """{{ person.language|language_name }}: the language named inside a sentence ("danska" in Swedish)."""
    return str(LANGUAGE_NAMES.get(code, code))

"""Texts that HR writes in all four languages, stored as {"en": ..., "sv": ..., "nb": ..., "da": ...}."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# A language named inside a sentence ("an e-mail in Danish", "ett mejl på danska").
LANGUAGE_NAMES = {
    "en": pgettext_lazy("language, inside a sentence", "English"),
    "sv": pgettext_lazy("language, inside a sentence", "Swedish"),
    "nb": pgettext_lazy("language, inside a sentence", "Norwegian"),
    "da": pgettext_lazy("language, inside a sentence", "Danish"),
}


def localized(texts: dict | None, language: str | None = None) -> str:
    """The text in the given (or active) language, falling back to English, then to any."""
    if not texts:
        return ""
    language = language or translation.get_language() or "en"
    return (
        texts.get(language)
        or texts.get(language.split("-")[0])
        or texts.get("en")
        or next((text for text in texts.values() if text), "")
    )


def language_names(codes: list[str]) -> list[str]:
    names = dict(settings.LANGUAGES)
    return [str(names[code]) for code in codes]


def missing_languages(texts: dict | None) -> list[str]:
    texts = texts or {}
    return [code for code in LANGUAGE_CODES if not (texts.get(code) or "").strip()]

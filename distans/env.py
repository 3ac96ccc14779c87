"""Tiny readers for settings from environment variables that fail loudly on bad values."""

import os
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_by_language(name: str, languages: list[str]) -> dict[str, str]:
    """A text per language: "sv=HR-chef;en=Head of HR", or one text for every language. Languages left
    out are absent (the caller falls back to its translated default)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return {}
    if "=" not in raw:
        return dict.fromkeys(languages, raw)
    texts = {}
    for part in filter(None, (piece.strip() for piece in raw.split(";"))):
        code, _, text = part.partition("=")
        if code.strip() not in languages or not text.strip():
            raise ImproperlyConfigured(
                f"{name} must be one text, or language=text pairs separated by ';' "
                f"for {', '.join(languages)}; got {part!r}"
            )
        texts[code.strip()] = text.strip()
    return texts


def email_settings(url: str) -> dict:
    """Django e-mail settings from a URL: smtp://, smtp+tls://, smtps://, console://, file://, locmem://."""
    parsed = urlparse(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parsed.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme must be one of {', '.join(sorted(backends))}; got {url!r}"
        )
    result: dict = {"EMAIL_BACKEND": backends[parsed.scheme]}
    if parsed.scheme == "file":
        result["EMAIL_FILE_PATH"] = unquote(parsed.path)
    if parsed.scheme.startswith("smtp"):
        result.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or (465 if parsed.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_TLS=parsed.scheme == "smtp+tls",
            EMAIL_USE_SSL=parsed.scheme == "smtps",
        )
    return result

"""Markdown that HR writes, rendered safely: raw HTML is escaped and unsafe links are dropped."""

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# The "js-default" preset (CommonMark with tables and strikethrough) has HTML input switched off and
# refuses javascript:, vbscript: and data: links (except images).
_renderer = MarkdownIt("js-default")


def render(text: str) -> SafeString:
    return mark_safe(_renderer.render(text or ""))  # noqa: S308  (html is off: the output is escaped)

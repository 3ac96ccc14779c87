"""Markdown that HR writes, rendered safely: raw HTML is escaped and unsafe links are dropped."""

import functools

from django.utils.safestring import SafeString, mark_safe


@functools.cache
def _renderer():
    """The "js-default" preset (CommonMark with tables and strikethrough) has HTML input switched off and
    refuses javascript:, vbscript: and data: links (except images). Loaded on first use, not when Distans
    starts (markdown-it takes a tenth of a second to import)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("js-default")


def render(text: str) -> SafeString:
    return mark_safe(_renderer().render(text or ""))  # noqa: S308  (html is off: the output is escaped)

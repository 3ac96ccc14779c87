from django import template

from distans.core.audit import entry_action as _entry_action
from distans.core.audit import type_label as _type_label

register = template.Library()


@register.filter
def entry_action(entry) -> str:
    """What an audit entry did, in the reader's language (a first step's approval sends a request on)."""
    return _entry_action(entry)


@register.filter
def type_label(value: str) -> str:
    """What an entry is about ("Agreement"), in the reader's language."""
    return _type_label(value)

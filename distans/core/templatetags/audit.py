from django import template

from distans.core.audit import action_label as _action_label
from distans.core.audit import type_label as _type_label

register = template.Library()


@register.filter
def action_label(value: str) -> str:
    """An audit entry's action in the reader's language."""
    return _action_label(value)


@register.filter
def type_label(value: str) -> str:
    """What an entry is about ("Agreement"), in the reader's language."""
    return _type_label(value)

from django import template

from distans.core.audit import action_label as _action_label

register = template.Library()


@register.filter
def action_label(value: str) -> str:
    """An audit entry's action in the reader's language."""
    return _action_label(value)

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ sites|get_item:day.site_id }}: a value from a dict the view passed."""
    return mapping.get(key, "") if mapping else ""

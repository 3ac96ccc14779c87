"""Countries and time zones in the reader's language: {{ code|country_name }}, {{ zone|zone_name }}."""

from django import template

from distans.core import places

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return places.country_name(code or "")


@register.filter
def zone_name(zone: str) -> str:
    return places.zone_name(zone or "")

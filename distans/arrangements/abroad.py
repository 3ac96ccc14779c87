"""A place of work abroad: a country by its ISO code and one of that country's current time zones.
One check for the request form and the API, so both refuse the same input with the same words."""

from django.utils.translation import gettext as _

from distans.core import places
from distans.core.errors import DomainError


def abroad_zone(country: str, zone: str) -> str:
    """The time zone to store: the country's only zone when it has one, else the one given, which must
    be the country's. Raises `DomainError` naming the field at fault."""
    needed = _("Needed when the place of work is abroad.")
    if not country:
        raise DomainError("abroad_country_missing", needed, field="abroad_country")
    if country not in dict(places.country_choices()):
        raise DomainError(
            "abroad_country_unknown", _("Choose a country from the list."), field="abroad_country"
        )
    zones = places.country_zones(country)
    if len(zones) == 1:
        return zones[0]
    if not zone:
        raise DomainError("time_zone_missing", needed, field="time_zone")
    if zone not in zones:
        raise DomainError(
            "time_zone_elsewhere",
            _("Choose a time zone in %(country)s.") % {"country": places.country_name(country)},
            field="time_zone",
        )
    return zone

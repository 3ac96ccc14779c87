"""Countries and time zones in words, in the reader's language.

A country is stored as its ISO 3166 code ("ES") and a time zone as its IANA name ("Europe/Madrid");
people see "Spanien" and "centraleuropeisk tid (Madrid)". The names come from CLDR (Babel); which
zones a country has, and their current names, from the IANA database (tzdata's zone.tab), so obsolete
names such as Asia/Calcutta or US/Pacific are never offered.
"""

import functools
import re
import unicodedata
from datetime import datetime, tzinfo
from importlib import resources

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location, get_timezone_name
from django.utils import translation


def _tzdata(name: str) -> str:
    return (resources.files("tzdata") / "zoneinfo" / name).read_text(encoding="utf-8")


@functools.cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    """Each country's time zones in zone.tab's order (its main zone first)."""
    zones: dict[str, list[str]] = {}
    for line in _tzdata("zone.tab").splitlines():
        if line and not line.startswith("#"):
            code, _where, zone, *_comment = line.split("\t")
            zones.setdefault(code, []).append(zone)
    return {code: tuple(names) for code, names in zones.items()}


@functools.cache
def _current_zones() -> frozenset[str]:
    return frozenset(zone for zones in _zones_by_country().values() for zone in zones)


@functools.cache
def _links() -> dict[str, str]:
    """Old and other names of zones ("Asia/Calcutta") to the zone they stand for ("Asia/Kolkata")."""
    links = {}
    for line in _tzdata("tzdata.zi").splitlines():
        if line.startswith("L "):
            _link, target, name = line.split()
            links[name] = target
    return links


def current_zone(zone: str) -> str:
    """The name a zone is offered under ("Asia/Kolkata" for "Asia/Calcutta"), or `zone` as it is."""
    if zone in _current_zones():
        return zone
    target = _links().get(zone, zone)
    return target if target in _current_zones() else zone


def is_country_zone(zone: str) -> bool:
    return zone in _current_zones()


def country_zones(country: str) -> tuple[str, ...]:
    """The country's current time zones (none for a value that is no country)."""
    return _zones_by_country().get(country, ())


def _language(language: str | None) -> str:
    return language or translation.get_language() or "en"


@functools.cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(translation.to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


# Letters that the Nordic alphabets put after z, in their order; other accents sort with their letter.
_AFTER_Z = {
    "sv": {"å": 1, "ä": 2, "æ": 2, "ö": 3, "ø": 3},
    "nb": {"æ": 1, "ä": 1, "ø": 2, "ö": 2, "å": 3},
    "da": {"æ": 1, "ä": 1, "ø": 2, "ö": 2, "å": 3},
}


def sort_key(text: str, language: str) -> str:
    """Dictionary order in the language: Österrike after Zambia in Swedish, Élfenbenskusten among the E."""
    after_z = _AFTER_Z.get(language.split("-")[0], {})
    return "".join(
        chr(ord("z") + after_z[letter])
        if letter in after_z
        else "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))
        for letter in text.casefold()
    )


@functools.cache
def _countries(language: str) -> dict[str, str]:
    """The countries that have a time zone, code to name, in the language's dictionary order."""
    names = _locale(language).territories
    known = {code: names.get(code, code) for code in _zones_by_country()}
    return dict(sorted(known.items(), key=lambda item: sort_key(item[1], language)))


def country_name(code: str, language: str | None = None) -> str:
    """ "Spanien" for ES in Swedish. A value that is no code (typed before countries were chosen from a
    list) is shown as it was typed."""
    return _countries(_language(language)).get(code, code)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    return list(_countries(_language(language)).items())


@functools.cache
def _country_of(zone: str) -> str:
    return next((code for code, zones in _zones_by_country().items() if zone in zones), "")


_NO_NAME = "∅∅∅"  # CLDR's mark for "no name of this kind here"


def _has_summer_time(tz: tzinfo) -> bool:
    year = datetime.now().year
    return any(datetime(year, month, 1, tzinfo=tz).dst() for month in (1, 7))


def _cldr_name(zone: str, locale: Locale, variant: str) -> str | None:
    """CLDR's own name of the zone or of its metazone, None where it has none."""
    zone = get_global("zone_aliases").get(zone, zone)
    sources = (locale.time_zones.get(zone, {}), locale.meta_zones.get(get_global("meta_zones").get(zone), {}))
    names = (source.get("long", {}).get(variant) for source in sources)
    return next((name for name in names if name and name != _NO_NAME), None)


def _region_time(place: str, locale: Locale) -> str:
    """CLDR's "{0} time" in the language: "Palmertid", "tidssone for Palmer", "Palmer-tid", "Palmer Time";
    Swedish joins "tid" to a name of several words with a hyphen ("Franska Guyana-tid")."""
    form = locale.zone_formats["region"]
    glued = form.startswith("%s") and form[2:3].isalpha()
    return form % (f"{place}-" if glued and " " in place else place)


_ASIDE = re.compile(r" \([^()]*\)")  # "Myanmar (Burma)", "tidssone for Rocky Mountains (USA)"


def _everyday_name(zone: str, tz: tzinfo, country: str, city: str, language: str) -> str:
    """The zone's name before its city: CLDR's everyday (generic) name; else, as CLDR falls back, the
    country's time where the country has no other zone ("Thailandtid"); else the standard name of a zone
    without summer time, for which CLDR has no other ("västindonesisk tid"); else the city's time
    ("Palmertid"), not Babel's "Antarktis (Palmer)tid", which glues "tid" onto "country (city)"."""
    locale = _locale(language)
    if name := _cldr_name(zone, locale, "generic"):
        return name
    if len(country_zones(country)) == 1:  # without the country name's aside: "Myanmar", not "Myanmar (Burma)"
        return _region_time(_ASIDE.sub("", country_name(country, language)), locale)
    if not _has_summer_time(tz) and (name := _cldr_name(zone, locale, "standard")):
        return name
    return _region_time(city, locale)


@functools.cache
def _zone_name(zone: str, language: str) -> str:
    locale = _locale(language)
    try:
        tz = get_timezone(zone)
    except LookupError:
        return zone
    country = _country_of(current_zone(zone))
    if not country:  # UTC and the like: no country, no city
        return get_timezone_name(tz, "long", zone_variant="standard", locale=locale)
    city = get_timezone_location(tz, locale=locale, return_city=True)
    name = _everyday_name(zone, tz, country, city, language)
    if city in name:  # "Moscow Time", not "Moscow Time (Moscow)"
        return name
    # One pair of brackets: the city replaces CLDR's own aside ("tidssone for Rocky Mountains (USA)").
    return f"{_ASIDE.sub('', name)} ({city})"


def zone_name(zone: str, language: str | None = None) -> str:
    """ "Central European Time (Berlin)", "centraleuropeisk tid (Berlin)"; an unknown name as it is."""
    return _zone_name(zone, _language(language)) if zone else ""


def zone_city(zone: str, language: str | None = None) -> str:
    """The city a time zone is named after, as the reader writes it: "Köpenhamn" in Swedish."""
    return _zone_city(zone, _language(language)) if zone else ""


@functools.cache
def _zone_city(zone: str, language: str) -> str:
    try:
        return get_timezone_location(get_timezone(zone), locale=_locale(language), return_city=True)
    except LookupError:
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def zone_choices(country: str, language: str | None = None) -> list[tuple[str, str]]:
    """The country's time zones in words; none for a value that is no country."""
    language = _language(language)
    return [(zone, _zone_name(zone, language)) for zone in country_zones(country)]


def zone_choices_by_country(language: str | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every current time zone in words, grouped under its country's name (for <optgroup>)."""
    language = _language(language)
    return [(name, zone_choices(code, language)) for code, name in _countries(language).items()]

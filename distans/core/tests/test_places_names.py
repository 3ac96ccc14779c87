"""Every time zone offered reads as a name in each language, not CLDR's region format glued onto
"country (city)" ("USA (Honolulu)tid", "tidssone for verden (Troll)")."""

import re

import pytest

from distans.core import places

LANGUAGES = ("sv", "nb", "da", "en")
# A word glued onto a closing bracket, a region that is no country, brackets in brackets or twice.
GLUED = re.compile(r"\)\S|\) (Time|tid)|\bfor verden\b|\bVerden \(|\bvärlden\b|\bworld\b|\([^)]*\(|\).*\)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_zone_name_has_a_word_glued_on(language):
    names = [name for _country, zones in places.zone_choices_by_country(language) for _zone, name in zones]
    assert len(names) > 400
    assert [name for name in names if GLUED.search(name)] == []


@pytest.mark.parametrize(
    ("zone", "language", "name"),
    [
        ("Pacific/Honolulu", "da", "Hawaii-tid (Honolulu)"),  # was "USA (Honolulu)-tid"
        ("Pacific/Honolulu", "en", "Hawaii Time (Honolulu)"),  # was "United States (Honolulu) Time"
        ("Antarctica/Davis", "sv", "Davistid"),  # was "Antarktis (Davis)tid"
        ("Asia/Jakarta", "sv", "västindonesisk tid (Jakarta)"),  # was "Indonesien (Jakarta)tid"
        ("Asia/Yangon", "en", "Myanmar Time (Yangon)"),  # was "Myanmar (Burma) Time (Yangon)"
        ("Indian/Cocos", "en", "Cocos Islands Time"),  # was "Cocos (Keeling) Islands Time (Cocos Islands)"
        ("Asia/Colombo", "sv", "Sri Lanka-tid (Colombo)"),  # was "Sri Lankatid (Colombo)"
        ("Asia/Bangkok", "sv", "Thailandtid (Bangkok)"),
        ("Antarctica/Troll", "nb", "tidssone for Troll"),  # was "tidssone for verden (Troll)"
        ("Antarctica/Troll", "da", "Troll-tid"),  # was "Verden (Troll)-tid"
        ("Pacific/Bougainville", "sv", "Bougainvilletid"),  # CLDR has no name: named after its city
        ("Asia/Amman", "nb", "tidssone for Jordan (Amman)"),  # nor here: after its country
        ("America/Edmonton", "nb", "tidssone for Rocky Mountains (Edmonton)"),  # not "... (USA) (Edmonton)"
        ("Europe/Oslo", "nb", "tidssone for Sentral-Europa (Oslo)"),
        ("Europe/Moscow", "en", "Moscow Time"),
    ],
)
def test_zone_names_as_the_language_writes_them(zone, language, name):
    assert places.zone_name(zone, language) == name

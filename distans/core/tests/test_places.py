"""Countries and time zones in words, in the reader's language; the profile's time zones by country."""

from django.template import Context, Template
from django.utils import translation

from distans.core import places
from distans.core.testing import html, session_client


def test_country_names_in_the_four_languages_and_typed_values_as_typed():
    assert [places.country_name("DE", language) for language in ("en", "sv", "nb", "da")] == [
        "Germany",
        "Tyskland",
        "Tyskland",
        "Tyskland",
    ]
    assert places.country_name("ES", "nb") == "Spania" and places.country_name("ES", "da") == "Spanien"
    assert places.country_name("Atlantis", "sv") == "Atlantis"


def test_countries_in_each_languages_dictionary_order():
    swedish = [name for _code, name in places.country_choices("sv")]
    assert swedish.index("Zimbabwe") < swedish.index("Åland") < swedish.index("Österrike")
    danish = [name for _code, name in places.country_choices("da")]
    assert danish.index("Zimbabwe") < danish.index("Østrig") < danish.index("Åland")
    assert len(swedish) > 200 and "EU" not in dict(places.country_choices("sv"))


def test_zones_by_country_in_words_with_current_names_only():
    assert places.zone_choices("DE", "sv") == [
        ("Europe/Berlin", "centraleuropeisk tid (Berlin)"),
        ("Europe/Busingen", "centraleuropeisk tid (Büsingen am Hochrhein)"),
    ]
    assert places.zone_choices("DE", "en")[0] == ("Europe/Berlin", "Central European Time (Berlin)")
    american = dict(places.zone_choices("US", "en"))
    assert "America/Los_Angeles" in american and "US/Pacific" not in american
    assert "Asia/Kolkata" in dict(places.zone_choices("IN")) and places.zone_choices("Atlantis") == []
    everything = {zone for _country, zones in places.zone_choices_by_country("da") for zone, _ in zones}
    assert {"Asia/Kolkata", "Europe/Kyiv"} <= everything
    assert not everything & {"Asia/Calcutta", "Europe/Kiev", "US/Pacific", "Etc/GMT+3"}


def test_an_old_zone_name_has_a_current_one():
    assert places.current_zone("Asia/Calcutta") == "Asia/Kolkata"
    assert places.current_zone("US/Pacific") == "America/Los_Angeles"
    assert places.current_zone("Europe/Oslo") == "Europe/Oslo"
    assert places.current_zone("UTC") == "UTC"


def test_the_template_filters_speak_the_active_language():
    template = Template("{% load places %}{{ code|country_name }} · {{ zone|zone_name }}")
    with translation.override("nb"):
        assert template.render(Context({"code": "SE", "zone": "Europe/Stockholm"})) == (
            "Sverige · tidssone for Sentral-Europa (Stockholm)"
        )


def test_the_profile_offers_time_zones_in_words_under_their_countries(cast):
    karin = cast["hr_approver"]
    karin.language, karin.time_zone = "sv", "Asia/Calcutta"  # kept under its old name
    karin.save()
    client = session_client(karin)
    page = html(client.get("/profile/"))
    assert '<optgroup label="Indien">' in page
    assert '<option value="Asia/Kolkata" selected>Indientid (Kolkata)</option>' in page
    assert "Asia/Calcutta" not in page and "US/Pacific" not in page
    token = client.cookies["csrftoken"].value
    answer = client.post(
        "/profile/", {"language": "sv", "time_zone": "Asia/Calcutta", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 400  # an old name is not offered


def test_a_zone_no_country_has_stays_when_the_language_is_saved(cast):
    karin = cast["hr_approver"]
    karin.time_zone = "UTC"
    karin.save()
    client = session_client(karin)
    page = html(client.get("/profile/"))
    assert '<option value="UTC" selected>Coordinated Universal Time</option>' in page
    token = client.cookies["csrftoken"].value
    client.post("/profile/", {"language": "da", "time_zone": "UTC", "csrfmiddlewaretoken": token})
    karin.refresh_from_db()
    assert (karin.language, karin.time_zone) == ("da", "UTC")

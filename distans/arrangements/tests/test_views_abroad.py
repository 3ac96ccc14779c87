"""Work from abroad on the request form: the country chosen from a list in the reader's language and
stored as its ISO code, its time zones offered in words, a zone of another country refused, and the
country named in the reader's language wherever the request is shown."""

import importlib

from django.apps import apps
from django.urls import reverse

from distans.arrangements.models import Request
from distans.arrangements.testing import draft, start
from distans.core.testing import as_post, browser_form, html, session_client


def _speaking(person, language):
    person.language = language
    person.save()
    return person


def _post_form(person, url=None, **fields):
    """The form as the browser sends it (CSRF enforced), with `fields` changed as the person changes them."""
    url = url or reverse("arrangements:new")
    client = session_client(person)
    data = as_post(browser_form(client.get(url).content.decode()).data)
    data.update({name: value if isinstance(value, list) else [value] for name, value in fields.items()})
    return client, client.post(url, data)


def _options(page: str, name: str) -> str:
    start_at = page.index(f'name="{name}"')
    return page[start_at : page.index("</select>", start_at)]


def test_the_form_offers_countries_by_name_in_swedish_and_no_zone_before_a_country(cast):
    asa = _speaking(cast["employee"], "sv")
    page = html(session_client(asa).get(reverse("arrangements:new")))
    countries = _options(page, "abroad_country")
    assert '<option value="ES">Spanien</option>' in countries
    assert '<option value="NO">Norge</option>' in countries
    # Swedish dictionary order: Österrike after Zimbabwe, Élfenbenskusten among the E.
    assert countries.index("Zimbabwe") < countries.index("Österrike")
    assert countries.index("Egypten") < countries.index("Elfenbenskusten") < countries.index("Finland")
    assert "Välj land först" in _options(page, "time_zone")
    assert "Asia/Calcutta" not in page and "Europe/Madrid" not in page


def test_abroad_is_stored_as_codes_and_shown_in_the_readers_language(cast):
    asa = _speaking(cast["employee"], "sv")
    client, answer = _post_form(asa, location="abroad", abroad_country="ES", time_zone="Atlantic/Canary")
    request = Request.objects.get()
    assert answer.status_code == 302
    assert (request.abroad_country, request.time_zone) == ("ES", "Atlantic/Canary")

    page = html(client.get(reverse("arrangements:detail", args=[request.pk])))
    assert "Utomlands: Spanien, västeuropeisk tid (Kanarieöarna)" in page
    for language, words in (("nb", "Spania"), ("da", "Spanien"), ("en", "Spain, Western European Time")):
        _speaking(asa, language)
        assert words in html(client.get(reverse("arrangements:detail", args=[request.pk])))

    _speaking(cast["hr_approver"], "nb")
    overview = html(session_client(cast["hr_approver"]).get(reverse("arrangements:overview")))
    assert "I utlandet · Spania" in overview


def test_a_time_zone_of_another_country_is_refused_naming_the_country(cast):
    asa = _speaking(cast["employee"], "sv")
    _client, answer = _post_form(asa, location="abroad", abroad_country="ES", time_zone="Asia/Bangkok")
    assert answer.status_code == 400
    assert "Välj en tidszon i Spanien." in html(answer)
    assert not Request.objects.exists()


def test_an_unknown_country_or_an_old_zone_name_is_refused(cast):
    asa = cast["employee"]
    _client, answer = _post_form(asa, location="abroad", abroad_country="Atlantis", time_zone="Europe/Madrid")
    assert answer.status_code == 400 and "Select a valid choice." in html(answer)
    _client, answer = _post_form(asa, location="abroad", abroad_country="US", time_zone="US/Pacific")
    assert answer.status_code == 400 and "Choose a time zone in United States." in html(answer)
    assert not Request.objects.exists()


def test_a_country_with_one_time_zone_has_it_by_itself(cast):
    _client, answer = _post_form(cast["employee"], location="abroad", abroad_country="TH", time_zone="")
    assert answer.status_code == 302
    assert Request.objects.get().time_zone == "Asia/Bangkok"


def test_the_country_and_zone_are_cleared_when_the_place_is_not_abroad(cast):
    _client, answer = _post_form(
        cast["employee"], location="home", abroad_country="ES", time_zone="Europe/Madrid"
    )
    assert answer.status_code == 302
    request = Request.objects.get()
    assert (request.abroad_country, request.time_zone) == ("", "")


def test_the_live_panel_brings_the_chosen_countrys_time_zones_in_words(cast):
    asa = _speaking(cast["employee"], "sv")
    client = session_client(asa)
    data = as_post(browser_form(client.get(reverse("arrangements:new")).content.decode()).data)
    data.update({"location": ["abroad"], "abroad_country": ["US"]})
    data["csrfmiddlewaretoken"] = [client.cookies["csrftoken"].value]
    page = html(client.post(reverse("arrangements:evaluate"), data, HTTP_HX_REQUEST="true"))
    assert 'id="findings"' in page and 'id="id_time_zone" hx-swap-oob="true"' in page
    zones = _options(page.replace('id="id_time_zone"', 'name="time_zone"'), "time_zone")
    assert '<option value="America/New_York">östnordamerikansk tid (New York)</option>' in zones
    assert "America/Los_Angeles" in zones and "US/Pacific" not in zones and "Europe/" not in zones

    data.update({"abroad_country": ["TH"], "time_zone": ["America/New_York"]})  # the zone chosen before
    page = html(client.post(reverse("arrangements:evaluate"), data, HTTP_HX_REQUEST="true"))
    only = '<option value="Asia/Bangkok">Thailandtid (Bangkok)</option></select>'
    assert f'hx-swap-oob="true">{only}' in page  # the one zone is the only option: the browser's choice
    assert "Arbete från utlandet beviljas aldrig automatiskt" in page  # findings for the country's one zone


def test_a_request_typed_before_keeps_its_country_and_known_names_become_codes(cast):
    asa = cast["employee"]
    typed = draft(asa, location="abroad", abroad_country="Atlantis", time_zone="Asia/Calcutta")
    bjorn = cast["manager"]
    spanish = draft(bjorn, location="abroad", abroad_country="  spanien ", time_zone="Europe/Madrid")
    migration = importlib.import_module("distans.arrangements.migrations.0005_abroad_country_codes")
    migration.names_to_codes(apps, None)
    typed.refresh_from_db()
    spanish.refresh_from_db()
    assert (typed.abroad_country, spanish.abroad_country) == ("Atlantis", "ES")

    client = session_client(asa)
    page = html(client.get(reverse("arrangements:detail", args=[typed.pk])))
    assert "Abroad: Atlantis, India Time (Kolkata)" in page
    edit = html(client.get(reverse("arrangements:edit", args=[typed.pk])))
    assert "Choose the country first" in _options(edit, "time_zone")  # Atlantis is on no list: chosen anew


def test_editing_a_request_offers_its_countrys_zones_with_the_current_one_chosen(cast):
    asa = cast["employee"]
    request = draft(asa, location="abroad", abroad_country="IN", time_zone="Asia/Calcutta")
    edit = html(session_client(asa).get(reverse("arrangements:edit", args=[request.pk])))
    assert '<option value="IN" selected>India</option>' in edit
    zones = _options(edit, "time_zone")
    assert '<option value="Asia/Kolkata" selected>India Time (Kolkata)</option>' in zones
    assert start().isoformat() in edit

"""The audit log keeps who did it: names as written then, even when the actor link is empty; someone
without history can be deleted (org's tests show that a person with history cannot)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from distans.core.models import AuditEntry
from distans.core.services import person_preferences_set


def test_entries_keep_the_actors_name_and_number_as_written_then(client, cast):
    asa = cast["employee"]
    person_preferences_set(actor=asa, person=asa, language="sv", time_zone="Europe/Stockholm")
    asa.last_name = "Lind"
    asa.save()
    entry = AuditEntry.objects.get(action="person.preferences")
    assert (entry.actor_name, entry.actor_number) == ("Åsa Öberg", "102")
    client.force_login(cast["hr"])
    page = client.get(reverse("core:audit_log")).content.decode()
    assert "Åsa Öberg" in page and "(102)" in page


def test_the_log_shows_the_name_when_the_actor_link_is_empty(client, cast):
    """Rows whose actor link is empty (written before this, or by the system) still say who acted."""
    AuditEntry.objects.create(
        action="person.preferences", object_type="org.person", actor_name="Gustav Berg", actor_number="090"
    )
    AuditEntry.objects.create(action="org.import", object_type="org.import")
    client.force_login(cast["hr"])
    page = client.get(reverse("core:audit_log")).content.decode()
    assert "Gustav Berg" in page and "(090)" in page and "System" in page


def test_someone_without_any_history_can_still_be_deleted(cast):
    people = get_user_model().objects
    newcomer = people.create_user("ny@example.com", None, first_name="Ny", last_name="Person")
    newcomer.delete()
    assert not people.filter(email="ny@example.com").exists()

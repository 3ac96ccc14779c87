"""People with history: no hard delete by any path (deactivate instead), and changes of roles in the
admin site audited with HR told."""

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from distans.core.errors import NotAllowed
from distans.core.models import AuditEntry
from distans.core.roles import Role
from distans.core.services import person_preferences_set
from distans.core.testing import run_due_tasks
from distans.org.models import Person
from distans.org.services import person_set_roles


def admin_client(cast):
    client = Client()
    client.force_login(cast["admin"])
    return client


def test_a_person_with_history_cannot_be_deleted_by_any_path(cast):
    asa = cast["employee"]
    person_preferences_set(actor=asa, person=asa, language="nb", time_zone="Europe/Oslo")
    with pytest.raises((ProtectedError, NotAllowed)), transaction.atomic():
        Person.objects.filter(pk=asa.pk).delete()
    olav = cast["outsider"]  # history only as the object of an entry, made by someone else
    person_set_roles(actor=cast["admin"], person=olav, groups=[Group.objects.get(name=Role.HR.value)])
    with pytest.raises(NotAllowed) as refused, transaction.atomic():
        olav.delete()
    assert refused.value.code == "person_has_history" and "Deactivate" in refused.value.message
    assert Person.objects.filter(pk__in=[asa.pk, olav.pk]).count() == 2
    assert AuditEntry.objects.filter(actor=asa).exists()


def test_the_admin_site_refuses_to_delete_a_person_with_history_and_says_deactivate(cast):
    asa = cast["employee"]
    person_preferences_set(actor=asa, person=asa, language="sv", time_zone="Europe/Stockholm")
    client = admin_client(cast)
    url = reverse("admin:org_person_delete", args=[asa.pk])
    page = client.get(url).content.decode()
    assert "Åsa Öberg has history in Distans" in page and "Deactivate them instead" in page
    assert client.post(url, {"post": "yes"}).status_code == 200
    bulk = client.post(
        reverse("admin:org_person_changelist"),
        {"action": "delete_selected", "_selected_action": [asa.pk], "post": "yes"},
    )
    assert "Deactivate them instead" in bulk.content.decode()
    assert Person.objects.filter(pk=asa.pk).exists()


def test_making_someone_hr_in_the_admin_site_is_audited_and_hr_is_told(cast, mailoutbox):
    olav = cast["outsider"]
    cast["hr"].language = "sv"
    cast["hr"].save()
    client = admin_client(cast)
    url = reverse("admin:org_person_change", args=[olav.pk])
    form = client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update(
        groups=[Group.objects.get(name=Role.HR.value).pk, Group.objects.get(name=Role.ADMIN.value).pk],
        is_active="on",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="person.roles")
    assert entry.changes["roles"] == [[], ["admin", "hr"]]
    assert entry.actor == cast["admin"] and entry.object_repr == "Olav Haugen"
    run_due_tasks()
    to_elin = [mail for mail in mailoutbox if mail.to == ["elin@example.com"]]
    assert len(to_elin) == 1
    assert "Olav Haugen" in to_elin[0].subject and "Ingrid Nyström" in to_elin[0].body
    assert "Administratör" in to_elin[0].body, "in Elin's language"
    # Saving again without a change writes no entry and tells nobody.
    data = {
        name: ("" if value is None else value)
        for name, value in client.get(url).context["adminform"].form.initial.items()
    }
    data.update(groups=data["groups"] and [g.pk for g in data["groups"]], is_active="on")
    client.post(url, data)
    assert AuditEntry.objects.filter(action="person.roles").count() == 1

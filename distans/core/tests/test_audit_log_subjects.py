"""An audit entry about no one object, such as the demo's history, names what it is about."""

from django.test import Client
from django.urls import reverse

from distans.core.models import AuditEntry


def test_the_demo_history_names_what_it_is_about_in_the_readers_language(cast):
    AuditEntry.objects.create(action="demo.history", changes={"agreements": [None, 196]})
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    client = Client()
    client.force_login(hr)
    row = client.get(reverse("core:audit_log")).content.decode().split("<tbody>")[1].split("</tr>")[0]
    assert '<td class="audit-who">Systemet</td>' in row
    assert "Demohistorik tillagd: tidigare ansökningar, checklistor och överenskommelser" in row
    assert '<td class="audit-object">Överenskommelser om distansarbete<details>' in row
    assert "<dt>Överenskommelser</dt><dd>196</dd>" in row

"""Audit actions are an enum per app: the log shows each one by its label in the reader's language, the
stored values stay as they were, and a free string is refused."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from distans.core.audit import AuditAction, action_label, audit_actions, audit_record
from distans.core.models import AuditEntry

# The values rows hold today: an enum must keep them, or old rows lose their labels.
STORED_BEFORE = {
    "agreement.sign",
    "agreement.end",
    "request.approve",
    "request.return",
    "person.roles",
    "org.import",
    "plan.change",
    "deviation.escalate",
    "loan.returns_requested",
    "token.create",
    "checklist_response.submit",
    "policy.publish",
    "admin.delete",
    "demo.history",
}


def test_every_app_declares_its_actions_with_the_stored_values():
    actions = audit_actions()
    assert STORED_BEFORE <= set(actions)
    assert len({type(member) for member in actions.values()}) == 12, "one enum in each app"
    assert all(isinstance(member, AuditAction) for member in actions.values())


def test_a_free_string_is_refused_and_nothing_is_stored(db):
    with pytest.raises(TypeError):
        audit_record(actor=None, action="agreement.sign", object_type="x")
    with pytest.raises(TypeError):
        audit_record(actor=None, action="made.up", object_type="x")
    assert not AuditEntry.objects.exists()


def test_a_member_is_stored_as_its_value(db):
    member = audit_actions()["person.roles"]
    audit_record(actor=None, action=member, object_type="org.person")
    assert AuditEntry.objects.filter(action="person.roles").count() == 1


@pytest.mark.parametrize("language", ["sv", "nb", "da"])
def test_every_action_has_a_translated_label(language):
    with translation.override("en"):
        english = {value: str(member.label) for value, member in audit_actions().items()}
    with translation.override(language):
        untranslated = [
            value for value, member in audit_actions().items() if str(member.label) == english[value]
        ]
    assert untranslated == []


def test_the_audit_log_shows_every_action_by_its_label_in_the_readers_language(cast):
    actions = audit_actions()
    for value in actions:
        AuditEntry.objects.create(action=value, object_type="test")
    AuditEntry.objects.create(action="retired.action", object_type="test")  # an old row no enum declares
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    client = Client()
    client.force_login(hr)
    pages = "".join(
        client.get(reverse("core:audit_log"), {"page": page}).content.decode()
        for page in range(1, len(actions) // 50 + 2)
    )
    with translation.override("sv"):
        labels = {value: str(member.label) for value, member in actions.items()}
    missing = [value for value, label in labels.items() if label not in pages]
    assert missing == []
    assert "Överenskommelse underskriven av ena parten" in pages and "retired.action" in pages


def test_the_filter_offers_the_actions_by_label(cast):
    AuditEntry.objects.create(action="person.roles", object_type="org.person")
    hr = cast["hr"]
    hr.language = "da"
    hr.save()
    client = Client()
    client.force_login(hr)
    page = client.get(reverse("core:audit_log"), {"action": "person.roles"}).content.decode()
    assert '<option value="person.roles" selected>Roller ændret</option>' in page
    # Under the kind of thing it was done to, so that two actions of the same word can be told apart.
    group = re.search(r'<optgroup label="([^"]+)">((?:(?!</optgroup>).)*person\.roles)', page, re.S)
    assert group and group.group(1) == "Person"


def test_an_old_value_no_enum_declares_is_shown_as_stored():
    assert action_label("retired.action") == "retired.action"


def test_the_log_names_what_an_entry_is_about_and_its_changes_in_the_readers_words(cast):
    """No code on a Swedish page: the object's kind by name, the changes field by field, choices,
    weekdays, dates and decimals as a Swede writes them."""
    agreement = AuditEntry.objects.create(
        action="agreement.sign",
        object_type="agreements.agreement",
        object_repr="Distansarbete 2026",
        changes={
            "status": [None, "active"],
            "weekdays": ["[0, 2, 4]", "[0, 4]"],
            "days_per_week": ["3.0", "2.0"],
            "party": [None, "employer"],
        },
    )
    AuditEntry.objects.create(
        action="plan.change", object_type="org.person", changes={"date": [None, "2026-12-08"]}
    )
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    client = Client()
    client.force_login(hr)
    page = client.get(reverse("core:audit_log")).content.decode()
    log = page.split("<tbody>")[1]
    assert "agreements.agreement" not in log and "{" not in log
    assert "Överenskommelse: Distansarbete 2026" in page
    assert "måndag, onsdag, fredag → måndag, fredag" in page
    assert "3,0 → 2,0" in page and "<dd>Arbetsgivare</dd>" in page and "<dd>2026-12-08</dd>" in page
    types = client.get(reverse("core:audit_log"), {"object_type": agreement.object_type}).content.decode()
    assert '<option value="agreements.agreement" selected>Överenskommelse</option>' in types

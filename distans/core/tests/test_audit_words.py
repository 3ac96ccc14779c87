"""Each app says in its own words what its audit entries hold (core.audit.AuditWords); core names no
higher app. Naming what the entries refer to reads only the relations each name needs."""

import pytest
from django.apps import apps
from django.utils import translation

from distans.core.audit import _names_read, audit_words, change_rows
from distans.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_every_relation_an_app_names_for_its_objects_names_exists():
    read = _names_read()
    assert set(audit_words.subscribers) >= {"agreements", "arrangements", "equipment", "privacy"}
    for label, relations in read.items():
        list(apps.get_model(label)._base_manager.select_related(*relations)[:1])  # an unknown one raises


def test_a_country_and_a_time_zone_read_by_name_and_an_apps_words_stay_its_own(cast):
    abroad = AuditEntry(
        action="request.create",
        object_type="arrangements.request",
        changes={
            "abroad_country": [None, "ES"],
            "time_zone": [None, "Europe/Madrid"],
            "step": [None, "manager"],
        },
    )
    # "item" is a kind of equipment only in equipment's entries: a checklist's item is its text.
    checklist = AuditEntry(
        action="checklist_item.delete",
        object_type="checklists.item",
        changes={"item": ["Har du ett lås?", None]},
    )
    with translation.override("sv"):
        assert [row[2] for row in change_rows(abroad)] == [
            "Spanien",
            "centraleuropeisk tid (Madrid)",
            "Närmaste chef",
        ]
        assert change_rows(checklist)[0][1] == "Har du ett lås?"

"""The audit log says what privacy recorded in the reader's words (privacy.words): a legal hold's reason,
a retention rule's kind of record and country, the retention run's counts by kind of record, the format
of a download; never the keys or codes they are stored under."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from distans.privacy import services
from distans.privacy.retention import RECORD_TYPES

pytestmark = pytest.mark.django_db
CODES = {"agreements", "checklists", "SE", "*", "pdf", "reason", "format", "record_type"}


def _rows(client) -> list[tuple[str, str]]:
    log = client.get(reverse("core:audit_log")).content.decode()
    return re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", log)


def test_what_privacy_records_reads_in_the_readers_language(cast):
    hr = cast["hr"]
    services.legal_hold_place(actor=hr, person=cast["employee"], reason="Tvist om övertid")
    services.retention_rules_set(actor=hr, days={("agreements", "SE"): 4000, ("agreements", ""): 3000})
    services.retention_daily()
    services.export_record(actor=hr, person=cast["employee"], kind="pdf")
    client = Client()
    client.force_login(hr)
    hr.language = "en"
    hr.save()
    english = _rows(client)
    hr.language = "sv"
    hr.save()
    rows = _rows(client)
    with translation.override("sv"):
        agreements = str(RECORD_TYPES[0].label)
    assert ("Skäl", "Tvist om övertid") in rows
    assert ("Typ av uppgift", agreements) in rows
    assert ("Land", "Sverige") in rows and ("Land", "andra länder") in rows
    assert ("Dagar", "3650 → 4000") in rows
    assert (agreements, "0") in rows, "the run's counts by kind of record"
    assert ("Filformat", "PDF-fil") in rows
    assert [row for row in rows if set(re.split(r" → |, ", row[1])) & CODES or row[0] in CODES] == []
    assert [sv for sv, en in zip(rows, english, strict=True) if sv[0] == en[0]] == []

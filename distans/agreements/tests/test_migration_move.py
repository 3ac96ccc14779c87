"""Agreements moved out of `arrangements` keep every row: an existing database migrates in place.

The database is put back at the state before the move (agreements still models of `arrangements`),
filled there (through the historical models as that code wrote it, or by the demo), then migrated
forward."""

import datetime
import hashlib
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from distans.agreements.models import Agreement, AgreementTemplate, AgreementVersion
from distans.checklists.models import Assignment
from distans.core.models import AuditEntry

BEFORE = [
    ("arrangements", "0003_builtin_agreement_templates"),
    ("equipment", "0002_catalogue"),
    ("followup", "0001_initial"),
    ("org", "0003_person_invited_at"),  # the people as they were then, before their search keys
]
# Migrating to these unapplies every migration of `agreements`.
TARGETS = [*BEFORE, ("agreements", None)]
# The models the test fills at that point come from these apps too.
STATE = [
    *BEFORE,
    ("core", "0003_token_scope_audit_actor"),
    ("checklists", "0002_builtin_templates"),
    ("contenttypes", "0002_remove_content_type_name"),
]
MOVED = ["agreement", "agreementtemplate", "agreementversion", "signature"]


def _fill(old):
    """One active agreement with a signed version, a loan under it, a checklist about it, audit rows."""
    Person = old.get_model("org", "Person")
    asa = Person.objects.create(email="asa@example.com", first_name="Åsa", last_name="Öberg", password="!")
    bjorn = Person.objects.create(
        email="bjorn@example.com", first_name="Björn", last_name="Ekström", password="!"
    )
    start = datetime.date(2026, 1, 5)
    request = old.get_model("arrangements", "Request").objects.create(
        person=asa, status="approved", days_per_week=2, start_date=start
    )
    template = old.get_model("arrangements", "AgreementTemplate").objects.get(
        country="SE", language="sv", status="published"
    )
    agreement = old.get_model("arrangements", "Agreement").objects.create(
        person=asa, request=request, country="SE", status="active", start_date=start, days_per_week=2
    )
    text, pdf = "Distansarbetsavtal för Åsa Öberg", b"%PDF-1.7 signed bytes \x00\xff"
    text_sha = hashlib.sha256(text.encode()).hexdigest()
    version = old.get_model("arrangements", "AgreementVersion").objects.create(
        agreement=agreement,
        number=1,
        status="signed",
        template=template,
        language="sv",
        terms={"days_per_week": "2"},
        effective_from=start,
        text=text,
        text_sha256=text_sha,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )
    Signature = old.get_model("arrangements", "Signature")
    Signature.objects.create(
        version=version, party="employee", person=asa, name="Åsa Öberg", role="Employee", text_sha256=text_sha
    )
    Signature.objects.create(
        version=version,
        party="employer",
        person=bjorn,
        name="Björn Ekström",
        role="Line manager",
        text_sha256=text_sha,
    )
    old.get_model("equipment", "Loan").objects.create(
        item_type=old.get_model("equipment", "ItemType").objects.first(),
        person=asa,
        agreement=agreement,
        out_date=start,
    )
    # A generic link to the agreement, by the content type the old code had for it.
    OldContentType = old.get_model("contenttypes", "ContentType")
    agreement_type, _ = OldContentType.objects.get_or_create(app_label="arrangements", model="agreement")
    old.get_model("checklists", "Assignment").objects.create(
        version=old.get_model("checklists", "TemplateVersion").objects.first(),
        person=asa,
        due_date=start,
        context_type=agreement_type,
        context_id=agreement.pk,
    )
    OldAudit = old.get_model("core", "AuditEntry")
    for model, obj in [
        ("agreement", agreement),
        ("agreementversion", version),
        ("agreementtemplate", template),
        ("request", request),
    ]:
        object_type = f"arrangements.{model}"
        OldAudit.objects.create(action="x.y", object_type=object_type, object_id=str(obj.pk))
    OldAudit.objects.create(action="agreement.sign", object_type="arrangements.signature")
    return {
        "agreement": agreement.pk,
        "agreement_type": agreement_type.pk,
        "pdf": pdf,
        "templates": old.get_model("arrangements", "AgreementTemplate").objects.count(),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_database_keeps_its_agreements_audit_and_links_through_the_move():
    executor = MigrationExecutor(connection)
    after = executor.loader.graph.leaf_nodes()
    executor.migrate(TARGETS)
    try:
        old = executor.loader.project_state(STATE).apps
        assert "agreements" not in {model._meta.app_label for model in old.get_models()}
        before = _fill(old)
    finally:  # forward again even when filling failed, so that later tests find today's tables
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
        ContentType.objects.clear_cache()

    agreement = Agreement.objects.select_related("person").get()
    assert (agreement.pk, agreement.status) == (before["agreement"], "active")
    assert agreement.person.first_name == "Åsa"
    version = agreement.versions.get()
    assert bytes(version.pdf) == before["pdf"] and version.status == "signed"
    assert version.template.language == "sv"
    assert sorted(version.signatures.values_list("party", flat=True)) == ["employee", "employer"]
    assert agreement.loans.get().person == agreement.person
    assert agreement.evaluations.count() == 0
    assert AgreementTemplate.objects.count() == before["templates"]

    labels = sorted(
        AuditEntry.objects.filter(action__in=["x.y", "agreement.sign"]).values_list("object_type", flat=True)
    )
    assert labels == [
        "agreements.agreement",
        "agreements.agreementtemplate",
        "agreements.agreementversion",
        "agreements.signature",
        "arrangements.request",
    ]

    # The content type kept its row: the checklist's link now finds the agreement through it.
    agreement_type = ContentType.objects.get_for_model(Agreement)
    assert agreement_type.pk == before["agreement_type"]
    assert Assignment.objects.get().context == agreement
    assert not ContentType.objects.filter(app_label="arrangements", model__in=MOVED).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demo_goes_back_to_before_the_move_and_forward_again_without_losing_a_row():
    """The demo as `manage.py demo` builds it, taken back to the state before the move (the same
    tables: what an old database holds, read there through the old models) and forward again."""
    call_command("demo", "--people", "60")
    signed = AgreementVersion.objects.exclude(pdf=None).order_by("pk").first()
    pdf = bytes(signed.pdf)
    counts = _counts()
    labels = Counter(AuditEntry.objects.values_list("object_type", flat=True))
    assert labels["agreements.agreement"]

    executor = MigrationExecutor(connection)
    after = executor.loader.graph.leaf_nodes()
    executor.migrate(TARGETS)
    old = executor.loader.project_state(STATE).apps
    assert old.get_model("arrangements", "Agreement").objects.count() == counts["arrangements_agreement"]
    assert bytes(old.get_model("arrangements", "AgreementVersion").objects.get(pk=signed.pk).pdf) == pdf
    old_labels = Counter(old.get_model("core", "AuditEntry").objects.values_list("object_type", flat=True))
    assert old_labels["arrangements.agreement"] == labels["agreements.agreement"]
    assert not old_labels["agreements.agreement"]

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    ContentType.objects.clear_cache()
    assert _counts() == counts
    assert Counter(AuditEntry.objects.values_list("object_type", flat=True)) == labels
    version = AgreementVersion.objects.get(pk=signed.pk)
    assert bytes(version.pdf) == pdf and hashlib.sha256(pdf).hexdigest() == version.pdf_sha256
    assert version.signatures.count() == 2


def _counts() -> dict[str, int]:
    return {model._meta.db_table: model._base_manager.count() for model in apps.get_models()}

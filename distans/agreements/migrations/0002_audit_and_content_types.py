"""Agreements moved from `arrangements`: the audit log and the content types follow them.

Audit rows name their object by model label (`AuditEntry.object_type`), so rows written before the
move say `arrangements.agreement…`; they now say `agreements.…`, the label the code writes. The
content types of the moved models keep their rows (and ids) with the new app label, so generic links
to them (a checklist assignment's `context`) and their permissions keep pointing at them.

The audit log is append-only in the product (its QuerySet refuses `update`); a migration's
historical model has the plain manager and may correct the label.
"""

from django.db import migrations

MOVED = ["agreement", "agreementtemplate", "agreementversion", "signature"]


def forwards(apps, schema_editor):
    _relabel(apps, "arrangements", "agreements")


def backwards(apps, schema_editor):
    _relabel(apps, "agreements", "arrangements")


def _relabel(apps, old: str, new: str) -> None:
    AuditEntry = apps.get_model("core", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        AuditEntry.objects.filter(object_type=f"{old}.{model}").update(object_type=f"{new}.{model}")
        # A fresh database has no content type yet (they are made after migrating); one that already
        # has the new label (made by a migrate that stopped half-way) keeps it.
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)
    ContentType.objects.clear_cache()


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0003_token_scope_audit_actor"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Two tasks moved: the hourly sweep from `agreements.tasks.agreements_sweep` to
`core.schedule.hourly_sweep`, and telling HR about changed roles from `core.tasks` to `org.tasks`. A run
already queued under an old name would fail to import (and the sweep, which queues its own next run,
would stop), so queued runs take the new names."""

from django.db import migrations

MOVED = {
    "distans.agreements.tasks.agreements_sweep": "distans.core.schedule.hourly_sweep",
    "distans.core.tasks.roles_changed_notify": "distans.org.tasks.roles_changed_notify",
}


def _rename(apps, names: dict) -> None:
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    for old, new in names.items():
        results.filter(task_path=old, status="READY").update(task_path=new)


def forwards(apps, schema_editor):
    _rename(apps, MOVED)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_token_scope_audit_actor"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Migration 0003: tokens made before scopes keep writing; old audit rows get their actor's name."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The people as they were then too: org's later migrations add columns the old model cannot fill.
BEFORE = [("core", "0002_initial"), ("org", "0003_person_invited_at")]
AFTER = [("core", "0003_token_scope_audit_actor")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_tokens_become_read_and_write_and_actors_are_named():
    try:
        _migrate_and_check()
    finally:  # back to the latest, even when it failed, so that later tests find today's tables
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate_and_check():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    person = old.get_model("org", "Person").objects.create(
        email="gustav@example.com", first_name="Gustav", last_name="Berg", employee_number="090", password="!"
    )
    old.get_model("core", "ApiToken").objects.create(
        person=person, name="Payroll", key_hash="x" * 64, hint="dst_abcd"
    )
    AuditEntry = old.get_model("core", "AuditEntry")
    AuditEntry.objects.create(actor=person, action="person.preferences", object_type="org.person")
    AuditEntry.objects.create(action="org.import", object_type="org.import")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    assert new.get_model("core", "ApiToken").objects.get(name="Payroll").scope == "read_write"
    rows = dict(new.get_model("core", "AuditEntry").objects.values_list("action", "actor_name"))
    assert rows == {"person.preferences": "Gustav Berg", "org.import": ""}
    assert new.get_model("core", "AuditEntry").objects.get(action="person.preferences").actor_number == "090"

"""A sign-in writes `last_login` to the person's row, and the plan stamp's update trigger on people
(migration 0007) then threw away every kept week. People's update trigger now fires only for the
columns a week can read: all but those written at sign-in, password changes and invitations.

A column added to people later is in the trigger only if a migration adds it; planning/tests/
test_plan_stamp.py checks that the trigger names every column but these.
"""

from django.db import migrations

# Written by signing in, changing a password or inviting; no week reads them.
IGNORED = ("last_login", "password", "invited_at")


def _table_and_columns(apps) -> tuple[str, list[str]]:
    person = apps.get_model("org", "Person")
    columns = [field.column for field in person._meta.concrete_fields if field.column not in IGNORED]
    return person._meta.db_table, columns


def narrow(apps, schema_editor):
    run = schema_editor.execute
    table, columns = _table_and_columns(apps)
    listed = ", ".join(schema_editor.quote_name(column) for column in columns)
    if schema_editor.connection.vendor == "postgresql":
        run(f"DROP TRIGGER {table}_plan_changed ON {table}")
        run(
            f"CREATE TRIGGER {table}_plan_changed AFTER INSERT OR DELETE OR TRUNCATE"
            f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION planning_plan_changed()"
        )
        run(
            f"CREATE TRIGGER {table}_update_plan_changed AFTER UPDATE OF {listed}"
            f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION planning_plan_changed()"
        )
    else:
        run(f"DROP TRIGGER {table}_plan_changed_update")
        run(
            f"CREATE TRIGGER {table}_plan_changed_update AFTER UPDATE OF {listed} ON {table} BEGIN "
            "INSERT OR REPLACE INTO planning_plan_stamp (id, value) VALUES (1, random()); END"
        )


def widen(apps, schema_editor):
    run = schema_editor.execute
    table, _ = _table_and_columns(apps)
    if schema_editor.connection.vendor == "postgresql":
        run(f"DROP TRIGGER {table}_update_plan_changed ON {table}")
        run(f"DROP TRIGGER {table}_plan_changed ON {table}")
        run(
            f"CREATE TRIGGER {table}_plan_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION planning_plan_changed()"
        )
    else:
        run(f"DROP TRIGGER {table}_plan_changed_update")
        run(
            f"CREATE TRIGGER {table}_plan_changed_update AFTER UPDATE ON {table} BEGIN "
            "INSERT OR REPLACE INTO planning_plan_stamp (id, value) VALUES (1, random()); END"
        )


class Migration(migrations.Migration):
    dependencies = [("planning", "0007_plan_stamp")]

    operations = [migrations.RunPython(narrow, widen)]

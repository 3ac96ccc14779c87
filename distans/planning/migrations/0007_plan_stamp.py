"""A stamp that changes with every write to the tables a computed week is made from, so a computed week
can be kept (see `queries.team_week_kept`) and is never served after anything it depends on changed.

Database triggers, not signals: bulk inserts, `update()` and raw SQL change plans too. The stamp is a
random number, not a counter, so a flushed table (tests) never brings an old stamp back.
"""

from django.db import migrations

# Every table a team week is computed from: people, units, offices, usual weeks, day changes, unit
# settings, and the agreements (work from abroad, suspensions); planning/tests/test_plan_stamp.py
# checks that each has its triggers.
MODELS = (
    ("org", "Person"),
    ("org", "Unit"),
    ("org", "Site"),
    ("planning", "WorkPattern"),
    ("planning", "DayChange"),
    ("planning", "UnitPlanSettings"),
    ("agreements", "Agreement"),
    ("agreements", "AgreementVersion"),
    ("agreements", "Signature"),
)


def tables(apps) -> list[str]:
    return [apps.get_model(app, model)._meta.db_table for app, model in MODELS]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    run = schema_editor.execute
    names = tables(apps)
    run("CREATE TABLE planning_plan_stamp (id integer PRIMARY KEY, value bigint NOT NULL)")
    if vendor == "postgresql":
        run(
            "CREATE FUNCTION planning_plan_changed() RETURNS trigger AS $$ BEGIN "
            "INSERT INTO planning_plan_stamp (id, value) VALUES (1, (random() * 9e18)::bigint) "
            "ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value; RETURN NULL; END $$ LANGUAGE plpgsql"
        )
        for table in names:
            run(
                f"CREATE TRIGGER {table}_plan_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
                f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION planning_plan_changed()"
            )
    elif vendor == "sqlite":
        for table in names:
            for event in ("INSERT", "UPDATE", "DELETE"):
                run(
                    f"CREATE TRIGGER {table}_plan_changed_{event.lower()} AFTER {event} ON {table} BEGIN "
                    "INSERT OR REPLACE INTO planning_plan_stamp (id, value) VALUES (1, random()); END"
                )
    else:
        raise NotImplementedError(f"plan stamp triggers for {vendor}")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in tables(apps):
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER {table}_plan_changed ON {table}")
        else:
            for event in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER {table}_plan_changed_{event}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION planning_plan_changed()")
    schema_editor.execute("DROP TABLE planning_plan_stamp")


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0006_day_changes_without_junk"),
        ("org", "0004_person_name_keys"),
        ("agreements", "0004_verbose_names"),
    ]

    operations = [migrations.RunPython(create, drop)]

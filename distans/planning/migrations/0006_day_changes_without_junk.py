"""Day changes written before their values were checked: a kind no choice offers is removed (the day
is the usual week again), an unknown away reason or country is left blank. From here on the service,
the forms and the API refuse such values."""

from django.db import migrations

KINDS = ("office", "remote", "other", "abroad", "away")
AWAY_REASONS = ("", "leave", "sick", "travel")


def clean(apps, schema_editor):
    import holidays

    countries = ["", *(code for code in holidays.list_supported_countries() if len(code) == 2)]
    DayChange = apps.get_model("planning", "DayChange")
    DayChange.objects.exclude(kind__in=KINDS).delete()
    DayChange.objects.exclude(away_reason__in=AWAY_REASONS).update(away_reason="")
    DayChange.objects.exclude(country__in=countries).update(country="")


class Migration(migrations.Migration):
    dependencies = [("planning", "0005_preferences")]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]

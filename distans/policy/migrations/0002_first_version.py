import datetime

from django.db import migrations


def first_version(apps, schema_editor):
    from distans.policy.default_text import TEXT

    PolicyVersion = apps.get_model("policy", "PolicyVersion")
    if not PolicyVersion.objects.exists():
        PolicyVersion.objects.create(number=1, status="published", effective_from=datetime.date(2020, 1, 1),
                                     text=TEXT)


class Migration(migrations.Migration):
    dependencies = [("policy", "0001_initial")]
    operations = [migrations.RunPython(first_version, migrations.RunPython.noop)]

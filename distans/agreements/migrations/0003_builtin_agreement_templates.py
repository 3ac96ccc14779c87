from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    """The built-in templates, unless a database that had them from arrangements 0003 has them already."""
    from distans.agreements.builtin import templates

    AgreementTemplate = apps.get_model("agreements", "AgreementTemplate")
    for template in templates():
        AgreementTemplate.objects.get_or_create(
            country=template["country"], language=template["language"], number=1,
            defaults={"title": template["title"], "sections": template["sections"], "status": "published",
                      "published_at": timezone.now()},
        )


class Migration(migrations.Migration):
    dependencies = [("agreements", "0002_audit_and_content_types")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

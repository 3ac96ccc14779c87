from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from distans.agreements.builtin import templates

    AgreementTemplate = apps.get_model("arrangements", "AgreementTemplate")
    for template in templates():
        AgreementTemplate.objects.get_or_create(
            country=template["country"], language=template["language"], number=1,
            defaults={"title": template["title"], "sections": template["sections"], "status": "published",
                      "published_at": timezone.now()},
        )


class Migration(migrations.Migration):
    dependencies = [("arrangements", "0002_agreements")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

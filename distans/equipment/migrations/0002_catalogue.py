from django.db import migrations


def load(apps, schema_editor):
    from distans.equipment.catalogue import CATALOGUE

    ItemType = apps.get_model("equipment", "ItemType")
    for key, name, eligibility, private_use, value in CATALOGUE:
        ItemType.objects.get_or_create(key=key, defaults={"name": name, "eligibility": eligibility,
                                                          "private_use": private_use, "value": value})


class Migration(migrations.Migration):
    dependencies = [("equipment", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

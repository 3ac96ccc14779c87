from django.db import migrations


def install_builtin(apps, schema_editor):
    from distans.checklists.builtin import install

    install(apps.get_model("checklists", "ChecklistTemplate"), apps.get_model("checklists", "TemplateVersion"),
            apps.get_model("checklists", "Item"))


class Migration(migrations.Migration):
    dependencies = [("checklists", "0001_initial")]
    operations = [migrations.RunPython(install_builtin, migrations.RunPython.noop)]

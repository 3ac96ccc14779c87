import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat, Trim


def write_actor_names(apps, schema_editor):
    """Rows written before this migration get the name and number their actor has now."""
    AuditEntry = apps.get_model("core", "AuditEntry")
    Person = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    actor = Person.objects.filter(pk=OuterRef("actor_id"))
    AuditEntry.objects.filter(actor__isnull=False).update(
        actor_name=Subquery(actor.values(name=Trim(Concat("first_name", Value(" "), "last_name")))[:1]),
        actor_number=Coalesce(Subquery(actor.values("employee_number")[:1]), Value("")),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Tokens made before scopes could write, so they keep doing so; new ones read only unless asked.
        migrations.AddField(
            model_name='apitoken',
            name='scope',
            field=models.CharField(choices=[('read', 'Read only'), ('read_write', 'Read and write')], default='read_write', max_length=16, verbose_name='access'),
        ),
        migrations.AlterField(
            model_name='apitoken',
            name='scope',
            field=models.CharField(choices=[('read', 'Read only'), ('read_write', 'Read and write')], default='read', max_length=16, verbose_name='access'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='actor_name',
            field=models.CharField(blank=True, max_length=201, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='actor_number',
            field=models.CharField(blank=True, max_length=32, verbose_name='employee number'),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='actor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='who'),
        ),
        migrations.RunPython(write_actor_names, migrations.RunPython.noop),
    ]

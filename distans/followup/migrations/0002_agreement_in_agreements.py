"""Evaluations and deviations point at `agreements.Agreement`: the same table, so only the state changes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0001_initial'),
        ('followup', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='deviation',
                    name='agreement',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='deviations', to='agreements.agreement'),
                ),
                migrations.AlterField(
                    model_name='evaluation',
                    name='agreement',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evaluations', to='agreements.agreement'),
                ),
            ],
        ),
    ]

"""Agreements moved to their own app (`agreements`). Only Django's idea of the models changes here:
the tables stay, and `agreements.0001_initial` adopts them under their old names.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('arrangements', '0003_builtin_agreement_templates'),
        ('equipment', '0003_loan_agreement_in_agreements'),
        ('followup', '0002_agreement_in_agreements'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='agreementversion',
                    name='agreement',
                ),
                migrations.RemoveField(
                    model_name='agreementtemplate',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='agreementversion',
                    name='template',
                ),
                migrations.RemoveField(
                    model_name='agreementversion',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='signature',
                    name='version',
                ),
                migrations.RemoveField(
                    model_name='signature',
                    name='person',
                ),
                migrations.DeleteModel(
                    name='Agreement',
                ),
                migrations.DeleteModel(
                    name='AgreementTemplate',
                ),
                migrations.DeleteModel(
                    name='AgreementVersion',
                ),
                migrations.DeleteModel(
                    name='Signature',
                ),
            ],
        ),
    ]

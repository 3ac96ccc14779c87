"""Agreements as their own app: the models made by `arrangements.0002_agreements`, adopted with
their tables (`db_table` keeps the old names), so nothing in the database changes here.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('arrangements', '0003_builtin_agreement_templates'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Agreement',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('country', models.CharField(blank=True, max_length=5, verbose_name='country')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('awaiting_signatures', 'Awaiting signatures'), ('signed', 'Signed, not yet in effect'), ('active', 'Active'), ('suspended', 'Suspended'), ('ended', 'Ended'), ('expired', 'Expired')], default='draft', max_length=20)),
                        ('start_date', models.DateField(verbose_name='start')),
                        ('end_date', models.DateField(blank=True, null=True, verbose_name='end')),
                        ('days_per_week', models.DecimalField(decimal_places=1, default=0, max_digits=2, verbose_name='days a week')),
                        ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends after notice on')),
                        ('ended_by', models.CharField(blank=True, choices=[('employee', 'Employee'), ('employer', 'Employer')], max_length=10)),
                        ('reason', models.TextField(blank=True, max_length=2000, verbose_name='reason')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agreements', to=settings.AUTH_USER_MODEL)),
                        ('request', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='arrangements.request')),
                    ],
                    options={
                        'db_table': 'arrangements_agreement',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='AgreementTemplate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('country', models.CharField(blank=True, max_length=5, verbose_name='country')),
                        ('language', models.CharField(max_length=5, verbose_name='language')),
                        ('number', models.PositiveIntegerField(default=1)),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published')], default='draft', max_length=10)),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('sections', models.JSONField(default=list)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('published_at', models.DateTimeField(blank=True, null=True)),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'arrangements_agreementtemplate',
                        'ordering': ['country', 'language', '-number'],
                    },
                ),
                migrations.CreateModel(
                    name='AgreementVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField()),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('awaiting_signatures', 'Awaiting signatures'), ('signed', 'Signed'), ('superseded', 'Replaced by a later version'), ('cancelled', 'Cancelled')], default='draft', max_length=20)),
                        ('language', models.CharField(max_length=5)),
                        ('terms', models.JSONField(default=dict)),
                        ('change_note', models.TextField(blank=True, max_length=2000, verbose_name='what changes')),
                        ('effective_from', models.DateField(verbose_name='in effect from')),
                        ('text', models.TextField(blank=True)),
                        ('text_sha256', models.CharField(blank=True, db_index=True, max_length=64)),
                        ('pdf', models.BinaryField(blank=True, null=True)),
                        ('pdf_sha256', models.CharField(blank=True, db_index=True, max_length=64)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('signed_at', models.DateTimeField(blank=True, null=True)),
                        ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='agreements.agreement')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('template', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='agreements.agreementtemplate')),
                    ],
                    options={
                        'db_table': 'arrangements_agreementversion',
                        'ordering': ['agreement', '-number'],
                    },
                ),
                migrations.CreateModel(
                    name='Signature',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('party', models.CharField(choices=[('employee', 'Employee'), ('employer', 'Employer')], max_length=10)),
                        ('name', models.CharField(max_length=200)),
                        ('role', models.CharField(max_length=100)),
                        ('signed_at', models.DateTimeField(auto_now_add=True)),
                        ('ip_address', models.GenericIPAddressField(blank=True, null=True)),
                        ('user_agent', models.CharField(blank=True, max_length=400)),
                        ('text_sha256', models.CharField(max_length=64)),
                        ('person', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='signatures', to='agreements.agreementversion')),
                    ],
                    options={
                        'db_table': 'arrangements_signature',
                        'ordering': ['signed_at'],
                    },
                ),
                migrations.AddIndex(
                    model_name='agreement',
                    index=models.Index(fields=['status', 'start_date'], name='arrangement_status_716024_idx'),
                ),
                migrations.AddConstraint(
                    model_name='agreement',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['draft', 'awaiting_signatures', 'signed', 'active', 'suspended'])), fields=('person',), name='one_live_agreement_per_person'),
                ),
                migrations.AddConstraint(
                    model_name='agreementtemplate',
                    constraint=models.UniqueConstraint(fields=('country', 'language', 'number'), name='agreement_template_number'),
                ),
                migrations.AddConstraint(
                    model_name='agreementtemplate',
                    constraint=models.UniqueConstraint(condition=models.Q(('status', 'draft')), fields=('country', 'language'), name='agreement_template_one_draft'),
                ),
                migrations.AddConstraint(
                    model_name='agreementversion',
                    constraint=models.UniqueConstraint(fields=('agreement', 'number'), name='agreement_version_number'),
                ),
                migrations.AddConstraint(
                    model_name='signature',
                    constraint=models.UniqueConstraint(fields=('version', 'party'), name='one_signature_per_party'),
                ),
            ],
        ),
    ]

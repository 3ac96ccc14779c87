"""Runs of the periodic jobs and the workers seen, for the Jobs page, `manage.py jobs` and `/readyz`. The
hourly sweep became a tick every few minutes (`core.schedule.schedule_tick`): a sweep already queued
takes the new name, so the schedule carries on across the upgrade."""

from django.db import migrations, models


def _rename(apps, old: str, new: str) -> None:
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    results.filter(task_path=old, status="READY").update(task_path=new)


def forwards(apps, schema_editor):
    _rename(apps, "distans.core.schedule.hourly_sweep", "distans.core.schedule.schedule_tick")


def backwards(apps, schema_editor):
    _rename(apps, "distans.core.schedule.schedule_tick", "distans.core.schedule.hourly_sweep")


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_queued_tasks_follow_their_move'),
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
    ]

    operations = [
        migrations.CreateModel(
            name='WorkerBeat',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('worker_id', models.CharField(max_length=64, unique=True)),
                ('seen_at', models.DateTimeField(db_index=True)),
            ],
        ),
        migrations.CreateModel(
            name='JobRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('job', models.CharField(max_length=100, verbose_name='job')),
                ('attempt', models.PositiveSmallIntegerField(default=1, verbose_name='attempt')),
                ('started_at', models.DateTimeField(db_index=True, verbose_name='started')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                ('outcome', models.CharField(choices=[('running', 'Running'), ('succeeded', 'Succeeded'), ('failed', 'Failed')], default='running', max_length=10, verbose_name='outcome')),
                ('counts', models.JSONField(blank=True, default=dict, verbose_name='what it did')),
                ('error', models.CharField(blank=True, max_length=500, verbose_name='error')),
            ],
            options={
                'verbose_name': 'job run',
                'verbose_name_plural': 'job runs',
                'ordering': ['-started_at', '-id'],
                'indexes': [models.Index(fields=['job', '-started_at'], name='core_jobrun_job_latest')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('outcome', 'running')), fields=('job',), name='core_jobrun_one_running')],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]

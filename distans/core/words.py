"""Core's own background tasks in words (core.job_labels)."""

from django.utils.translation import gettext_lazy as _

from distans.core.job_labels import JobWords
from distans.core.schedule import job_run_now, schedule_tick


def job_words() -> JobWords:
    return JobWords(
        tasks={
            schedule_tick.module_path: _("Run the periodic jobs whose time has come"),
            job_run_now.module_path: _("Run one job out of turn"),
        }
    )

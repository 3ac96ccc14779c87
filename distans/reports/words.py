"""What the reports' background work is called on the Jobs page."""

from django.utils.translation import gettext_lazy as _

from distans.core.job_labels import JobWords
from distans.reports.kept import refresh


def job_words() -> JobWords:
    return JobWords(tasks={refresh.module_path: _("Bring the reports' figures up to date")})

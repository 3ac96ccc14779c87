"""The organisation's background tasks in words (core.job_labels)."""

from django.utils.translation import gettext_lazy as _

from distans.core.job_labels import JobWords
from distans.org.tasks import invitation_send, roles_changed_notify


def job_words() -> JobWords:
    return JobWords(
        tasks={
            invitation_send.module_path: _("E-mail an invitation to Distans"),
            roles_changed_notify.module_path: _("Tell HR that someone's roles changed"),
        }
    )

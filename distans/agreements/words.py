"""Agreements' periodic job, background tasks and audit entries in words (core.job_labels, core.audit)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from distans.agreements.tasks import agreement_notify
from distans.core.audit import AuditWords
from distans.core.job_labels import JobWords, counted


def job_words() -> JobWords:
    return JobWords(
        jobs={"agreements.apply_due": _("Start and end agreements on their dates")},
        results={
            "agreements.apply_due": {
                "activated": counted(
                    ngettext_lazy("%(count)s agreement started", "%(count)s agreements started", "count")
                ),
                "ended": counted(
                    ngettext_lazy("%(count)s agreement ended", "%(count)s agreements ended", "count")
                ),
                "expired": counted(
                    ngettext_lazy("%(count)s agreement expired", "%(count)s agreements expired", "count")
                ),
            }
        },
        tasks={agreement_notify.module_path: _("E-mail about an agreement")},
    )


def audit_words() -> AuditWords:
    return AuditWords(
        names_read={
            "agreements.agreement": ("person",),
            "agreements.agreementversion": ("agreement__person",),
        }
    )

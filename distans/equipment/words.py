"""Equipment's background tasks and audit entries in words (core.job_labels, core.audit)."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditWords
from distans.core.job_labels import JobWords
from distans.equipment.tasks import loan_notify, request_decided_notify, request_notify, returns_notify


def job_words() -> JobWords:
    return JobWords(
        tasks={
            loan_notify.module_path: _("E-mail about lent equipment"),
            returns_notify.module_path: _("E-mail asking for equipment back"),
            request_notify.module_path: _("E-mail about an equipment request"),
            request_decided_notify.module_path: _("E-mail about a decided equipment request"),
        }
    )


def audit_words() -> AuditWords:
    return AuditWords(
        references={"item": ("equipment.itemtype", "key")},  # the kind of equipment, by its key
        names_read={"equipment.loan": ("item_type",), "equipment.equipmentrequest": ("person", "item_type")},
    )

"""Privacy's daily job and audit entries in words (core.job_labels, core.audit): the retention run's
counts and HR's retention rules by record type and country, a legal hold's reason."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditWords
from distans.core.job_labels import JobWords, removed
from distans.privacy.models import LegalHold
from distans.privacy.retention import RECORD_TYPES

# What retention_daily answers the schedule with, by record type.
RESULT_PREFIX = "retention."


def job_words() -> JobWords:
    return JobWords(
        jobs={"privacy.retention": _("Delete or anonymise what is past its retention period")},
        results={
            "privacy.retention": {RESULT_PREFIX + kind.key: removed(kind.label) for kind in RECORD_TYPES}
        },
    )


def audit_words() -> AuditWords:
    kinds = {kind.key: kind.label for kind in RECORD_TYPES}
    return AuditWords(
        labels={
            **kinds,  # the retention run's counts
            "reason": LegalHold._meta.get_field("reason").verbose_name,
            "format": _("file format"),
            "former_employee": _("Former employee"),
        },
        choices={
            "record_type": kinds,
            "country": {"*": _("other countries")},  # a rule for every country outside the Nordics
            "format": {"json": _("JSON file"), "pdf": _("PDF file")},
        },
        references={"former_employee": ("privacy.formeremployee", "pk")},
        names_read={"privacy.accessrequest": ("person",), "privacy.legalhold": ("person",)},
    )

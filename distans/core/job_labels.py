"""The periodic jobs by name, and what a run did in words, in the reader's language (the Jobs page,
`manage.py jobs`, the admin). Each app registers its jobs by key (`core.schedule`); their words are kept
here by that key, so that core names them without importing the apps. A key without words (a job added
later) is shown as it is, never hidden.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

NAMES = {
    "agreements.apply_due": _("Start and end agreements on their dates"),
    "followup.sweep": _("Book evaluations and send pulse surveys"),
    "privacy.retention": _("Delete or anonymise what is past its retention period"),
}

# What one count of a run means, by job and by the key the job answers with.
RESULTS = {
    "agreements.apply_due": {
        "activated": ngettext_lazy("%(count)s agreement started", "%(count)s agreements started", "count"),
        "ended": ngettext_lazy("%(count)s agreement ended", "%(count)s agreements ended", "count"),
        "expired": ngettext_lazy("%(count)s agreement expired", "%(count)s agreements expired", "count"),
    },
    "followup.sweep": {
        "evaluations": ngettext_lazy("%(count)s evaluation booked", "%(count)s evaluations booked", "count"),
        "pulses": ngettext_lazy("%(count)s pulse survey sent", "%(count)s pulse surveys sent", "count"),
    },
}

# The retention run's record types (`privacy.retention`), for its job's result and its audit entry.
RETENTION_RECORDS = {
    "agreements": _("Agreements and evaluations"),
    "signature_details": _("Signature details"),
    "checklists": _("Checklists"),
    "deviations": _("Deviations"),
    "day_changes": _("Day changes"),
    "work_patterns": _("Replaced usual weeks"),
    "pulse": _("Pulse answers"),
    "audit": _("Audit log entries"),
    "sessions_tokens": _("API tokens and sign-ins"),
    "leavers": _("Leavers' profiles"),
}
RETENTION_PREFIX = "retention."
REMOVED = ngettext_lazy("%(what)s: %(count)s removed", "%(what)s: %(count)s removed", "count")


def job_name(key: str) -> str:
    return str(NAMES.get(key, key))


def job_result(key: str, counts: dict[str, int]) -> str:
    """What a run did, as a sentence of its non-zero counts ("2 agreements started, 1 agreement ended");
    a run that found nothing to do says so."""
    phrases = []
    for name, count in counts.items():
        if not count:
            continue
        phrase = RESULTS.get(key, {}).get(name)
        if phrase is not None:
            phrases.append(phrase % {"count": count})
        elif name.startswith(RETENTION_PREFIX) and name[len(RETENTION_PREFIX) :] in RETENTION_RECORDS:
            what = RETENTION_RECORDS[name[len(RETENTION_PREFIX) :]]
            phrases.append(REMOVED % {"what": what, "count": count})
        else:
            phrases.append(f"{name}: {count}")
    return ", ".join(phrases) if phrases else str(_("Nothing was due"))

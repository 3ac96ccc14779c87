"""Background work for core: telling HR when someone's roles change.

The task takes the audit entry's id: the entry already holds who changed what, as written at the time.
"""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from distans.core.mail import send_to_person, site_link
from distans.core.models import AuditEntry
from distans.org.models import Role


def _labels(values) -> list:
    """Role labels, translated when the e-mail is written in each recipient's language."""
    return [Role(value).label if value in Role.values else value for value in values]


@task()
def roles_changed_notify(entry_id: int) -> int:
    entry = AuditEntry.objects.filter(pk=entry_id, action="person.roles").first()
    if entry is None:
        return 0
    before, after = entry.changes["roles"]
    hr = Group.objects.get(name=Role.HR.value).user_set.filter(is_active=True)
    for person in hr:
        send_to_person(person, subject=lambda: _("Roles changed in Distans: %(name)s") % {
            "name": entry.object_repr}, template="core/email/roles_changed.txt", context={
            "entry": entry, "before": _labels(before), "after": _labels(after),
            "url": site_link(reverse("org:person", args=[entry.object_id]))})
    return len(hr)

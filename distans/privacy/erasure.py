"""A leaver past their period becomes "former employee #n": the name, contact details and anything
only they needed go; what the organisation must still keep (agreements with their signed PDFs,
deviations, checklists) stays under their own periods, pointing at the anonymised person, so counts
and reports still add up."""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Coalesce, Replace
from django.utils import translation
from django.utils.translation import gettext

from distans.arrangements.models import Request
from distans.checklists.models import Assignment, Kind
from distans.core.audit import audit_record
from distans.core.models import AuditEntry
from distans.equipment.models import EquipmentRequest
from distans.org.models import Person
from distans.org.queries import with_left_at
from distans.planning.models import DayChange, FeedToken, PlanPreference, WorkPattern
from distans.privacy.audit_actions import PrivacyAudit
from distans.privacy.models import FormerEmployee
from distans.scim.forget import provisioning_forget


def leavers_left_before(moment: datetime.datetime) -> models.QuerySet:
    """Inactive people not yet anonymised who left before `moment` (the last deactivation in the audit
    log; where that is gone, the last change to the person, which is never earlier)."""
    leavers = Person.objects.filter(is_active=False).exclude(pk__in=FormerEmployee.objects.values("person"))
    return (
        with_left_at(leavers)
        .alias(left_or_changed=Coalesce("left_at", "updated_at"))
        .filter(left_or_changed__lt=moment)
    )


def former_name(number: int) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Former employee #%(number)s") % {"number": number}


@transaction.atomic
def anonymise(person: Person) -> FormerEmployee:
    former = FormerEmployee.objects.create(person=person)
    name, old_name = former_name(former.pk), person.full_name
    person.first_name, person.last_name = name, ""
    person.email = f"former-{former.pk}@anonymised.invalid"
    person.employee_number = None
    person.phone = ""
    person.manager = None
    person.employment_start = None
    person.commute_distance_km = None
    person.commute_mode = ""
    person.is_active = False
    person.set_unusable_password()
    person.index_for_search()
    person.save()
    person.groups.clear()
    provisioning_forget(person=person)  # what the identity provider wrote about her goes with her name
    # What only the person needed goes now; the rest waits for its own period.
    for mine in (
        person.api_tokens.all(),
        FeedToken.objects.filter(person=person),
        PlanPreference.objects.filter(person=person),
        WorkPattern.objects.filter(person=person),
        DayChange.objects.filter(person=person),
        EquipmentRequest.objects.filter(person=person),
        Assignment.objects.filter(person=person, version__template__kind=Kind.PULSE),
    ):
        mine.delete()
    Request.objects.filter(person=person).update(motivation="")
    # The log keeps what happened, no longer who: by the person, and about them.
    entries = AuditEntry._base_manager
    entries.filter(actor=person).update(actor_name=name, actor_number="", ip_address=None)
    entries.filter(object_type=Person._meta.label_lower, object_id=str(person.pk)).update(object_repr=name)
    if old_name:  # entries about their agreements, checklists and the like name them too
        entries.filter(object_repr__contains=old_name).update(
            object_repr=Replace("object_repr", models.Value(old_name), models.Value(name))
        )
    audit_record(
        actor=None, action=PrivacyAudit.ANONYMISE, obj=person, changes={"former_employee": former.pk}
    )
    return former

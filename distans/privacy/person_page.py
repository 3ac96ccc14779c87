"""Privacy on a person's page, for HR and administrators (subscribed to `org.hooks.person_page_sections`):
the legal holds on her, and placing one or recording an access request for her without searching for
her again (the forms post to the privacy pages' own views)."""

from django.utils import timezone

from distans.core.hooks import Section
from distans.org.person_picker import label
from distans.privacy.forms import AccessRequestForm, HoldForm
from distans.privacy.models import LegalHold
from distans.privacy.permissions import can_manage_privacy


def person_section(*, user, person) -> Section | None:
    if not can_manage_privacy(user):
        return None
    return Section(
        "privacy/_person_section.html",
        {
            "person": person,
            "label": label(person),
            "holds": LegalHold.objects.filter(person=person, lifted_at__isnull=True).select_related(
                "placed_by"
            ),
            "hold_form": HoldForm(user=user, prefix="hold"),
            "access_form": AccessRequestForm(
                user=user, prefix="access", initial={"received_on": timezone.localdate()}
            ),
        },
    )

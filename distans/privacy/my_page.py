from django.urls import reverse
from django.utils.translation import gettext as _

from distans.core.home import AttentionItem
from distans.core.hooks import Section
from distans.privacy.models import AccessRequest
from distans.privacy.permissions import can_manage_privacy


def your_data_section(user) -> Section:
    """My page's card: download what Distans holds about you, and read how it is handled."""
    return Section("privacy/my_page/your_data.html", card=True)


def attention_for(user) -> list[AttentionItem]:
    """HR's open access requests, each due by its deadline (extended or not)."""
    if not can_manage_privacy(user):
        return []
    waiting = AccessRequest.objects.filter(delivered_at__isnull=True).select_related("person")[:20]
    return [
        {
            "text": _("Answer the access request from %(name)s") % {"name": access.person.full_name},
            "url": reverse("privacy:access_request", args=[access.pk]),
            "due": access.due,
        }
        for access in waiting
    ]

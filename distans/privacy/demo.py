"""The demo's privacy: the notice published, and one access request waiting for HR, from the demo
employee, received ten days ago (its deadline in three weeks)."""

import datetime

from django.utils import timezone

from distans.org.demo import demo_logins
from distans.org.models import Person
from distans.privacy import services
from distans.privacy.models import NoticeVersion


def privacy_demo() -> bool:
    if NoticeVersion.objects.exists():
        return False
    logins = {login.role: Person.objects.get(email=login.email) for login in demo_logins()}
    hr = logins["hr"]
    services.notice_publish(actor=hr)
    services.access_request_create(
        actor=hr,
        person=logins["employee"],
        received_on=timezone.localdate() - datetime.timedelta(days=10),
        note="E-post till HR",  # Elin, HR in Stockholm, writes her notes in Swedish
    )
    return True

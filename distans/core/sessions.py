"""Ending a person's browser sessions (the database session backend, see SESSION_ENGINE)."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def sessions_end(person) -> int:
    """Delete every live session signed in as the person, so none can come back if they return.

    Sessions are not indexed by person, so each live one is decoded; this runs only when someone leaves.
    """
    live = Session.objects.filter(expire_date__gt=timezone.now())
    theirs = [
        session.pk
        for session in live.iterator(chunk_size=1000)
        if session.get_decoded().get(SESSION_KEY) == str(person.pk)
    ]
    Session.objects.filter(pk__in=theirs).delete()
    return len(theirs)

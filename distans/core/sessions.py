"""Browser sessions, in the database (SESSION_ENGINE): read with SQL written once, and ended for a person
who leaves."""

import functools

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    """Django's database sessions. Every signed-in request reads its session, and compiling that one
    query through the ORM cost more than running it, so it is read with SQL written once; everything
    else (saving, signing out, expiry) is Django's own."""

    def load(self):
        connection = connections[router.db_for_read(self.model)]
        with connection.cursor() as cursor:
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            cursor.execute(_load_sql(connection.alias), [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])


@functools.cache
def _load_sql(alias: str) -> str:
    """The session's data if it has not expired (the query Django's backend asks through the ORM)."""
    table, q = Session._meta.db_table, connections[alias].ops.quote_name
    return (
        f"SELECT {q('session_data')} FROM {q(table)}"
        f" WHERE {q('session_key')} = %s AND {q('expire_date')} > %s"
    )


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

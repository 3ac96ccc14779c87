"""Access to people and the organisation.

Everyone signed in sees the directory card of every colleague (name, unit, site, position,
contact); the full record only for themself, their reports at any depth, HR and admins.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.core.permissions import is_admin, is_hr
from distans.core.rows import row_by_pk
from distans.org.models import Person, Unit


def subordinate_ids_sql(manager_id: int) -> RawSQL:
    """Ids of everyone below a manager, at any depth, in one recursive query.

    UNION (not UNION ALL) stops the walk even if bad data ever formed a loop.
    """
    table = Person._meta.db_table
    return RawSQL(
        f"WITH RECURSIVE below(id) AS ("
        f" SELECT id FROM {table} WHERE manager_id = %s"
        f" UNION SELECT p.id FROM {table} p JOIN below b ON p.manager_id = b.id"
        f") SELECT id FROM below",
        (manager_id,),
    )


def own_or_reports(queryset, user, field: str = "person_id"):
    """Rows about the user herself or anyone below her in the line, at any depth."""
    return queryset.filter(Q(**{field: user.pk}) | Q(**{f"{field}__in": subordinate_ids_sql(user.pk)}))


def can_view_person_details(user, person: Person) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if person.pk == user.pk or is_hr(user) or is_admin(user):
        return True
    return manages(user, person)


def manages(manager, person: Person) -> bool:
    """True when `manager` is above `person` in the line, at any depth."""
    return Person.objects.filter(pk=person.pk, pk__in=subordinate_ids_sql(manager.pk)).exists()


def can_change_person(user, person: Person) -> bool:
    return is_admin(user)


def can_list_leavers(user) -> bool:
    """HR and administrators may look for people who have left in the people list; everyone else sees
    only current colleagues there (a manager still reaches a leaver of her line by a link)."""
    return is_hr(user) or is_admin(user)


def can_import_org(user) -> bool:
    return is_admin(user)


def can_invite_people(user) -> bool:
    """HR and administrators invite people to choose their first password."""
    return is_hr(user) or is_admin(user)


def get_person_for_user(user, pk: int, *, for_write: bool = False) -> Person:
    """A person's directory card is open to every signed-in colleague; leavers only to those
    who may see their full record (404 for anyone else). With `for_write`, 403 unless she may change
    the person's record."""
    person = get_object_or_404(Person.objects.select_related("unit", "site", "position", "manager"), pk=pk)
    if not person.is_active and not can_view_person_details(user, person):
        raise Http404
    if for_write and not can_change_person(user, person):
        raise PermissionDenied
    return person


def get_unit_for_user(user, pk: int) -> Unit:
    """Units are part of the directory: every signed-in person may see them. The unit's own row only (its
    parent and manager load when asked for): the team week asks for it on every request."""
    unit = row_by_pk(Unit, pk)
    if unit is None:
        raise Http404
    return unit

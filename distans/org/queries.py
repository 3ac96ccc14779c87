"""Reads of the organisation for pages and the API, each in a fixed number of queries."""

import datetime

from django.db.models import CharField, Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils.translation import ngettext

from distans.core import permissions
from distans.core.hooks import Section
from distans.core.models import AuditEntry
from distans.org.audit_actions import OrgAudit
from distans.org.hooks import managed_elsewhere
from distans.org.models import Person, Site, Unit
from distans.org.rules import search_terms


def directory(
    *, query: str = "", unit_id: int | None = None, site_id: int | None = None, left: bool = False
) -> QuerySet[Person]:
    """Active colleagues (or, with `left`, people who have left, with when) matching every word of the
    query, with what a directory card shows."""
    people = Person.objects.filter(is_active=not left).select_related("unit", "site", "position")
    if left:
        people = with_left_at(people)
    for term in search_terms(query):
        people = people.filter(search_text__contains=term)
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if site_id:
        people = people.filter(site_id=site_id)
    return people.order_by("last_name", "first_name", "pk")


def _deactivations(object_id) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        action=OrgAudit.PERSON_DEACTIVATE, object_type=Person._meta.label_lower, object_id=object_id
    ).order_by("-at")


def with_left_at(people: QuerySet[Person]) -> QuerySet[Person]:
    """`left_at`: when each person was last deactivated, by the audit log (None once that entry is gone)."""
    left = _deactivations(Cast(OuterRef("pk"), CharField()))
    return people.annotate(left_at=Subquery(left.values("at")[:1]))


def left_at(person: Person) -> datetime.datetime | None:
    """When a person who has left was last deactivated, as `with_left_at` tells it for one person."""
    return _deactivations(str(person.pk)).values_list("at", flat=True).first()


def units_with_counts() -> QuerySet[Unit]:
    return (
        Unit.objects.select_related("manager", "parent")
        .annotate(member_count=Count("members", filter=Q(members__is_active=True)))
        .order_by("name")
    )


def unit_tree() -> list[tuple[Unit, int]]:
    """Every unit with its depth, parents before children, siblings by name."""
    units = list(units_with_counts())
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered: list[tuple[Unit, int]] = []
    stack = [(unit, 0) for unit in reversed(children.get(None, []))]
    while stack:
        unit, depth = stack.pop()
        ordered.append((unit, depth))
        stack += [(child, depth + 1) for child in reversed(children.get(unit.pk, []))]
    return ordered


def unit_path(unit: Unit) -> list[Unit]:
    """The unit's ancestors from the top, for breadcrumbs (one query per level; trees are shallow)."""
    path: list[Unit] = []
    seen = {unit.pk}
    parent = unit.parent
    while parent is not None and parent.pk not in seen:
        path.insert(0, parent)
        seen.add(parent.pk)
        parent = parent.parent
    return path


def sites_with_counts() -> QuerySet[Site]:
    return Site.objects.annotate(people_count=Count("people", filter=Q(people__is_active=True))).order_by(
        "name"
    )


def reports_of(person: Person) -> QuerySet[Person]:
    return person.reports.filter(is_active=True).select_related("unit", "site", "position")


def you_section(user) -> Section:
    """My page's card about the person: unit, manager, position, site, time zone."""
    return Section("org/my_page/you.html", card=True)


def team_section(user) -> Section | None:
    """My page's list of a manager's direct reports."""
    if not permissions.is_manager(user):
        return None
    return Section("org/my_page/team.html", {"reports": reports_of(user)})


def attention_for(user) -> list[dict]:
    """What needs the signed-in person's attention on My page; later apps add their own items."""
    items = []
    if permissions.is_manager(user):
        without_position = user.reports.filter(is_active=True, position__isnull=True).count()
        if without_position:
            items.append(
                {
                    "text": ngettext(
                        "%(count)s of your reports has no position. The position decides whether "
                        "remote work is possible; ask HR to add it.",
                        "%(count)s of your reports have no position. The position decides whether "
                        "remote work is possible; ask HR to add it.",
                        without_position,
                    )
                    % {"count": without_position},
                    "url": None,
                }
            )
    if permissions.is_admin(user) or permissions.is_hr(user):
        active = Person.objects.filter(is_active=True)
        counts = active.aggregate(
            no_manager=Count("pk", filter=Q(manager__isnull=True)),
            no_unit=Count("pk", filter=Q(unit__isnull=True)),
        )
        # The person at the top of the tree has no manager: that is expected.
        if counts["no_manager"] > 1:
            items.append(
                {
                    "text": ngettext(
                        "%(count)s active person has no line manager.",
                        "%(count)s active people have no line manager.",
                        counts["no_manager"],
                    )
                    % {"count": counts["no_manager"]},
                    "url": None,
                }
            )
        if counts["no_unit"]:
            items.append(
                {
                    "text": ngettext(
                        "%(count)s active person belongs to no unit.",
                        "%(count)s active people belong to no unit.",
                        counts["no_unit"],
                    )
                    % {"count": counts["no_unit"]},
                    "url": None,
                }
            )
    return items


def managed_by(person: Person) -> str:
    """The system that keeps this person up to date (an identity provider, through SCIM), or ""."""
    for answer in managed_elsewhere.collect(people=Person.objects.filter(pk=person.pk)):
        if person.pk in answer:
            return answer[person.pk]
    return ""

"""The roles a person holds through a group of the same name. Every app authorises with them, so they
live at the bottom of the house; `org` gives them to people."""

import functools
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _


def _approver_title() -> str:
    """The organisation's own name for the role (setting `HR_APPROVER_TITLE`), else Distans's."""
    return settings.HR_APPROVER_TITLE.get(get_language() or "", "") or gettext("HR approver")


# Lazy, like every label: read in the language of the page or e-mail that shows it.
APPROVER_TITLE = lazy(_approver_title, str)()


class Role(models.TextChoices):
    """Roles held through groups. "Manager" is not a group: anyone with reports is one."""

    HR = "hr", _("HR")
    HR_APPROVER = "hr_approver", APPROVER_TITLE
    ADMIN = "admin", _("Administrator")


def roles_and_manages(person_id: int) -> tuple[set[str], bool]:
    """The names of the person's groups and whether anyone active reports to her, in one query. Every
    request asks (the two-factor step, the menu), so its SQL is written once rather than compiled by
    the ORM each time, which cost ten times running it."""
    with connection.cursor() as cursor:
        cursor.execute(_roles_sql(connection.vendor), [person_id, person_id])
        rows = cursor.fetchall()
    return {name for name, _manages in rows if name}, any(manages for _name, manages in rows)


@functools.cache
def _roles_sql(vendor: str) -> str:
    """One row per group (or one row without a group), each saying whether she manages anyone."""
    people = get_user_model()._meta
    groups: Any = people.get_field("groups")
    q = connection.ops.quote_name
    manager, active = q(people.get_field("manager").column), q(people.get_field("is_active").column)
    through, person_id, group_id = (
        q(groups.remote_field.through._meta.db_table),
        q(groups.m2m_column_name()),
        q(groups.m2m_reverse_name()),
    )
    return (
        f"SELECT g.{q('name')}, EXISTS (SELECT 1 FROM {q(people.db_table)} r"
        f" WHERE r.{manager} = %s AND r.{active})"
        f" FROM (SELECT 1 AS one) me"
        f" LEFT JOIN {through} pg ON pg.{person_id} = %s"
        f" LEFT JOIN {q(groups.related_model._meta.db_table)} g ON g.{q('id')} = pg.{group_id}"
    )

"""The roles a person holds through a group of the same name. Every app authorises with them, so they
live at the bottom of the house; `org` gives them to people."""

import functools
import json
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models.expressions import RawSQL
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
    """The names of the person's groups and whether anyone active reports to her, in one query (none
    such: no roles). The signed-in person's are read with her row (`identity.backends`); this asks for
    anyone else, or again."""
    people = get_user_model()._meta
    q = connection.ops.quote_name
    roles, manages = (column.sql for _name, column in roles_columns(connection.vendor))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ({roles}), ({manages}) FROM {q(people.db_table)} WHERE {q(people.pk.column)} = %s",
            [person_id],
        )
        row = cursor.fetchone()
    return (set(), False) if row is None else roles_from_columns(row[0], row[1])


def roles_from_columns(names: str | None, manages: object) -> tuple[set[str], bool]:
    """`roles_columns`' values as `roles_and_manages` returns them."""
    return set(json.loads(names or "[]")), bool(manages)


@functools.cache
def roles_columns(vendor: str) -> tuple[tuple[str, RawSQL], ...]:
    """Two columns of a query of people, by name: her groups' names as a JSON list, and whether anyone
    active reports to her. Every request asks both (the menu, the two-factor step), so they are read in
    the same query as the signed-in person (`core.rows.row_by_pk`)."""
    people = get_user_model()._meta
    groups: Any = people.get_field("groups")
    q = connection.ops.quote_name
    me = f"{q(people.db_table)}.{q(people.pk.column)}"
    manager, active = q(people.get_field("manager").column), q(people.get_field("is_active").column)
    through, person_id, group_id = (
        q(groups.remote_field.through._meta.db_table),
        q(groups.m2m_column_name()),
        q(groups.m2m_reverse_name()),
    )
    names = "json_group_array(g.{name})" if vendor == "sqlite" else "COALESCE(json_agg(g.{name}), '[]')::text"
    return (
        (
            "role_names",
            RawSQL(
                f"SELECT {names.format(name=q('name'))} FROM {through} pg"
                f" JOIN {q(groups.related_model._meta.db_table)} g ON g.{q('id')} = pg.{group_id}"
                f" WHERE pg.{person_id} = {me}",
                (),
                output_field=models.TextField(),
            ),
        ),
        (
            "manages_anyone",
            RawSQL(
                f"EXISTS (SELECT 1 FROM {q(people.db_table)} r WHERE r.{manager} = {me} AND r.{active})",
                (),
                output_field=models.BooleanField(),
            ),
        ),
    )

"""Who may do what. Every view and API endpoint asks these functions; templates read their answers.

Roles: HR, HR approver and admin are groups (see `Role`); a manager is anyone with reports, and
sees her reports transitively. Each app's object helpers, `get_<thing>_for_user(user, pk, *,
for_write=False)` in its `permissions.py`, answer 404 when the user may not know the object exists and,
with `for_write`, 403 when she may see it but not change it. Every capability a page shows or the API
checks is a named `can_*` function there, asked by both.
"""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils.translation import gettext_lazy as _

from distans.core.roles import Role, roles_and_manages, roles_columns, roles_from_columns
from distans.core.rows import row_by_pk


def person_with_roles(model, pk):
    """The person with this key, or None, with her roles read in the same query: every page asks for them
    (the menu, the two-factor step), and a query of its own cost a fifth of a small page."""
    person = row_by_pk(model, pk, roles_columns(connection.vendor))
    if person is not None:
        person._role_cache, person._is_manager = roles_from_columns(person.role_names, person.manages_anyone)
    return person


def _load_roles(user) -> set[str]:
    """The user's groups and whether she manages anyone, in one query per request (every page's menu asks
    both): read fresh each request, so a role taken away counts from the next page on."""
    user._role_cache, user._is_manager = roles_and_manages(user.pk)
    return user._role_cache


def group_names(user) -> set[str]:
    """The names of the user's groups (roles, and any group the organisation adds, such as a reception),
    loaded with `is_manager` once per request: ask here rather than query the groups again."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cache = getattr(user, "_role_cache", None)
    return _load_roles(user) if cache is None else cache


def has_role(user, role: Role) -> bool:
    return role.value in group_names(user)


def is_hr(user) -> bool:
    return has_role(user, Role.HR)


def is_admin(user) -> bool:
    return has_role(user, Role.ADMIN) or bool(getattr(user, "is_superuser", False))


def is_manager(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "_is_manager", None) is None:
        _load_roles(user)
    return user._is_manager


ROLE_LABELS = {
    "employee": _("Employee"),
    "manager": _("Manager"),
    **{role.value: role.label for role in Role},
}


def roles_of(user) -> list[str]:
    """The user's roles, for the navigation and the profile page."""
    roles = ["employee"] if getattr(user, "is_authenticated", False) else []
    if is_manager(user):
        roles.append("manager")
    roles += [role.value for role in Role if has_role(user, role)]
    return roles


def can_view_audit_log(user) -> bool:
    return is_hr(user) or is_admin(user)


def can_use_admin_site(user) -> bool:
    return getattr(user, "is_active", False) and is_admin(user)


def require(allowed: bool) -> None:
    """Raise 403 unless allowed: for actions on objects the user may already see."""
    if not allowed:
        raise PermissionDenied

"""The main menu, by role. Core owns the menu but names none of the apps above it: each app registers,
in its `AppConfig.ready`, its items (a group, an order, a label, a URL name and who sees it, from its
own permissions) and the pages that have no item of their own:

    menu.register(MenuItem(Group.ME, 20, _("My week"), "<app>:my_week", exact=True))
    menu.register(MenuItem(Group.TEAM, 30, _("Problems ahead"), "<app>:problems", visible=is_manager))
    menu.place_under({"<app>:planner": "<app>:my_team"})

A person sees the groups that have an item for her, each item once: where an item belongs to one
group for one role and to another for another (To decide: My team for a manager, HR for an HR
approver who manages no one), the predicates say so and a test checks that no page appears twice.

Who sees an item depends on her roles alone (`Roles`): the menu is drawn once for everyone with the same
roles and language (core.context_processors), not on every page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from distans.core.permissions import group_names, is_manager


class Group(models.TextChoices):
    """The menu's groups, in the order they appear."""

    ME = "me", _("My work")
    TEAM = "team", _("My team")
    HR = "hr", _("HR")
    HR_SETUP = "hr_setup", _("Policy and templates")
    REPORTS = "reports", _("Reports")
    ORGANISATION = "organisation", _("Organisation")
    ADMIN = "admin", _("Administration")


def everyone(user: Any) -> bool:
    return True


@dataclass(frozen=True)
class MenuItem:
    group: Group
    order: int  # within its group, smallest first
    label: str | Promise  # gettext_lazy: translated when the page is drawn
    url_name: str
    visible: Callable[[Any], bool] = everyone  # from the registering app's permissions
    # An item at its app's root, whose address starts every other page of the app: marked on itself only.
    exact: bool = False


class Roles:
    """What an item's `visible` may read of a person: her groups, whether she manages anyone, and whether
    her account is a superuser's and active. Anything else is missing here, so a predicate that read it
    (and so could differ between two people with the same roles) fails rather than show one person's
    menu to another."""

    __slots__ = ("_role_cache", "_is_manager", "is_superuser", "is_active")
    is_authenticated = True

    def __init__(self, user: Any) -> None:
        self._role_cache = frozenset(group_names(user))
        self._is_manager = is_manager(user)
        self.is_superuser, self.is_active = bool(user.is_superuser), bool(user.is_active)

    @property
    def key(self) -> tuple:
        return (self._role_cache, self._is_manager, self.is_superuser, self.is_active)


class Menu:
    def __init__(self) -> None:
        self._items: dict[tuple[str, str], MenuItem] = {}
        self._sections: dict[str, str] = {}
        self.version = 0  # changes with every registration: menus drawn before are out of date

    def register(self, *items: MenuItem) -> None:
        """Add items; the same group and URL name again replaces the item, so `ready()` may run twice."""
        for item in items:
            self._items[(item.group, item.url_name)] = item
        self.version += 1

    def unregister(self, group: Group, url_name: str) -> None:
        self._items.pop((group, url_name), None)
        self.version += 1

    def place_under(self, sections: dict[str, str]) -> None:
        """Pages with no item of their own (by URL name), and the item (its URL name) they belong under."""
        self._sections.update(sections)
        self.version += 1

    def section_of(self, url_name: str) -> str:
        return self._sections.get(url_name, url_name)

    def for_user(self, user: Any) -> list[tuple[Group, list[MenuItem]]]:
        """The groups with something for `user`, in order, each with its items in order."""
        groups = []
        for group in Group:
            items = sorted(
                (item for item in self._items.values() if item.group == group and item.visible(user)),
                key=lambda item: item.order,
            )
            if items:
                groups.append((group, items))
        return groups


menu = Menu()

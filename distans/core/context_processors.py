from django.conf import settings
from django.core.signals import setting_changed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from distans.core.menu import Roles, menu

# The menu per role set (its links), and drawn per role set, language and marked item: a handful of each
# (core.menu.Roles), dropped when a setting or the registered items change.
_links: dict[tuple, list] = {}
_drawn: dict[tuple, str] = {}


def _forget(**kwargs) -> None:
    _links.clear()
    _drawn.clear()


setting_changed.connect(_forget, dispatch_uid="core.navigation.forget")


def belongs_under(request, url_name: str) -> None:
    """Mark the menu item `url_name` for this page (a planner run of an office, not of a team)."""
    request.nav_section = url_name


def _active(request, links) -> str | None:
    """The one menu item (its URL name) this page belongs under: the page's own, the one it is
    declared under, or else the longest link the address starts with (a request under Requests)."""
    match = request.resolver_match
    name = getattr(request, "nav_section", None) or (menu.section_of(match.view_name) if match else None)
    if any(name == item.url_name for item, _url in links):
        return name
    path = request.path
    prefixes = [
        (url, item.url_name) for item, url in links if not item.exact and url != "/" and path.startswith(url)
    ]
    return max(prefixes, key=lambda prefix: len(prefix[0]), default=(None, None))[1]


class Navigation:
    """The menu of the signed-in person's roles, in groups (core.menu: each app registers its own items),
    drawn only when a page shows it (a fragment never asks); links only, access is checked by each view.
    True when she has a menu; as text, its HTML."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def _roles(self) -> tuple:
        return (menu.version, Roles(self.request.user).key)

    @cached_property
    def _groups(self) -> list:
        if self._roles not in _links:
            _links[self._roles] = [
                (group, [(item, reverse(item.url_name)) for item in items])
                for group, items in menu.for_user(Roles(self.request.user))
            ]
        return _links[self._roles]

    def __bool__(self) -> bool:
        return bool(self._groups)

    def __str__(self) -> str:
        groups = self._groups
        active = _active(self.request, [link for _group, links in groups for link in links])
        key = (*self._roles, get_language(), active)
        drawn = _drawn.get(key)
        if drawn is None:
            drawn = render_to_string("_menu.html", {"nav_groups": _marked(groups, active)})
            if not settings.DEBUG:  # templates change while the development server runs
                _drawn[key] = drawn
        return mark_safe(drawn)  # noqa: S308  (drawn by the template language, escaped there)

    __html__ = __str__


def _marked(groups, active: str | None) -> list[dict]:
    nav = []
    for group, links in groups:
        items = [{"label": item.label, "url": url, "active": item.url_name == active} for item, url in links]
        nav.append(
            {
                "key": group.value,
                "label": group.label,
                "items": items,
                "current": any(i["active"] for i in items),
            }
        )
    return nav


def navigation(request):
    user = request.user
    languages = tuple(settings.LANGUAGES)  # a key of the layout's kept language buttons (core.chrome)
    return {"nav_groups": Navigation(request) if user.is_authenticated else [], "languages": languages}

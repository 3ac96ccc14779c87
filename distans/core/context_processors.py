from django.conf import settings
from django.urls import reverse

from distans.core.menu import menu


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


def navigation(request):
    """The menu for the signed-in person's roles, in groups (core.menu: each app registers its own
    items); links only, access is checked by each view."""
    user = request.user
    if not user.is_authenticated:
        return {"nav_groups": [], "languages": settings.LANGUAGES}
    groups = [
        (group, [(item, reverse(item.url_name)) for item in items]) for group, items in menu.for_user(user)
    ]
    active = _active(request, [link for _group, links in groups for link in links])
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
    return {"nav_groups": nav, "languages": settings.LANGUAGES}

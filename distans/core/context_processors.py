from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from distans.core import permissions
from distans.core.roles import Role

# Pages with no menu item of their own, by URL name, and the item they belong under. A view whose
# section depends on the object it shows says so with `belongs_under`.
SECTIONS = {
    "planning:planner": "planning:my_team",
    "planning:planner_run": "planning:my_team",
    "planning:site": "org:site_list",
    "planning:site_planner": "org:site_list",
}
# Items at an app's root, which other pages of that app share as a prefix: marked on themselves only.
EXACT = {"planning:my_week"}


def belongs_under(request, url_name: str) -> None:
    """Mark the menu item `url_name` for this page (a planner run of an office, not of a team)."""
    request.nav_section = url_name


def _active(request, items) -> str | None:
    """The one menu item (its URL name) this page belongs under: the page's own, the one it is
    declared under, or else the longest link the address starts with (a request under Requests)."""
    match = request.resolver_match
    name = getattr(request, "nav_section", None) or (
        SECTIONS.get(match.view_name, match.view_name) if match else None
    )
    if any(name == item_name for _label, item_name, _url in items):
        return name
    path = request.path
    prefixes = [
        (url, item_name)
        for _label, item_name, url in items
        if item_name not in EXACT and url != "/" and path.startswith(url)
    ]
    return max(prefixes, key=lambda prefix: len(prefix[0]), default=(None, None))[1]


def navigation(request):
    """The menu for the signed-in person's roles; links only, access is checked by each view."""
    user = request.user
    if not user.is_authenticated:
        return {"nav_items": [], "languages": settings.LANGUAGES}
    items = [
        (_("My page"), "core:my_page"),
        (_("People"), "org:directory"),
        (_("Units"), "org:unit_list"),
        (_("Sites"), "org:site_list"),
        (_("My week"), "planning:my_week"),
        (_("Team week"), "planning:my_team"),
        (_("Requests"), "arrangements:mine"),
        (_("Agreements"), "agreements:list"),
        (_("Checklists"), "checklists:mine"),
        (_("Follow-up"), "followup:overview"),
        (_("Equipment"), "equipment:mine"),
        (_("Policy"), "policy:page"),
    ]
    hr_or_approver = permissions.is_hr(user) or permissions.has_role(user, Role.HR_APPROVER)
    if permissions.is_manager(user) or hr_or_approver:
        items.append((_("Problems ahead"), "planning:problems"))
    if permissions.is_manager(user) or permissions.has_role(user, Role.HR_APPROVER):
        items.append((_("To decide"), "arrangements:to_decide"))
    if permissions.is_hr(user) or permissions.has_role(user, Role.HR_APPROVER):
        items.append((_("All requests"), "arrangements:overview"))
        items.append((_("Agreement register"), "agreements:register"))
    if permissions.is_hr(user):
        items.append((_("Checklist templates"), "checklists:template_list"))
        items.append((_("Agreement templates"), "agreements:templates"))
    if permissions.is_hr(user) or permissions.is_manager(user):
        items.append((_("Checklist reports"), "checklists:reports"))
    if permissions.can_view_audit_log(user):
        items.append((_("Audit log"), "core:audit_log"))
    if permissions.is_admin(user):
        items.append((_("Import"), "org:import"))
        items.append((_("Administration"), "admin:index"))
    items = [(label, name, reverse(name)) for label, name in items]
    active = _active(request, items)
    nav = [{"label": label, "url": url, "active": name == active} for label, name, url in items]
    return {"nav_items": nav, "languages": settings.LANGUAGES}

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from distans.core import permissions
from distans.org.models import Role


def navigation(request):
    """The menu for the signed-in person's roles; links only, access is checked by each view."""
    user = request.user
    if not user.is_authenticated:
        return {"nav_items": [], "languages": settings.LANGUAGES}
    items = [
        (_("My page"), reverse("core:my_page")),
        (_("People"), reverse("org:directory")),
        (_("Units"), reverse("org:unit_list")),
        (_("Sites"), reverse("org:site_list")),
        (_("My week"), reverse("planning:my_week")),
        (_("Team week"), reverse("planning:my_team")),
        (_("Requests"), reverse("arrangements:mine")),
        (_("Agreements"), reverse("agreements:list")),
        (_("Checklists"), reverse("checklists:mine")),
        (_("Follow-up"), reverse("followup:overview")),
        (_("Equipment"), reverse("equipment:mine")),
        (_("Policy"), reverse("policy:page")),
    ]
    if permissions.is_manager(user):
        items.append((_("Problems ahead"), reverse("planning:problems")))
    if permissions.is_manager(user) or permissions.has_role(user, Role.HR_APPROVER):
        items.append((_("To decide"), reverse("arrangements:to_decide")))
    if permissions.is_hr(user) or permissions.has_role(user, Role.HR_APPROVER):
        items.append((_("All requests"), reverse("arrangements:overview")))
        items.append((_("Agreement register"), reverse("agreements:register")))
    if permissions.is_hr(user):
        items.append((_("Checklist templates"), reverse("checklists:template_list")))
        items.append((_("Agreement templates"), reverse("agreements:templates")))
    if permissions.is_hr(user) or permissions.is_manager(user):
        items.append((_("Checklist reports"), reverse("checklists:reports")))
    if permissions.can_view_audit_log(user):
        items.append((_("Audit log"), reverse("core:audit_log")))
    if permissions.is_admin(user):
        items.append((_("Import"), reverse("org:import")))
        items.append((_("Administration"), reverse("admin:index")))
    current = request.path
    # The longest link that the current address starts with is the active one.
    matches = [url for _label, url in items if current == url or (url != "/" and current.startswith(url))]
    active = max(matches, key=len, default=None)
    nav = [{"label": label, "url": url, "active": url == active} for label, url in items]
    return {"nav_items": nav, "languages": settings.LANGUAGES}

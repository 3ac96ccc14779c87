from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "distans.policy"
    verbose_name = _("Remote work policy")

    def ready(self):
        from distans.core.menu import Group, MenuItem, menu
        from distans.policy.permissions import can_edit_policy

        menu.register(
            MenuItem(Group.ORGANISATION, 40, _("Policy"), "policy:page"),
            MenuItem(Group.HR_SETUP, 10, _("Policy versions"), "policy:versions", can_edit_policy),
        )
        menu.place_under({"policy:version": "policy:versions", "policy:preview": "policy:versions"})

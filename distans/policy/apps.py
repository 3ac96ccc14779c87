from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "distans.policy"
    verbose_name = _("Remote work policy")

    def ready(self):
        from distans.core.menu import Group, MenuItem, menu

        menu.register(MenuItem(Group.ORGANISATION, 40, _("Policy"), "policy:page"))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EquipmentConfig(AppConfig):
    name = "distans.equipment"
    verbose_name = _("Equipment")

    def ready(self):
        from distans.agreements import hooks as agreement_hooks
        from distans.core import home
        from distans.core.menu import Group, MenuItem, menu
        from distans.equipment.queries import attention_for, lent_terms
        from distans.equipment.services import loans_ask_back

        home.attention_sources.subscribe("equipment", attention_for)
        agreement_hooks.agreement_finished.subscribe("equipment.ask_back", loans_ask_back)
        agreement_hooks.draft_terms.subscribe("equipment.lent", lent_terms)
        menu.register(MenuItem(Group.ME, 70, _("Equipment"), "equipment:mine"))

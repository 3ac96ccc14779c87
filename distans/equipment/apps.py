from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EquipmentConfig(AppConfig):
    name = "distans.equipment"
    verbose_name = _("Equipment")

    def ready(self):
        from distans.agreements import hooks as agreement_hooks
        from distans.core import home
        from distans.core.audit import audit_words
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.permissions import is_admin, is_hr
        from distans.equipment import words
        from distans.equipment.forms import LOAN_PERSON, loan_person_choices
        from distans.equipment.queries import attention_for, lent_terms
        from distans.equipment.services import loans_ask_back
        from distans.org.hooks import person_choices

        home.attention_sources.subscribe("equipment", attention_for)
        person_choices.subscribe(LOAN_PERSON, loan_person_choices)
        agreement_hooks.agreement_finished.subscribe("equipment.ask_back", loans_ask_back)
        agreement_hooks.draft_terms.subscribe("equipment.lent", lent_terms)
        job_words.subscribe("equipment", words.job_words)
        audit_words.subscribe("equipment", words.audit_words)

        def is_it_admin(user) -> bool:
            return is_admin(user) and not is_hr(user)

        # HR keeps the lending lists; an administrator who is not HR (IT) finds them under Administration.
        menu.register(
            MenuItem(Group.ME, 70, _("Equipment"), "equipment:mine"),
            MenuItem(Group.HR, 80, _("Equipment on loan"), "equipment:loans", is_hr),
            MenuItem(Group.ADMIN, 25, _("Equipment on loan"), "equipment:loans", is_it_admin),
        )

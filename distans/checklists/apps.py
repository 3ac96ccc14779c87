from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecklistsConfig(AppConfig):
    name = "distans.checklists"
    verbose_name = _("Checklists")

    def ready(self):
        from distans.checklists import words
        from distans.checklists.permissions import can_manage_templates, can_view_reports
        from distans.checklists.queries import ASSESSOR, assessor_choices, attention_for, person_link
        from distans.core import home
        from distans.core.audit import audit_words
        from distans.core.demo import DemoStep, demo_steps
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.permissions import is_manager
        from distans.org.hooks import person_choices, person_links

        home.attention_sources.subscribe("checklists", attention_for)
        person_links.subscribe("checklists", person_link)
        person_choices.subscribe(ASSESSOR, assessor_choices)
        job_words.subscribe("checklists", words.job_words)
        audit_words.subscribe("checklists", words.audit_words)
        demo_steps.register(
            DemoStep(
                order=20,
                key="checklists",
                build="distans.checklists.demo.checklists_demo",
                added="Added the demo checklists: assessments, checks and a pulse round.",
            )
        )
        # The reports: a manager's of her team; HR's of everyone.
        menu.register(
            MenuItem(Group.ME, 50, _("Checklists"), "checklists:mine"),
            MenuItem(Group.TEAM, 50, _("Checklist reports"), "checklists:reports", is_manager),
            MenuItem(
                Group.HR,
                50,
                _("Checklist reports"),
                "checklists:reports",
                lambda user: can_view_reports(user) and not is_manager(user),
            ),
            MenuItem(
                Group.HR_SETUP, 30, _("Checklist templates"), "checklists:template_list", can_manage_templates
            ),
        )

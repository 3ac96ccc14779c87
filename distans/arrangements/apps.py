from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrangementsConfig(AppConfig):
    name = "distans.arrangements"
    verbose_name = _("Remote work arrangements")

    def ready(self):
        from distans.arrangements import words
        from distans.arrangements.permissions import can_view_overview, is_hr_approver
        from distans.arrangements.queries import attention_for, policy_action
        from distans.core import home
        from distans.core.audit import audit_words
        from distans.core.demo import DemoStep, demo_steps
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.permissions import is_manager
        from distans.policy.hooks import page_actions

        home.attention_sources.subscribe("arrangements", attention_for)
        page_actions.subscribe("arrangements.new", policy_action)
        job_words.subscribe("arrangements", words.job_words)
        audit_words.subscribe("arrangements", words.audit_words)
        demo_steps.register(
            DemoStep(
                order=30,
                key="arrangements",
                build="distans.arrangements.demo.requests_demo",
                added="Added the demo requests: approved, waiting, abroad, and one the policy stops.",
            )
        )
        # To decide: a manager's in her team; an HR approver who manages no one finds it under HR.
        menu.register(
            MenuItem(Group.ME, 30, _("Requests"), "arrangements:mine"),
            MenuItem(Group.TEAM, 20, _("To decide"), "arrangements:to_decide", is_manager),
            MenuItem(Group.HR, 10, _("All requests"), "arrangements:overview", can_view_overview),
            MenuItem(
                Group.HR,
                20,
                _("To decide"),
                "arrangements:to_decide",
                lambda user: is_hr_approver(user) and not is_manager(user),
            ),
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "distans.followup"
    verbose_name = _("Follow-up and deviations")

    def ready(self):
        from distans.agreements import hooks as agreement_hooks
        from distans.core import home
        from distans.core.demo import DemoStep, demo_steps
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.permissions import is_manager
        from distans.core.schedule import hourly_jobs
        from distans.equipment.hooks import loan_report
        from distans.followup.queries import agreement_section, attention_for, loan_report_url
        from distans.followup.services import evaluations_cancel, followup_sweep

        home.attention_sources.subscribe("followup", attention_for)
        hourly_jobs.subscribe("followup.sweep", followup_sweep)
        agreement_hooks.agreement_finished.subscribe("followup.cancel_evaluations", evaluations_cancel)
        agreement_hooks.detail_sections.subscribe("followup", agreement_section)
        loan_report.subscribe("followup.deviation", loan_report_url)
        demo_steps.register(
            DemoStep(
                order=50,
                key="followup",
                build="distans.followup.demo.followup_demo",
                added="Added follow-ups, deviations and equipment on loan.",
            )
        )
        demo_steps.register(
            DemoStep(
                order=70,
                key="followup.evaluations",
                build="distans.followup.demo.evaluations_demo",
                added="Booked the next evaluation of every agreement in effect.",
            )
        )
        # A manager follows up her team; everyone else her own evaluations.
        menu.register(
            MenuItem(Group.ME, 60, _("Follow-up"), "followup:overview", lambda user: not is_manager(user)),
            MenuItem(Group.TEAM, 40, _("Follow-up"), "followup:overview", is_manager),
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "distans.followup"
    verbose_name = _("Follow-up and deviations")

    def ready(self):
        from distans.agreements import hooks as agreement_hooks
        from distans.core import home
        from distans.core.audit import audit_words
        from distans.core.demo import DemoStep, demo_steps
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.permissions import is_manager
        from distans.core.schedule import hourly_jobs
        from distans.equipment.hooks import loan_report
        from distans.followup import words
        from distans.followup.forms import DEVIATION_ABOUT, deviation_about_choices
        from distans.followup.my_page import next_evaluation_section
        from distans.followup.permissions import can_view_pulse, can_watch_attachment
        from distans.followup.queries import agreement_section, attention_for, loan_report_url
        from distans.followup.services import evaluations_cancel, followup_sweep
        from distans.org.hooks import person_choices

        home.attention_sources.subscribe("followup", attention_for)
        home.sections.subscribe("followup.next_evaluation", next_evaluation_section)
        hourly_jobs.subscribe("followup.sweep", followup_sweep)
        job_words.subscribe("followup", words.job_words)
        audit_words.subscribe("followup", words.audit_words)
        agreement_hooks.agreement_finished.subscribe("followup.cancel_evaluations", evaluations_cancel)
        agreement_hooks.detail_sections.subscribe("followup", agreement_section)
        loan_report.subscribe("followup.deviation", loan_report_url)
        person_choices.subscribe(DEVIATION_ABOUT, deviation_about_choices)
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
            MenuItem(Group.TEAM, 45, _("Attachment watch"), "followup:attachment", is_manager),
            MenuItem(
                Group.HR,
                85,
                _("Attachment watch"),
                "followup:attachment",
                lambda user: can_watch_attachment(user) and not is_manager(user),
            ),
            MenuItem(Group.HR, 90, _("Wellbeing pulse"), "followup:pulse", can_view_pulse),
        )

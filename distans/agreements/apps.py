from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "distans.agreements"
    verbose_name = _("Remote work agreements")

    def ready(self):
        from distans.agreements import words
        from distans.agreements.permissions import can_manage_agreement_templates, can_view_register
        from distans.agreements.queries import attention_for
        from distans.agreements.services import agreement_apply_due, agreement_draft_from_request
        from distans.arrangements.hooks import request_approved
        from distans.core import home
        from distans.core.audit import audit_words
        from distans.core.demo import DemoStep, demo_steps
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.schedule import hourly_jobs

        # An approved request becomes a draft agreement, or an amendment of the person's live one.
        request_approved.subscribe("agreements.draft_from_request", agreement_draft_from_request)
        home.attention_sources.subscribe("agreements", attention_for)
        from distans.agreements.queries import remote_work_section

        home.sections.subscribe("agreements.remote_work", remote_work_section)
        hourly_jobs.subscribe("agreements.apply_due", agreement_apply_due)
        job_words.subscribe("agreements", words.job_words)
        audit_words.subscribe("agreements", words.audit_words)
        demo_steps.register(
            DemoStep(
                order=40,
                key="agreements",
                build="distans.agreements.demo.agreements_demo",
                added="Added the demo agreements: in effect in Sweden, Norway (amended) and Denmark.",
            )
        )
        demo_steps.register(
            DemoStep(
                order=60,
                key="agreements.history",
                build="distans.agreements.history_demo.history_demo",
                added="Added the agreements signed in the past months: about two in three people.",
                analyze_after=True,
            )
        )
        menu.register(
            MenuItem(Group.ME, 40, _("Agreements"), "agreements:list"),
            MenuItem(Group.HR, 30, _("Agreement register"), "agreements:register", can_view_register),
            MenuItem(
                Group.HR_SETUP,
                20,
                _("Agreement templates"),
                "agreements:templates",
                can_manage_agreement_templates,
            ),
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "distans.planning"
    verbose_name = _("Weekly plans")

    def ready(self):
        from distans.agreements import hooks as agreement_hooks
        from distans.arrangements.hooks import usual_coverage
        from distans.core.demo import DemoStep, demo_steps
        from distans.planning.agreement_terms import unit_terms
        from distans.planning.follow_agreements import follow
        from distans.planning.queries import usual_coverage as unit_usual_coverage

        # The usual weeks follow the agreements; requests are judged against the unit's usual week.
        agreement_hooks.rights_changed.subscribe("planning.follow_agreements", follow)
        agreement_hooks.draft_terms.subscribe("planning.unit_terms", unit_terms)
        usual_coverage.subscribe("planning", unit_usual_coverage)
        demo_steps.register(
            DemoStep(
                10,
                "planning.team_settings",
                "distans.planning.demo.team_settings_demo",
                "Added team office days, customer service's minimum and the mailbox duty.",
            )
        )
        demo_steps.register(
            DemoStep(
                80,
                "planning.plans",
                "distans.planning.demo.plans_demo",
                "Added the weekly plans: usual weeks from the agreements, desks and leave.",
                analyze_after=True,
            )
        )

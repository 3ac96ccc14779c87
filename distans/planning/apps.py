from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "distans.planning"
    verbose_name = _("Weekly plans")

    def ready(self):
        from distans.agreements import hooks as agreement_hooks
        from distans.arrangements.hooks import usual_coverage
        from distans.core import history
        from distans.core.audit import audit_words
        from distans.core.demo import DemoStep, demo_steps
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.permissions import is_manager
        from distans.planning import words
        from distans.planning.agreement_terms import unit_terms
        from distans.planning.follow_agreements import follow
        from distans.planning.permissions import can_view_organisation_plans
        from distans.planning.queries import usual_coverage as unit_usual_coverage

        # The usual weeks follow the agreements; requests are judged against the unit's usual week.
        agreement_hooks.rights_changed.subscribe("planning.follow_agreements", follow)
        agreement_hooks.draft_terms.subscribe("planning.unit_terms", unit_terms)
        usual_coverage.subscribe("planning", unit_usual_coverage)
        job_words.subscribe("planning", words.job_words)
        audit_words.subscribe("planning", words.audit_words)
        # A person's feed keys and planner preferences go with her: they are not history.
        history.NOT_HISTORY.update({"feed_tokens", "plan_preference"})
        from distans.core import home
        from distans.org.hooks import site_links, site_list_links
        from distans.planning.queries import offices_planner_link, site_link, this_week_section

        home.sections.subscribe("planning.this_week", this_week_section)
        from distans.planning.attention import attention_for

        home.attention_sources.subscribe("planning", attention_for)  # problems ahead, and the planner
        site_links.subscribe("planning.site", site_link)
        site_list_links.subscribe("planning.offices_planner", offices_planner_link)
        demo_steps.register(
            DemoStep(
                order=10,
                key="planning.team_settings",
                build="distans.planning.demo.team_settings_demo",
                added="Added team office days, customer service's minimum and the mailbox duty.",
            )
        )
        demo_steps.register(
            DemoStep(
                order=80,
                key="planning.plans",
                build="distans.planning.demo.plans_demo",
                added="Added the weekly plans: usual weeks from the agreements, desks and leave.",
                analyze_after=True,
            )
        )
        # Problems ahead: a manager's in her team; HR's across the organisation.
        menu.register(
            MenuItem(Group.ME, 20, _("My week"), "planning:my_week", exact=True),
            MenuItem(Group.TEAM, 10, _("Team week"), "planning:my_team"),
            MenuItem(Group.TEAM, 30, _("Problems ahead"), "planning:problems", is_manager),
            MenuItem(
                Group.HR,
                40,
                _("Problems ahead"),
                "planning:problems",
                lambda user: can_view_organisation_plans(user) and not is_manager(user),
            ),
        )
        menu.place_under(
            {
                "planning:planner": "planning:my_team",
                "planning:planner_run": "planning:my_team",
                "planning:site": "org:site_list",
                "planning:site_planner": "org:site_list",
                "planning:offices_planner": "org:site_list",
                "planning:planner_batch": "org:site_list",
            }
        )

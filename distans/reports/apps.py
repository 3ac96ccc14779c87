from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports read the other apps' queries; nothing imports this app."""

    name = "distans.reports"
    verbose_name = _("Reports")

    def ready(self):
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.reports import effect_plans, words  # noqa: F401  (effect_plans registers its kept figures)
        from distans.reports.business_case import can_view_business_case
        from distans.reports.effect_permissions import can_view_effect
        from distans.reports.today import can_view_today

        job_words.subscribe("reports", words.job_words)
        menu.register(
            MenuItem(Group.REPORTS, 10, _("Business case"), "reports:business_case", can_view_business_case),
            MenuItem(Group.REPORTS, 20, _("Does it work?"), "reports:effect", can_view_effect),
            MenuItem(Group.REPORTS, 30, _("At the office today"), "reports:today", can_view_today),
        )

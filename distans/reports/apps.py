from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports read the other apps' queries; nothing imports this app."""

    name = "distans.reports"
    verbose_name = _("Reports")

    def ready(self):
        pass

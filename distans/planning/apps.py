from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "distans.planning"
    verbose_name = _("Weekly plans")

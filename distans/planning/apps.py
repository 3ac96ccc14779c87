from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "distans.planning"
    verbose_name = _("Weekly plans")

    def ready(self):
        from distans.agreements.signals import rights_changed
        from distans.planning.follow_agreements import follow

        rights_changed.connect(follow, dispatch_uid="planning.follow_agreements")

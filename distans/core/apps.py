from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "distans.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from distans.core.history import refuse_deleting_history

        pre_delete.connect(
            refuse_deleting_history,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="core.refuse_deleting_history",
        )

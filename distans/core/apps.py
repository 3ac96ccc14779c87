from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "distans.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from distans.core import permissions, words
        from distans.core.history import refuse_deleting_history
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu

        pre_delete.connect(
            refuse_deleting_history,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="core.refuse_deleting_history",
        )
        job_words.subscribe("core", words.job_words)
        menu.register(
            MenuItem(Group.ME, 10, _("My page"), "core:my_page"),
            MenuItem(Group.ADMIN, 20, _("Audit log"), "core:audit_log", permissions.can_view_audit_log),
            MenuItem(
                Group.ADMIN, 30, _("Site administration"), "admin:index", permissions.can_use_admin_site
            ),
            MenuItem(Group.ADMIN, 35, _("Jobs"), "core:jobs", permissions.can_use_admin_site),
        )

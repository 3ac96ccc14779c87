from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScimConfig(AppConfig):
    name = "distans.scim"
    label = "scim"
    verbose_name = _("Provisioning (SCIM)")

    def ready(self):
        from distans.org.hooks import managed_elsewhere
        from distans.scim.queries import provisioned

        managed_elsewhere.subscribe("scim", provisioned)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "distans.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from distans.core import home
        from distans.org.queries import attention_for, team_section, you_section

        home.attention_sources.subscribe("org", attention_for)
        home.sections.subscribe("org.you", you_section)
        home.sections.subscribe("org.team", team_section)
